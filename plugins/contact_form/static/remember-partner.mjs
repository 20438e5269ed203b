// For a form that does not post to the intake (CONTACT_BACKEND "url" or "netlify"; only such builds
// load this): the thanks page cannot ask the intake who will call, so the partner the form showed is
// remembered in this tab as the message leaves (thanks.mjs reads it). Never the partner's e-mail.
import { PARTNER_KEY } from "./contact-logic.mjs";

for (const form of document.querySelectorAll("[data-contact-form]")) {
  form.addEventListener("contact:send", ({ detail: { partner: found } }) => {
    if (!found) return;
    const { name, city, state, phone, phoneUri, url, headOffice } = found.partner;
    const remembered = { name, city, state, phone, phoneUri, url, headOffice, rule: found.rule, application: Boolean(found.application) };
    try {
      window.sessionStorage.setItem(PARTNER_KEY, JSON.stringify(remembered));
    } catch {
      // storage full or blocked: the thanks page says the generic thing
    }
  });
}

// mailto mode (CONTACT_BACKEND {"mode": "mailto"}; only such builds load this): a valid enquiry
// opens the visitor's mail program, addressed to the partner contact-form.mjs routed it to.
import { mailtoHref } from "./contact-logic.mjs";

/** The enquiry as a plain-text e-mail: each field's label and answer, then the quiz answers. */
function sendByEmail(form, found) {
  const address = found?.partner.email || form.getAttribute("action").slice(7).split("?")[0];
  const lines = [];
  for (const group of form.querySelectorAll("[data-field]")) {
    const name = group.dataset.field;
    if (name === "consent") continue;
    const label = (group.querySelector("legend, label")?.textContent || name).trim();
    const control = form.elements[name];
    let value = control.value;
    if (control instanceof RadioNodeList || control.type === "select-one") {
      const chosen = form.querySelector(`[name="${name}"]:checked`) || control.options?.[control.selectedIndex];
      value = chosen?.value ? (chosen.labels?.[0] || chosen).textContent.trim() : "";
    }
    lines.push([label, value]);
  }
  if (form.elements.quiz_answers.value) lines.push(["Quiz answers", form.elements.quiz_answers.value]);
  location.href = mailtoHref(address, form.dataset.mailtoSubject || "Inquiry from the website", lines);
  let status = form.querySelector("[data-mailto-status]");
  if (!status) {
    status = document.createElement("p");
    status.className = "notice";
    status.dataset.mailtoStatus = "";
    status.setAttribute("role", "status");
    form.append(status);
  }
  status.textContent = `Your email program should open with your message to ${found ? found.partner.name : "us"}. Send it from there.`;
}

for (const form of document.querySelectorAll("[data-contact-form]")) {
  form.addEventListener("contact:send", ({ detail }) => {
    detail.submit.preventDefault();
    sendByEmail(form, detail.partner);
  });
}

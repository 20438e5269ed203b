// mailto mode (CONTACT_BACKEND {"mode": "mailto"}; only such builds load this): a valid inquiry
// opens the visitor's mail program, addressed to the partner contact-form.mjs routed it to.
import { mailtoHref } from "./mailto-logic.mjs";

const SKIPPED = new Set(["consent", "website", "started"]);

/** [label, answer] for each question the visitor was asked (not the other kind of inquiry's), as they read it. */
function lines(form) {
  const found = [];
  for (const group of form.querySelectorAll("[data-field]")) {
    const name = group.dataset.field;
    const control = form.elements[name];
    if (SKIPPED.has(name) || !control || group.closest("[data-kind]")?.hidden) continue;
    const chosen = form.querySelector(`[name="${name}"]:checked`) || control.options?.[control.selectedIndex];
    const answer = chosen ? (chosen.value ? (chosen.labels?.[0] || chosen).textContent : "") : control.value;
    found.push([(group.querySelector("legend, label")?.textContent || name).trim(), answer.trim()]);
  }
  return found;
}

/** The inquiry as a plain-text e-mail: each question's label and answer, then the quiz answers. */
function sendByEmail(form, found) {
  const address = found?.partner.email || form.getAttribute("action").slice(7).split("?")[0];
  const answers = lines(form);
  if (form.elements.quiz_answers.value) answers.push(["Quiz answers", form.elements.quiz_answers.value]);
  location.href = mailtoHref(address, form.dataset.mailtoSubject || "Inquiry from the website", answers);
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

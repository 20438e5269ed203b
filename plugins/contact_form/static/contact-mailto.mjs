// mailto mode (CONTACT_BACKEND {"mode": "mailto"}; only such builds load this): a valid inquiry
// opens the visitor's mail program, addressed to the partner contact-form.mjs routed it to.
import { lines } from "./contact-draft.mjs";
import { mailtoHref } from "./contact-logic.mjs";

/** The inquiry as a plain-text e-mail: each question's label and answer, then the quiz answers. */
function sendByEmail(form, found) {
  const address = found?.partner.email || form.getAttribute("action").slice(7).split("?")[0];
  const answers = lines(form).map(({ label, text }) => [label, text]);
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

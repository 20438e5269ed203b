// Enhances the contact form (markup from contact_form/render.py; it works without this): ?role= /
// ?kind= / ?partner= pre-filled, the intake's anti-bot token, and the form's parts: errors
// (form-errors.mjs), each kind of inquiry's questions (inquiry-kind.mjs), the message's live count
// (message-count.mjs), where the message goes (partner-preview.mjs) and the quiz's hand-off
// (quiz-handoff.mjs, loaded only when the address carries quiz answers).
// A valid form fires `contact:send` ({partner, submit}) on its way out.
import { prefillFrom, tokenFrom } from "./contact-logic.mjs";
import { checkForm, followSummaryLinks } from "./form-errors.mjs";
import { inquiryKind } from "./inquiry-kind.mjs";
import { messageCount } from "./message-count.mjs";
import { partnerPreview } from "./partner-preview.mjs";

/** Choose `value` in an empty <select>, if it offers it. */
function choose(select, value) {
  if (select && value && !select.value && [...select.options].some((option) => option.value === value)) select.value = value;
}

function prefill(form) {
  const fields = form.elements;
  const values = (name) => [...form.querySelectorAll(`[name=${name}] option, input[name=${name}]`)].map((o) => o.value).filter(Boolean);
  const wanted = prefillFrom(location.search, { roles: values("role"), kinds: values("enquiry_kind"), partners: values("partner") });
  if (wanted.role) fields.role.value = wanted.role;
  if (wanted.kind) fields.enquiry_kind.value = wanted.kind;
  if (wanted.zipCode && !fields.zip_code.value) fields.zip_code.value = wanted.zipCode;
  choose(fields.state, wanted.state);
  choose(fields.partner, wanted.partner);
  const handoff = form.querySelector("[data-quiz-handoff]");
  const params = new URLSearchParams(location.search);
  if (handoff && (fields.quiz_answers?.value || handoff.dataset.questions.split(" ").some((id) => params.has(id)))) {
    import("./quiz-handoff.mjs").then(({ quizHandoff }) => quizHandoff(form, wanted.role));
  }
  return wanted;
}

/** The intake's token, fetched once, at the visitor's first interaction with the form. */
function fetchToken(form) {
  const url = form.dataset.tokenUrl;
  const field = form.elements.started;
  if (!url || !field) return;
  const first = new AbortController();
  const fetchOnce = () => {
    first.abort();
    fetch(url, { headers: { Accept: "application/json" } })
      .then((response) => (response.ok ? response.json() : null))
      .then((json) => {
        const token = tokenFrom(json);
        if (token && !field.value) field.value = token;
      })
      .catch(() => {}); // no token: the intake decides what an empty field means
  };
  for (const name of ["focusin", "pointerdown", "keydown", "input"]) {
    form.addEventListener(name, fetchOnce, { capture: true, signal: first.signal });
  }
}

for (const form of document.querySelectorAll("[data-contact-form]")) {
  form.noValidate = true;
  const wanted = prefill(form);
  fetchToken(form);
  const partner = partnerPreview(form, wanted);
  inquiryKind(form, partner.update);
  messageCount(form);
  followSummaryLinks(form);
  form.querySelector("[data-error-summary]")?.focus(); // the intake's page for a post it did not take

  form.addEventListener("submit", (event) => {
    if (!checkForm(form)) {
      event.preventDefault();
      return;
    }
    // Valid: on its way. contact-mailto.mjs (mailto mode) sends it from here instead; remember-partner.mjs
    // (url and netlify modes) tells the thanks page who will call.
    form.dispatchEvent(new CustomEvent("contact:send", { detail: { partner: partner.current(), submit: event } }));
  });
}

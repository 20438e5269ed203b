// Enhances the contact form (markup from contact_form/render.py; it works without this): ?role= /
// ?kind= / ?partner= pre-filled, the partner the message goes to as soon as it is known, the intake's
// anti-bot token, and the form's parts: errors (form-errors.mjs), each kind of inquiry's questions
// (inquiry-kind.mjs), the message's live count (message-count.mjs), the quiz's hand-off
// (quiz-handoff.mjs, loaded only when the address carries quiz answers) and what was typed, kept for
// a refusal (contact-draft.mjs). A valid form fires `contact:send` ({partner, submit}) on its way out.
import { partnerLookup } from "../../partner_directory/static/partner-card.mjs";
import { keepDraft, restoreDraft } from "./contact-draft.mjs";
import { PARTNER_KEY, fillIn, prefillFrom, tokenFrom } from "./contact-logic.mjs";
import { checkForm, followSummaryLinks } from "./form-errors.mjs";
import { inquiryKind } from "./inquiry-kind.mjs";
import { routeInquiry } from "./inquiry-routing.mjs";
import { messageCount } from "./message-count.mjs";

let storage = null;
try {
  storage = window.sessionStorage;
} catch {
  // blocked: the thanks page says the generic thing
}

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

/** "Your message goes to Dana Whitfield in Denver." at the top, for a link from a partner's profile. */
function sayWhereItGoes(form, wanted, lookup) {
  const notice = form.querySelector("[data-partner-choice]");
  if (!notice || !wanted.partnerAsked) return;
  const card = wanted.partner && lookup?.router.lookup.partners[wanted.partner];
  const option = form.elements.partner?.selectedOptions[0];
  notice.textContent = wanted.partner
    ? fillIn(notice.dataset.chosen, { name: card?.name || option.text, city: card?.city || "" })
    : notice.dataset.unknown;
  notice.hidden = false;
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

/** The partner the message goes to, under the location fields; returns () => that partner (or null). */
function partnerPreview(form, lookup) {
  const fields = form.elements;
  const preview = form.querySelector("[data-partner-preview]");
  if (!lookup || !preview) return { current: () => null, update: () => {} };
  let current = null;
  const update = () => {
    const where = { zipCode: fields.zip_code.value, state: fields.state.value };
    const kind = fields.enquiry_kind.value;
    current = routeInquiry(lookup.router, kind, where, fields.partner?.value || "");
    const card = lookup.show(preview, current, where, kind);
    if (card && current.rule === "chosen") card.querySelector("[data-slot=reason]").textContent = preview.dataset.chosen;
  };
  fields.zip_code.addEventListener("input", update);
  for (const control of [fields.state, fields.partner]) control?.addEventListener("change", update);
  return { current: () => current, update };
}

/** What the thanks page says about who will call (contact/thanks.mjs reads it). */
function rememberPartner(found) {
  if (!storage || !found) return;
  const { name, city, state, phone, phoneUri, url, headOffice } = found.partner;
  const remembered = { name, city, state, phone, phoneUri, url, headOffice, rule: found.rule, application: Boolean(found.application) };
  try {
    storage.setItem(PARTNER_KEY, JSON.stringify(remembered));
  } catch {
    // storage full or blocked: the thanks page says the generic thing
  }
}

for (const form of document.querySelectorAll("[data-contact-form]")) {
  form.noValidate = true;
  restoreDraft(form);
  const wanted = prefill(form);
  fetchToken(form);
  const lookup = partnerLookup(form.elements.state);
  const partner = partnerPreview(form, lookup);
  inquiryKind(form, partner.update);
  partner.update();
  sayWhereItGoes(form, wanted, lookup);
  messageCount(form);
  followSummaryLinks(form);
  form.querySelector("[data-error-summary]")?.focus(); // the intake's page for a post it did not take

  form.addEventListener("submit", (event) => {
    if (!checkForm(form)) {
      event.preventDefault();
      return;
    }
    rememberPartner(partner.current());
    if (form.dataset.backend !== "mailto") keepDraft(form);
    // Valid: on its way. contact-mailto.mjs (mailto mode) sends it from here instead.
    form.dispatchEvent(new CustomEvent("contact:send", { detail: { partner: partner.current(), submit: event } }));
  });
}

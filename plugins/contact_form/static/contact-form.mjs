// Enhances the contact form (markup from contact_form/render.py; it works without this):
// GOV.UK-style errors on submit, the local partner as soon as the ZIP code or state is known,
// ?role= / ?kind= pre-filled, the quiz's hand-off (its answers in the address: the fields they
// answer pre-selected, a "From your quiz" summary, all of them sent as quiz_answers), and the
// intake's anti-bot token. A valid form fires `contact:send` ({partner, submit}) on its way out.
import { hasLocation, routeEnquiry } from "../../partner_directory/static/routing.mjs";
import { partnerLookup } from "../../partner_directory/static/partner-card.mjs";
import { PARTNER_KEY, messagesFrom, prefillFrom, tokenFrom, validityMessage } from "./contact-logic.mjs";
import { quizHandoff } from "./quiz-handoff.mjs";

const SKIPPED = new Set(["website", "quiz_answers", "started"]);
let storage = null;
try {
  storage = window.sessionStorage;
} catch {
  // blocked: the thanks page says the generic thing
}

function make(tag, className = "", text = "") {
  const element = document.createElement(tag);
  if (className) element.className = className;
  element.textContent = text;
  return element;
}

/** Choose `value` in an empty <select>, if it offers it. */
function choose(select, value) {
  if (select && value && !select.value && [...select.options].some((option) => option.value === value)) select.value = value;
}

function prefill(form) {
  const fields = form.elements;
  const values = (name) => [...form.querySelectorAll(`input[name=${name}]`)].map((radio) => radio.value);
  const wanted = prefillFrom(location.search, { roles: values("role"), kinds: values("enquiry_kind") });
  if (wanted.role) fields.role.value = wanted.role;
  if (wanted.kind) fields.enquiry_kind.value = wanted.kind;
  if (wanted.zipCode && !fields.zip_code.value) fields.zip_code.value = wanted.zipCode;
  choose(fields.state, wanted.state);
  quizHandoff(form, wanted.role);
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

/** The local partner under the location fields; returns () => the partner the form goes to. */
function partnerPreview(form) {
  const fields = form.elements;
  const preview = form.querySelector("[data-partner-preview]");
  const lookup = preview && partnerLookup(fields.state);
  if (!lookup) return () => null;
  let current = null;
  const update = () => {
    const where = { zipCode: fields.zip_code.value, state: fields.state.value };
    const kind = fields.enquiry_kind.value;
    current = kind === "partner" || hasLocation(where, lookup.router) ? routeEnquiry(lookup.router, kind, where) : null;
    lookup.show(preview, current, where, kind);
  };
  fields.zip_code.addEventListener("input", update);
  for (const control of [fields.state, ...fields.enquiry_kind]) control.addEventListener("change", update);
  update();
  return () => current;
}

// --- errors, GOV.UK style --------------------------------------------------------------------

function describedBy(element, id, present) {
  const ids = new Set((element.getAttribute("aria-describedby") || "").split(/\s+/).filter(Boolean));
  ids[present ? "add" : "delete"](id);
  if (ids.size) element.setAttribute("aria-describedby", [...ids].join(" "));
  else element.removeAttribute("aria-describedby");
}

/** Show (or clear, for no message) the error beside a field: message, red bar, aria-invalid. */
function showFieldError(control, message) {
  const group = control.closest("[data-field]");
  if (!group) return;
  const radio = control.type === "radio";
  group.querySelector("[data-field-error]")?.remove();
  group.classList.toggle("form-group--error", Boolean(message));
  for (const input of radio ? group.querySelectorAll("input[type=radio]") : [control]) {
    if (message) input.setAttribute("aria-invalid", "true");
    else input.removeAttribute("aria-invalid");
  }
  describedBy(radio ? control.closest("fieldset") : control, group.dataset.errorId, Boolean(message));
  if (!message) return;
  const error = make("p", "field-error", ` ${message}`);
  error.id = group.dataset.errorId;
  error.dataset.fieldError = "";
  error.prepend(make("span", "visually-hidden", "Error:"));
  const before = group.querySelector(".radios, .checkbox") || control;
  before.before(error);
}

/** Every field the browser checks, in page order, with its message (null when it is fine). */
function problems(form) {
  const found = [];
  const seen = new Set();
  for (const control of form.elements) {
    const { name } = control;
    if (!name || SKIPPED.has(name) || seen.has(name) || control.type === "hidden" || !control.willValidate) continue;
    seen.add(name);
    let message = validityMessage(control.validity, messagesFrom(control.dataset));
    if (!message && name === "zip_code" && !control.value.trim() && !form.elements.state.value) {
      message = form.dataset.locationRequired;
    }
    found.push({ control: control.type === "radio" ? form.querySelector(`input[name="${name}"]`) : control, message });
  }
  return found;
}

/** The error summary at the top of the form, each message linked to its field (none: removed). */
function showSummary(form, errors) {
  form.querySelector("[data-error-summary]")?.remove();
  if (!errors.length) return null;
  const summary = make("div", "error-summary");
  summary.dataset.errorSummary = "";
  summary.setAttribute("role", "alert");
  summary.setAttribute("aria-labelledby", "contact-error-summary-title");
  summary.tabIndex = -1;
  const heading = make("h2", "", "There is a problem");
  heading.id = "contact-error-summary-title";
  const list = document.createElement("ul");
  for (const { control, message } of errors) {
    const item = document.createElement("li");
    const link = make("a", "", message);
    link.href = `#${control.id}`;
    item.append(link);
    list.append(item);
  }
  summary.append(heading, list);
  form.prepend(summary);
  return summary;
}

/** A summary link moves focus to its field and shows the field's label or legend too. */
function followSummaryLinks(form) {
  form.addEventListener("click", (event) => {
    const link = event.target.closest("[data-error-summary] a[href^='#']");
    const control = link && document.getElementById(link.getAttribute("href").slice(1));
    if (!control) return;
    event.preventDefault();
    control.focus();
    const label = control.type === "radio" ? control.closest("fieldset").querySelector("legend") : control.closest("[data-field]");
    (label || control).scrollIntoView({ block: "start" });
  });
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
  prefill(form);
  fetchToken(form);
  const partner = partnerPreview(form);
  followSummaryLinks(form);
  form.querySelector("[data-error-summary]")?.focus(); // the intake's page for a post without JavaScript

  form.addEventListener("submit", (event) => {
    const all = problems(form);
    for (const { control, message } of all) showFieldError(control, message);
    const summary = showSummary(form, all.filter((problem) => problem.message));
    if (summary) {
      event.preventDefault();
      summary.focus();
      return;
    }
    rememberPartner(partner());
    // Valid: on its way. contact-mailto.mjs (mailto mode) sends it from here instead.
    form.dispatchEvent(new CustomEvent("contact:send", { detail: { partner: partner(), submit: event } }));
  });
}

// Enhances the contact form (markup from contact_form/render.py; it works without this):
// GOV.UK-style errors on submit, the visitor's local partner as soon as the ZIP code or
// state is known, ?role= / ?kind= / quiz answers pre-filled, the intake's anti-bot token,
// and the mailto: mode addressed to the routed partner.

import { createRouter, hasLocation, normaliseZip, routeEnquiry } from "../partners/routing.mjs";
import { readLookup, renderPartnerCard, stateNamesFrom } from "../partners/partner-card.mjs";
import {
  PARTNER_KEY,
  mailtoHref,
  messagesFrom,
  parseAnswers,
  prefillFrom,
  quizAnswersFor,
  tokenFrom,
  validityMessage,
} from "./contact-logic.mjs";

const SKIPPED = new Set(["website", "quiz_answers", "started"]);

function session() {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}

function radioValues(form, name) {
  return [...form.querySelectorAll(`input[type=radio][name="${name}"]`)].map((input) => input.value);
}

function prefill(form) {
  const wanted = prefillFrom(window.location.search, {
    roles: radioValues(form, "role"),
    kinds: radioValues(form, "enquiry_kind"),
  });
  if (wanted.role) form.querySelector(`input[name=role][value="${wanted.role}"]`).checked = true;
  if (wanted.kind) form.querySelector(`input[name=enquiry_kind][value="${wanted.kind}"]`).checked = true;
  const zip = form.elements.zip_code;
  if (wanted.zipCode && !zip.value) zip.value = wanted.zipCode;
  const state = form.elements.state;
  if (wanted.state && !state.value && [...state.options].some((option) => option.value === wanted.state)) {
    state.value = wanted.state;
  }
  const hidden = form.elements.quiz_answers;
  if (hidden && !hidden.value) {
    hidden.value = quizAnswersFor(window.location.search, session(), {
      pattern: hidden.dataset.pattern,
      maxLength: Number(hidden.dataset.maxlength) || 500,
    });
  }
  // Answers the quiz shares with the form's optional bands fill those in, if still empty.
  const answers = parseAnswers(hidden ? hidden.value : "");
  for (const name of ["team_size", "revenue"]) {
    const select = form.elements[name];
    const value = answers[name];
    if (select && !select.value && value && [...select.options].some((option) => option.value === value)) {
      select.value = value;
    }
  }
}

function fetchTokenOnFirstInteraction(form) {
  const url = form.dataset.tokenUrl;
  const field = form.elements.started;
  if (!url || !field) return;
  const events = ["focusin", "pointerdown", "keydown", "input"];
  const once = () => {
    for (const name of events) form.removeEventListener(name, once, true);
    fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin" })
      .then((response) => (response.ok ? response.json() : null))
      .then((json) => {
        const token = tokenFrom(json);
        if (token && !field.value) field.value = token;
      })
      .catch(() => {}); // no token: the intake decides what an empty field means
  };
  for (const name of events) form.addEventListener(name, once, true);
}

function partnerPreview(form) {
  const preview = form.querySelector("[data-partner-preview]");
  const template = document.querySelector("template[data-partner-card-template]");
  const lookup = readLookup();
  if (!preview || !template || !lookup) return { current: () => null };
  const router = createRouter(lookup);
  const stateName = stateNamesFrom(form.elements.state);
  let shownKey = "";
  let current = null;

  function where() {
    return { zipCode: form.elements.zip_code.value, state: form.elements.state.value };
  }
  function kind() {
    const checked = form.querySelector("input[name=enquiry_kind]:checked");
    return checked ? checked.value : "";
  }
  function update() {
    const place = where();
    if (kind() !== "partner" && !hasLocation(place, router)) {
      shownKey = "";
      current = null;
      preview.replaceChildren();
      return;
    }
    const found = routeEnquiry(router, kind(), place);
    current = found;
    const key = `${found.slug}|${found.rule}|${normaliseZip(place.zipCode) || place.state}|${kind()}`;
    if (key === shownKey) return;
    shownKey = key;
    preview.replaceChildren(renderPartnerCard(template, found, { stateName }));
  }
  form.elements.zip_code.addEventListener("input", update);
  form.elements.state.addEventListener("change", update);
  for (const radio of form.querySelectorAll("input[name=enquiry_kind]")) radio.addEventListener("change", update);
  update();
  return { current: () => current, update };
}

// --- errors, GOV.UK style ----------------------------------------------------------------

function groupOf(control) {
  return control.closest("[data-field]");
}

function describedByTarget(control) {
  return control.type === "radio" ? control.closest("fieldset") : control;
}

function setDescribedBy(element, id, present) {
  const ids = new Set((element.getAttribute("aria-describedby") || "").split(/\s+/).filter(Boolean));
  if (present) ids.add(id);
  else ids.delete(id);
  if (ids.size) element.setAttribute("aria-describedby", [...ids].join(" "));
  else element.removeAttribute("aria-describedby");
}

function showFieldError(control, message) {
  const group = groupOf(control);
  if (!group) return;
  const errorId = group.dataset.errorId;
  group.querySelector("[data-field-error]")?.remove();
  const inputs = control.type === "radio" ? [...group.querySelectorAll("input[type=radio]")] : [control];
  group.classList.toggle("form-group--error", Boolean(message));
  for (const input of inputs) {
    if (message) input.setAttribute("aria-invalid", "true");
    else input.removeAttribute("aria-invalid");
  }
  setDescribedBy(describedByTarget(control), errorId, Boolean(message));
  if (!message) return;
  const error = document.createElement("p");
  error.className = "field-error";
  error.id = errorId;
  error.dataset.fieldError = "";
  const hidden = document.createElement("span");
  hidden.className = "visually-hidden";
  hidden.textContent = "Error:";
  error.append(hidden, ` ${message}`);
  const before = group.querySelector(".radios, .checkbox") || control;
  before.parentNode.insertBefore(error, before);
}

/** Every problem in the form, in page order: [{control, message}]. */
function problems(form) {
  const found = [];
  const seen = new Set();
  for (const control of form.elements) {
    if (!control.name || SKIPPED.has(control.name) || seen.has(control.name) || control.type === "hidden") continue;
    if (!control.willValidate) continue;
    seen.add(control.name);
    const first = control.type === "radio" ? form.querySelector(`input[name="${control.name}"]`) : control;
    let message = validityMessage(control.validity, messagesFrom(control.dataset));
    if (!message && control.name === "zip_code" && !control.value.trim() && !form.elements.state.value) {
      message = form.dataset.locationRequired;
    }
    found.push({ control: first, message });
  }
  return found;
}

function focusControl(control) {
  control.focus();
  const label = control.type === "radio" ? control.closest("fieldset").querySelector("legend") : groupOf(control);
  (label || control).scrollIntoView({ block: "start" });
}

function showSummary(form, errors) {
  form.querySelector("[data-error-summary]")?.remove();
  if (!errors.length) return null;
  const summary = document.createElement("div");
  summary.className = "error-summary";
  summary.dataset.errorSummary = "";
  summary.setAttribute("role", "alert");
  summary.setAttribute("aria-labelledby", "contact-error-summary-title");
  summary.tabIndex = -1;
  const heading = document.createElement("h2");
  heading.id = "contact-error-summary-title";
  heading.textContent = "There is a problem";
  const list = document.createElement("ul");
  for (const { control, message } of errors) {
    const item = document.createElement("li");
    const link = document.createElement("a");
    link.href = `#${control.id}`;
    link.textContent = message;
    item.append(link);
    list.append(item);
  }
  summary.append(heading, list);
  form.prepend(summary);
  return summary;
}

function linkSummaryToFields(form) {
  form.addEventListener("click", (event) => {
    const link = event.target.closest("[data-error-summary] a[href^='#']");
    if (!link) return;
    const control = document.getElementById(link.getAttribute("href").slice(1));
    if (!control) return;
    event.preventDefault();
    focusControl(control);
  });
}

function rememberPartner(found) {
  const store = session();
  if (!store || !found) return;
  try {
    const { name, city, state, phone, url, headOffice } = found.partner;
    store.setItem(
      PARTNER_KEY,
      JSON.stringify({ name, city, state, phone, url, headOffice, rule: found.rule, application: Boolean(found.application) }),
    );
  } catch {
    // storage full or blocked: the thanks page says the generic thing
  }
}

function sendByEmail(form, found) {
  const fallback = form.getAttribute("action");
  const address = found && found.partner.email ? found.partner.email : fallback.slice(7).split("?")[0];
  const lines = [];
  for (const group of form.querySelectorAll("[data-field]")) {
    const name = group.dataset.field;
    if (name === "consent") continue;
    const label = (group.querySelector("legend, label")?.textContent || name).trim();
    const control = form.elements[name];
    let value = control.value;
    if (control instanceof RadioNodeList || control.type === "select-one") {
      const chosen = form.querySelector(`[name="${name}"]:checked`) || control.options?.[control.selectedIndex];
      value = chosen && chosen.value ? (chosen.labels?.[0] || chosen).textContent.trim() : "";
    }
    lines.push([label, value]);
  }
  if (form.elements.quiz_answers.value) lines.push(["Quiz answers", form.elements.quiz_answers.value]);
  window.location.href = mailtoHref(address, form.dataset.mailtoSubject || "Enquiry from the website", lines);
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

function enhance(form) {
  form.noValidate = true;
  prefill(form);
  fetchTokenOnFirstInteraction(form);
  const preview = partnerPreview(form);
  linkSummaryToFields(form);
  const serverSummary = form.querySelector("[data-error-summary]");
  if (serverSummary) serverSummary.focus();

  form.addEventListener("submit", (event) => {
    const all = problems(form);
    for (const { control, message } of all) showFieldError(control, message);
    const errors = all.filter((problem) => problem.message);
    const summary = showSummary(form, errors);
    if (summary) {
      event.preventDefault();
      summary.focus();
      return;
    }
    const found = preview.current();
    rememberPartner(found);
    if (form.dataset.backend === "mailto") {
      event.preventDefault();
      sendByEmail(form, found);
    }
  });
}

for (const form of document.querySelectorAll("[data-contact-form]")) enhance(form);

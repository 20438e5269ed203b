// The contact form's errors, GOV.UK style: a message beside each field, a summary at the top linking to
// them, and "Error: " before the page's title while there is one. Messages come from the build
// (data-error-*, derived from WTForms), so the page says what the server would.
import { countCharacters, messagesFrom, validityMessage } from "./contact-logic.mjs";

const SKIPPED = new Set(["website", "quiz_answers", "started"]);
const TITLE = document.title.replace(/^Error: /, "");

function make(tag, className = "", text = "") {
  const element = document.createElement(tag);
  if (className) element.className = className;
  element.textContent = text;
  return element;
}

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
  const id = `${control.form.dataset.idPrefix}${group.dataset.field}-error`; // as render.py names it
  describedBy(radio ? control.closest("fieldset") : control, id, Boolean(message));
  if (!message) return;
  const error = make("p", "field-error", ` ${message}`);
  error.id = id;
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
    const { dataset } = control;
    let message = validityMessage(control.validity, messagesFrom(dataset));
    if (!message && dataset.maxlength && countCharacters(control.value) > Number(dataset.maxlength)) {
      message = dataset.errorLength; // a textarea counts instead of cutting (message-count.mjs)
    }
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
  document.title = errors.length ? `Error: ${TITLE}` : TITLE;
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
export function followSummaryLinks(form) {
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

/** Check the form as the server would; true when it may go. Otherwise the summary has the focus. */
export function checkForm(form) {
  const all = problems(form);
  for (const { control, message } of all) showFieldError(control, message);
  const summary = showSummary(form, all.filter((problem) => problem.message));
  summary?.focus();
  return !summary;
}

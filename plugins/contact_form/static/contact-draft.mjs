// What the visitor typed, kept in this tab (sessionStorage) as the form leaves, so a refusal the page
// cannot answer itself (the host's "too large" or "not sent" page, the intake's when it could not read
// the post) still shows it, and /contact/ fills it in again. The thanks page forgets it.
// The mailto mode reads the same lines (`lines`) for its e-mail.
import { DRAFT_KEY } from "./contact-logic.mjs";

const SKIPPED = new Set(["consent", "website", "started"]);

function storage() {
  try {
    return window.sessionStorage;
  } catch {
    return null; // blocked: nothing kept
  }
}

/** Each question the visitor answered, as [{name, label, value, text}] (text: what a person reads). */
export function lines(form) {
  const found = [];
  for (const group of form.querySelectorAll("[data-field]")) {
    const { field: name } = group.dataset;
    const control = form.elements[name];
    if (SKIPPED.has(name) || !control || group.closest("[data-kind]")?.hidden) continue;
    const chosen = form.querySelector(`[name="${name}"]:checked`) || control.options?.[control.selectedIndex];
    const value = chosen ? chosen.value : control.value;
    const text = chosen ? (chosen.labels?.[0] || chosen).textContent.trim() : value.trim();
    if (value.trim()) found.push({ name, label: (group.querySelector("legend, label")?.textContent || name).trim(), value, text });
  }
  return found;
}

export function keepDraft(form) {
  try {
    storage()?.setItem(DRAFT_KEY, JSON.stringify(lines(form)));
  } catch {
    // storage full: the Back button is the way back
  }
}

function kept() {
  try {
    return JSON.parse(storage()?.getItem(DRAFT_KEY) || "[]");
  } catch {
    return [];
  }
}

export function forgetDraft() {
  storage()?.removeItem(DRAFT_KEY);
}

/** Fill an untouched form with the kept draft (once: the next send keeps it again). */
export function restoreDraft(form) {
  const draft = kept();
  if (!draft.length || [...form.querySelectorAll("input[type=text], input:not([type]), textarea")].some((c) => c.value.trim())) return;
  for (const { name, value } of draft) {
    const control = form.elements[name];
    if (control instanceof RadioNodeList) control.value = value;
    else if (control && control.type !== "hidden") control.value = value;
  }
  forgetDraft();
}

/** The kept draft on a page that says the message was not sent: to copy, or to e-mail as it is. */
function showDraft(slot) {
  const draft = kept();
  if (!draft.length) return;
  const text = draft.map(({ label, text: answer }) => `${label}: ${answer}`).join("\n");
  const heading = document.createElement("h2");
  heading.textContent = slot.dataset.title || "What you typed";
  heading.id = "draft-title";
  const box = document.createElement("textarea");
  box.readOnly = true;
  box.rows = 8;
  box.value = text;
  box.setAttribute("aria-labelledby", "draft-title");
  slot.replaceChildren(heading, box);
  slot.hidden = false;
}

for (const slot of document.querySelectorAll("[data-contact-draft]")) showDraft(slot);

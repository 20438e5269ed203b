// The contact form's decisions, without the DOM (unit-tested under Node in tests/js). The quiz hand-off's
// are in handoff-logic.mjs and the mailto mode's in mailto-logic.mjs: only pages that use them load them.

export const PARTNER_KEY = "contact-partner";

/** The message for a field's ValidityState, from the messages the build derived from WTForms. */
export function validityMessage(validity, messages) {
  if (validity.valid) return null;
  if (validity.valueMissing && messages.required) return messages.required;
  if (validity.typeMismatch && messages.type) return messages.type;
  return messages.pattern || messages.length || messages.required || "Check this field";
}

/** The messages carried by an input's data-error-* attributes (its dataset). */
export function messagesFrom(dataset) {
  const { errorRequired: required, errorType: type, errorPattern: pattern, errorLength: length } = dataset;
  return { required, type, pattern, length };
}

/**
 * What the address bar asks to pre-fill: {role, kind, partner, partnerAsked, zipCode, state}; unknown
 * values are ignored (`partnerAsked`: the address named a partner, known or not).
 */
export function prefillFrom(search, { roles = [], kinds = [], partners = [] } = {}) {
  const params = new URLSearchParams(search || "");
  const pick = (value, allowed) => (value && allowed.includes(value) ? value : null);
  return {
    role: pick(params.get("role"), roles),
    kind: pick(params.get("kind"), kinds),
    partner: pick(params.get("partner"), partners),
    partnerAsked: Boolean((params.get("partner") || "").trim()),
    zipCode: (params.get("zip_code") || params.get("zip") || "").trim().slice(0, 10) || null,
    state: (params.get("state") || "").trim().toUpperCase().slice(0, 2) || null,
  };
}

/** A sentence with {name}-style slots filled in: the template's words, the page's facts. */
export function fillIn(template, values) {
  return String(template || "").replace(/\{(\w+)\}/g, (slot, key) => (key in values ? String(values[key]) : slot));
}

/** How the server counts a message (forms.py Length, after the intake's strip): characters, not UTF-16 units. */
export function countCharacters(value) {
  return [...String(value || "").trim()].length;
}

/** Where a count stands: "ok", "near" (a tenth of the limit or less left) or "over" the limit. */
export function countBand(count, limit) {
  if (count > limit) return "over";
  return limit - count <= limit / 10 ? "near" : "ok";
}

/** The count line: "You have {n} characters left" (or "too many") with n as people read it, "1,000". */
export function countText({ left, over }, count, limit) {
  const rest = limit - count;
  return fillIn(rest < 0 ? over : left, { n: Math.abs(rest).toLocaleString("en-US") });
}

/** The token from the intake's JSON answer, if it looks like one (else ""). */
export function tokenFrom(json, maxLength = 200) {
  const token = typeof json?.token === "string" ? json.token.trim() : "";
  return token.length <= maxLength ? token : "";
}

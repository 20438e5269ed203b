// The contact form's decisions, without the DOM (unit-tested under Node in tests/js).

export const PARTNER_KEY = "contact-partner";
export const DRAFT_KEY = "contact-draft";

/** The message for a field's ValidityState, from the messages the build derived from WTForms. */
export function validityMessage(validity, messages) {
  if (validity.valid) return null;
  if (validity.valueMissing) return messages.required || "Complete this field";
  if (validity.typeMismatch) return messages.type || messages.pattern || "Check the format of this field";
  if (validity.patternMismatch) return messages.pattern || "Check the format of this field";
  if (validity.tooLong || validity.tooShort) return messages.length || "Check the length of this field";
  return messages.pattern || messages.required || "Check this field";
}

/** The messages carried by an input's data-error-* attributes (its dataset). */
export function messagesFrom(dataset) {
  const { errorRequired: required, errorType: type, errorPattern: pattern, errorLength: length } = dataset;
  return { required, type, pattern, length };
}

/** {team_size: "small", revenue: "1-15m"} -> "team_size=small,revenue=1-15m" (the quiz_answers field). */
export function serialiseAnswers(answers) {
  return Object.entries(answers)
    .filter(([, value]) => value)
    .map(([key, value]) => `${key}=${value}`)
    .join(",");
}

/** "team_size=small,revenue=1-15m" -> {team_size: "small", revenue: "1-15m"}. */
export function parseAnswers(text) {
  const answers = {};
  for (const pair of (text || "").split(",")) {
    const [key, value] = pair.split("=");
    if (key && value) answers[key.trim()] = value.trim();
  }
  return answers;
}

/**
 * The quiz answers the result's link hands over (`/contact/?role=part-time&team_size=small&...`), as the
 * quiz_answers field sends them: only the quiz's own questions (`questions`, from the build), and only a
 * value the server accepts (`pattern`, `maxLength`, from the form's definition); else "".
 */
export function quizAnswersFrom(search, questions, { pattern, maxLength = 500 } = {}) {
  const params = new URLSearchParams(search || "");
  const isId = (value) => /^[a-z0-9][a-z0-9_-]*$/.test(value || "");
  const answers = Object.fromEntries(questions.flatMap((id) => (isId(params.get(id)) ? [[id, params.get(id)]] : [])));
  const value = serialiseAnswers(answers);
  const accepted = pattern ? new RegExp(`^(?:${pattern})$`, "v") : null;
  return value.length <= maxLength && (!accepted || accepted.test(value)) ? value : "";
}

/** The "From your quiz" sentence above the enquiry: the role it chose (if any) and what goes with the message. */
export function handoffText(role, count) {
  const answers = count === 1 ? "your answer goes" : `your ${count} answers go`;
  const lead = role ? `From your quiz: ${role}.` : "From your quiz:";
  return `${lead} What you told it is filled in below, and ${answers} with your message so your partner can prepare.`;
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

/** A mailto: link with the inquiry as a plain-text body, for the no-server mode. */
export function mailtoHref(address, subject, lines) {
  const body = lines
    .filter(([, value]) => String(value ?? "").trim())
    .map(([label, value]) => `${label}: ${String(value).trim()}`)
    .join("\n");
  return `mailto:${encodeURIComponent(address).replace("%40", "@")}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body)}`;
}

/** The token from the intake's JSON answer, if it looks like one (else ""). */
export function tokenFrom(json, maxLength = 200) {
  const token = typeof json?.token === "string" ? json.token.trim() : "";
  return token.length <= maxLength ? token : "";
}

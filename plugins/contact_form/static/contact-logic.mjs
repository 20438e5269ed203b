// The contact form's decisions, without the DOM (unit-tested under Node in tests/js).

export const QUIZ_ANSWERS_KEY = "quiz-answers";
export const PARTNER_KEY = "contact-partner";

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

/** {team_size: "small"} -> "team_size=small"; a string is passed through. */
export function serialiseAnswers(answers) {
  if (!answers) return "";
  if (typeof answers === "string") return answers.trim();
  return Object.entries(answers)
    .filter(([, value]) => value !== undefined && value !== null && value !== "")
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
 * The quiz answers to send with the form: `?answers=` first, else sessionStorage's
 * "quiz-answers" (the quiz writes both, as text or JSON). Only a value the server accepts
 * (`pattern`, `maxLength`, from the form's definition) is used; anything else is dropped.
 */
export function quizAnswersFor(search, storage, { pattern, maxLength = 500 } = {}) {
  let stored = "";
  try {
    stored = (storage?.getItem(QUIZ_ANSWERS_KEY) || "").trim();
    if (stored.startsWith("{")) stored = serialiseAnswers(JSON.parse(stored));
  } catch {
    stored = "";
  }
  const accepted = pattern ? new RegExp(`^(?:${pattern})$`, "v") : null;
  const candidates = [serialiseAnswers(new URLSearchParams(search || "").get("answers")), stored];
  return candidates.find((value) => value && value.length <= maxLength && (!accepted || accepted.test(value))) || "";
}

/** What the address bar asks to pre-fill: {role, kind, zipCode, state}; unknown values are ignored. */
export function prefillFrom(search, { roles = [], kinds = [] } = {}) {
  const params = new URLSearchParams(search || "");
  const pick = (value, allowed) => (value && allowed.includes(value) ? value : null);
  return {
    role: pick(params.get("role"), roles),
    kind: pick(params.get("kind"), kinds),
    zipCode: (params.get("zip_code") || params.get("zip") || "").trim().slice(0, 10) || null,
    state: (params.get("state") || "").trim().toUpperCase().slice(0, 2) || null,
  };
}

/** A mailto: link with the enquiry as a plain-text body, for the no-server mode. */
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

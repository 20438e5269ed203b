// The quiz's hand-off on the contact form: the result's link (/contact/?role=...&team_size=small&...)
// carries the answers. They go into the hidden quiz_answers field (q=o,q=o), choose every select they
// answer (team size, revenue), and [data-quiz-handoff] says "From your quiz: ..." with a link back.
// Loaded by contact-form.mjs only when the address carries quiz answers. No DOM is touched on import:
// Node tests the pure functions.

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

/** For one contact form; `role` is the role the address pre-selected (or null). */
export function quizHandoff(form, role) {
  const hidden = form.elements.quiz_answers;
  const summary = form.querySelector("[data-quiz-handoff]");
  if (!hidden || !summary) return;
  if (!hidden.value) {
    const { pattern, maxlength } = hidden.dataset;
    const questions = summary.dataset.questions.split(" ");
    hidden.value = quizAnswersFrom(location.search, questions, { pattern, maxLength: Number(maxlength) || 500 });
  }
  const answers = parseAnswers(hidden.value); // the intake's page after a failed post keeps the field's value
  if (!Object.keys(answers).length) return;
  for (const [name, value] of Object.entries(answers)) {
    const select = form.elements[name];
    const offered = select instanceof HTMLSelectElement && [...select.options].some((o) => o.value === value);
    if (offered && !select.value) select.value = value;
  }
  const roleLabel = role && form.querySelector(`input[name=role][value="${role}"]`)?.labels[0]?.textContent.trim();
  const change = document.createElement("a");
  change.textContent = "Change your answers";
  change.href = `${summary.dataset.quizUrl}?${new URLSearchParams(answers)}`;
  summary.replaceChildren(`${handoffText(roleLabel, Object.keys(answers).length)} `, change);
  summary.hidden = false;
}

// The quiz's hand-off on the contact form: the result's link (/contact/?role=...&team_size=small&...)
// carries the answers. They go into the hidden quiz_answers field (q=o,q=o), choose every select they
// answer (team size, revenue), and [data-quiz-handoff] says "From your quiz: ..." with a link back.
import { handoffText, parseAnswers, quizAnswersFrom } from "./contact-logic.mjs";

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

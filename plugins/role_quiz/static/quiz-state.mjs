// Where an owner is in the quiz, without the DOM (unit-tested under Node in tests/js): the answers an
// address holds, the question to show, the progress line, the links that carry the answers on.
// Answers are {question id: option id}; `quiz` is the data the page carries (Quiz.as_data()).
import { asked } from "./scoring.mjs";

/** Only answers the quiz knows, to questions these answers reach: a stale or partial link loses the rest. */
export function kept(quiz, answers) {
  return Object.fromEntries(asked(quiz, answers).flatMap(([q, choice]) => (choice ? [[q.id, choice]] : [])));
}

/** The answers in an address (`?team_size=small&revenue=1-15m`), unknown ids dropped without a word. */
export function answersFrom(quiz, search) {
  const params = new URLSearchParams(search);
  return kept(quiz, Object.fromEntries(quiz.questions.flatMap((q) => (params.has(q.id) ? [[q.id, params.get(q.id)]] : []))));
}

/** `href` with the answers as its query, in the quiz's order (other parameters kept, old answers replaced). */
export function withAnswers(quiz, href, answers) {
  const [path, query = ""] = href.split("?");
  const params = new URLSearchParams(query);
  for (const q of quiz.questions) params.delete(q.id);
  for (const [id, choice] of Object.entries(kept(quiz, answers))) params.append(id, choice);
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

/**
 * The question to show: `wanted` if it is asked and no earlier question is unanswered, else the first
 * question asked and not answered, else null: the result. A missing earlier answer always comes first.
 */
export function stepFor(quiz, answers, wanted) {
  const path = asked(quiz, answers);
  const gap = path.findIndex(([, choice]) => !choice);
  const at = path.findIndex(([q]) => q.id === wanted);
  if (at >= 0 && (gap < 0 || at <= gap)) return wanted;
  return gap < 0 ? null : path[gap][0].id;
}

/** After `current`: the next question asked (when reviewing, the next unanswered one), else the result. */
export function nextStep(quiz, answers, current, reviewing = false) {
  const path = asked(quiz, answers);
  const rest = path.slice(path.findIndex(([q]) => q.id === current) + 1);
  const next = reviewing ? rest.find(([, choice]) => !choice) : rest[0];
  return stepFor(quiz, answers, next ? next[0].id : null);
}

/** The question asked before `current` (null from the first): where the page's own Back goes. */
export function previousStep(quiz, answers, current) {
  const path = asked(quiz, answers);
  const at = current === null ? path.length : path.findIndex(([q]) => q.id === current);
  return at > 0 ? path[at - 1][0].id : null;
}

/**
 * "Question 3 of up to 8": the step's place on this owner's path, out of the most questions anyone is
 * asked. The total never changes and the number moves by one, however the answers shape the path.
 */
export function progress(quiz, answers, step) {
  const number = asked(quiz, answers).findIndex(([q]) => q.id === step) + 1;
  const most = quiz.most_questions;
  const upTo = quiz.questions.some((q) => Object.keys(q.show_if).length) ? "up to " : "";
  return { number, most, text: `Question ${number} of ${upTo}${most}` };
}

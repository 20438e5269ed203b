// The quiz's result (markup in templates/quiz.html): the verdict (or "Two options are close"), the
// reasons, the bars, the runner-up, the answers given, and the links that carry them on: the
// contact form's hand-off and the share link. role-quiz.mjs decides when to show it.
import { withAnswers } from "./quiz-state.mjs";
import { score } from "./scoring.mjs";

const COUNTS = ["", "", "Two", "Three", "Four", "Five", "Six"];
const listed = (items) => (items.length > 1 ? `${items.slice(0, -1).join(", ")} and ${items.at(-1)}` : items[0]);

/** Fill in the result for `given` answers inside `root`; returns {outcome, ranking, verdict (its heading)}. */
export function showResult(root, quiz, given) {
  const $ = (s, el = root) => el.querySelector(s);
  // Bars and "Your answers" rows are made from their <template>s on each result (templates/quiz.html).
  const copy = (name) => $(`[data-quiz-${name}-template]`).content.firstElementChild.cloneNode(true);
  const titleOf = (id) => quiz.outcomes.find((o) => o.id === id).title;
  const { outcome, ranking, reasons, close } = score(quiz, given);
  const panel = $(`[data-quiz-outcome="${outcome}"]`);
  for (const el of root.querySelectorAll("[data-quiz-outcome]")) el.hidden = el !== panel;
  $("[data-quiz-result]").dataset.outcome = outcome;
  const verdict = $("h2", panel);
  verdict.textContent = close.length
    ? `${COUNTS[close.length] || close.length} options are close: ${listed(close.map(titleOf))}`
    : `Your best fit: ${titleOf(outcome)}`;
  const why = listed(reasons);
  $("[data-quiz-why]", panel).textContent = !why
    ? ""
    : close.length
      ? `Your answers fit them almost equally; ${titleOf(outcome)} comes first because ${why}.`
      : `We suggest it because ${why}.`;
  $("[data-quiz-bars]").replaceChildren(
    ...ranking.map(({ outcome: id, percent }) => {
      const bar = copy("bar");
      Object.assign(bar.dataset, { quizBar: id, role: id });
      bar.firstChild.textContent = titleOf(id);
      $(".quiz-bar-fill", bar).style.width = `${percent}%`;
      $("[data-quiz-percent]", bar).textContent = `${percent}% match`;
      return bar;
    }),
  );
  const link = $("[data-quiz-runner-up] a");
  const second = quiz.outcomes.find((o) => o.id === ranking[1].outcome);
  Object.assign(link, { href: second.url, textContent: second.title });
  link.nextElementSibling.textContent = `, ${ranking[1].percent}% match.`;
  $("[data-quiz-review-list]").replaceChildren(
    ...quiz.questions
      .filter(({ id }) => given[id])
      .map(({ id }) => {
        const row = copy("review");
        row.dataset.quizReview = $("button", row).dataset.quizChange = id;
        $("dt", row).textContent = $("button span span", row).textContent = $(`[data-quiz-step="${id}"] h2`).textContent;
        $("dd", row).textContent = $(`[for="q-${id}-${given[id]}"]`).textContent;
        return row;
      }),
  );
  // The hand-off: the contact form pre-selects the role and every field the answers fill.
  const contact = $("[data-quiz-contact]", panel);
  contact.dataset.base ??= contact.getAttribute("href");
  contact.setAttribute("href", withAnswers(quiz, contact.dataset.base, given));
  $("[data-quiz-share]").href = location.origin + withAnswers(quiz, location.pathname, given);
  return { outcome, ranking, verdict };
}

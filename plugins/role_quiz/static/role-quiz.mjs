// /quiz/ one question per step (GOV.UK question pages), then the result. Sends nothing;
// its quiz:start, quiz:step and quiz:complete events are in the README.
import { asked, score } from "./scoring.mjs";

const root = document.querySelector("[data-quiz]");
if (root) enhance(root);

function enhance(root) {
  const $ = (s, el = root) => el.querySelector(s);
  const $$ = (s) => [...root.querySelectorAll(s)];
  const quiz = JSON.parse($("[data-quiz-data]").textContent);
  const form = $("[data-quiz-form]");
  const summary = $("[data-quiz-error-summary]");
  const result = $("[data-quiz-result]");
  const status = $("[data-quiz-status]");
  const steps = Object.fromEntries($$("[data-quiz-step]").map((el) => [el.dataset.quizStep, el]));
  const title = document.title;
  let current;
  let started = false;
  let reviewing = false;

  const emit = (name, detail) => root.dispatchEvent(new CustomEvent(`quiz:${name}`, { bubbles: true, detail }));
  const answers = () => Object.fromEntries(new FormData(form));
  const path = () => asked(quiz, answers());
  const shareUrl = () => new URL(`?${new URLSearchParams(path().flatMap(([q, c]) => (c ? [[q.id, c]] : [])))}`, location);

  // `id` if it is asked, else the first unanswered question, else null (the result).
  function resolve(id) {
    const list = path();
    const found = list.find(([q]) => q.id === id) || list.find(([, c]) => !c);
    return found ? found[0].id : null;
  }

  function go(id, push = true) {
    id = resolve(id);
    history[push ? "pushState" : "replaceState"]({ step: id }, "", id ? location.pathname : shareUrl());
    show(id, push);
  }

  function show(id, focus) {
    current = id;
    summary.hidden = true;
    document.title = title;
    for (const [key, step] of Object.entries(steps)) {
      const fieldset = $("fieldset", step);
      step.hidden = key !== id;
      $("[data-quiz-error]", step).hidden = true;
      fieldset.setAttribute("aria-describedby", fieldset.dataset.describedby || "");
    }
    form.hidden = $("[data-quiz-nav]").hidden = !id;
    result.hidden = !!id;
    root.classList.toggle("quiz--going", id !== quiz.questions[0].id);
    if (!id) return render(focus);
    const list = path();
    const n = list.findIndex(([q]) => q.id === id) + 1;
    const heading = $("h2", steps[id]);
    const count = `Question ${n} of ${list.length}`;
    $("[data-quiz-count]").textContent = count;
    Object.assign($("[data-quiz-progress]"), { max: list.length, value: n });
    $("[data-quiz-back]").hidden = n === 1;
    status.textContent = `${count}: ${heading.textContent}`;
    emit("step", { question: id, number: n, total: list.length });
    if (focus) heading.focus();
  }

  function render(focus) {
    const list = path();
    const { outcome, ranking, reasons } = score(quiz, answers());
    const panel = $(`[data-quiz-outcome="${outcome}"]`);
    for (const el of $$("[data-quiz-outcome]")) el.hidden = el !== panel;
    result.dataset.outcome = outcome;
    const why = reasons.length > 1 ? `${reasons.slice(0, -1).join(", ")} and ${reasons.at(-1)}` : reasons[0];
    $("[data-quiz-why]", panel).textContent = why ? `We suggest it because ${why}.` : "";
    for (const { outcome: id, percent } of ranking) {
      const bar = $(`[data-quiz-bar="${id}"]`);
      $("[data-quiz-bars]").append(bar);
      $(".quiz-bar-fill", bar).style.width = `${percent}%`;
      $("[data-quiz-percent]", bar).textContent = `${percent}% match`;
    }
    const link = $("[data-quiz-runner-up] a");
    const second = quiz.outcomes.find((o) => o.id === ranking[1].outcome);
    Object.assign(link, { href: second.url, textContent: second.title });
    link.nextElementSibling.textContent = `, ${ranking[1].percent}% match.`;
    for (const row of $$("[data-quiz-review]")) {
      const [question, choice] = list.find(([q]) => q.id === row.dataset.quizReview) || [];
      row.hidden = !choice;
      if (choice) $("dd", row).textContent = $(`[for="q-${question.id}-${choice}"]`).textContent;
    }
    $("[data-quiz-share]").href = shareUrl();
    status.textContent = $("h2", panel).textContent;
    emit("complete", { outcome, ranking });
    if (focus) $("h2", panel).focus();
  }

  function showError(id) {
    const error = $("[data-quiz-error]", steps[id]);
    const fieldset = $("fieldset", steps[id]);
    const link = $("[data-quiz-error-link]");
    error.hidden = summary.hidden = false;
    fieldset.setAttribute("aria-describedby", `${fieldset.dataset.describedby || ""} ${error.id}`.trim());
    Object.assign(link, { textContent: error.lastChild.textContent, href: `#${$("input", steps[id]).id}` });
    document.title = `Error: ${title}`;
    summary.focus();
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const list = path();
    const index = list.findIndex(([q]) => q.id === current);
    if (!list[index][1]) return showError(current);
    const rest = list.slice(index + 1);
    const next = reviewing ? rest.find(([, c]) => !c) : rest[0];
    go(next ? next[0].id : null);
  });
  form.addEventListener("change", () => {
    if (!started) emit("start", {});
    started = true;
  });
  root.addEventListener("click", (event) => {
    const data = event.target.closest("button, a")?.dataset || {};
    if ("quizErrorLink" in data) {
      event.preventDefault();
      $("input", steps[current]).focus();
    } else if ("quizBack" in data) history.back();
    else if ("quizChange" in data) {
      reviewing = true;
      go(data.quizChange);
    } else if ("quizRestart" in data) {
      form.reset();
      started = reviewing = false;
      go();
    }
  });
  addEventListener("popstate", (event) => event.state && show(resolve(event.state.step), true));

  for (const el of $$("[data-quiz-nojs]")) el.hidden = true;
  $("[data-quiz-next]").hidden = false;
  for (const [name, value] of new URLSearchParams(location.search)) {
    const field = form.elements.namedItem(name);
    if (field instanceof RadioNodeList) field.value = value;
  }
  go(history.state?.step, false);
}

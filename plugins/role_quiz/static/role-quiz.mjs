// /quiz/ one question per step (GOV.UK question pages), then the result. The answers live in the
// address (?team_size=small&...), in history state and in sessionStorage, so reload, Back/Forward,
// the nav link and a shared link all resume where the owner was (quiz-state.mjs decides where).
// Sends nothing; its quiz:start, quiz:step and quiz:complete events are in the README.
import { showResult } from "./quiz-result.mjs";
import { answersFrom, kept, nextStep, previousStep, progress, stepFor, withAnswers } from "./quiz-state.mjs";

const SAVED = "quiz-place"; // sessionStorage: {step, answers}, for /quiz/ opened again without answers

const root = document.querySelector("[data-quiz]");
if (root) enhance(root);

function storage() {
  try {
    return window.sessionStorage;
  } catch {
    return null; // blocked: the address and history still keep the answers
  }
}

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
  // The history entry on screen: its question (null: the result), how many quiz entries lie before it
  // in this tab (0: the page's Back must not leave the quiz), and whether the owner is changing an answer.
  let place = { step: null, depth: 0, review: false };
  let started = false;

  const emit = (name, detail) => root.dispatchEvent(new CustomEvent(`quiz:${name}`, { bubbles: true, detail }));
  const formAnswers = () => Object.fromEntries(new FormData(form));
  const answers = () => kept(quiz, formAnswers());

  function setAnswers(values) {
    form.reset();
    for (const [name, value] of Object.entries(values || {})) {
      const field = form.elements.namedItem(name);
      if (field instanceof RadioNodeList) field.value = value;
    }
  }

  // The entry on screen, written down: every answer in the address and in history state.
  function record(push) {
    const state = { quiz: true, ...place, answers: formAnswers() };
    const address = withAnswers(quiz, location.pathname, answers());
    history[push ? "pushState" : "replaceState"](state, "", address);
    try {
      storage()?.setItem(SAVED, JSON.stringify({ step: place.step, answers: answers() }));
    } catch {
      // full or blocked: the address still holds the answers
    }
  }

  function go(step, { push = true, review = place.review } = {}) {
    step = stepFor(quiz, answers(), step);
    place = { step, depth: place.depth + (push ? 1 : 0), review: review && step !== null };
    record(push);
    show(true);
  }

  function show(focus) {
    const { step } = place;
    summary.hidden = true;
    document.title = title;
    for (const [key, el] of Object.entries(steps)) {
      const fieldset = $("fieldset", el);
      el.hidden = key !== step;
      $("[data-quiz-error]", el).hidden = true;
      fieldset.setAttribute("aria-describedby", fieldset.dataset.describedby || "");
    }
    form.hidden = $("[data-quiz-nav]").hidden = !step;
    result.hidden = !!step;
    root.classList.toggle("quiz--going", step !== quiz.questions[0].id);
    if (!step) return render(focus);
    const { number, most, text } = progress(quiz, answers(), step);
    const heading = $("h2", steps[step]);
    $("[data-quiz-count]").textContent = text;
    Object.assign($("[data-quiz-progress]"), { max: most, value: number });
    $("[data-quiz-back]").hidden = number === 1;
    status.textContent = `${text}: ${heading.textContent}`;
    emit("step", { question: step, number, total: most });
    if (focus) heading.focus();
  }

  function render(focus) {
    const { outcome, ranking, verdict } = showResult(root, quiz, answers());
    status.textContent = verdict.textContent;
    emit("complete", { outcome, ranking });
    if (focus) verdict.focus();
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
    if (!answers()[place.step]) return showError(place.step);
    go(nextStep(quiz, answers(), place.step, place.review));
  });
  form.addEventListener("change", () => {
    if (!started) emit("start", {});
    started = true;
    record(false); // a reload keeps an answer chosen before Continue
  });
  root.addEventListener("click", (event) => {
    const data = event.target.closest("button, a")?.dataset || {};
    if ("quizErrorLink" in data) {
      event.preventDefault();
      $("input", steps[place.step]).focus();
    } else if ("quizBack" in data) {
      if (place.depth > 0) return history.back();
      // Arrived here by a link or the nav: step back through the questions, never off the page.
      place = { ...place, step: previousStep(quiz, answers(), place.step) };
      record(false);
      show(true);
    } else if ("quizChange" in data) go(data.quizChange, { review: true });
    else if ("quizRestart" in data) {
      form.reset();
      started = false;
      go(null, { review: false });
    }
  });
  addEventListener("popstate", ({ state }) => {
    if (!state?.quiz) return;
    // This entry's answers, and any the owner gave further on: Back never loses a later answer.
    setAnswers({ ...formAnswers(), ...state.answers });
    place = { step: stepFor(quiz, answers(), state.step), depth: state.depth, review: state.review };
    record(false);
    show(true);
  });

  for (const el of $$("[data-quiz-nojs]")) el.hidden = true;
  $("[data-quiz-next]").hidden = false;
  // Where to start: this entry (a reload), else the address (a link), else this tab's last visit (the nav).
  const entry = history.state?.quiz ? history.state : null;
  const linked = answersFrom(quiz, location.search);
  let saved = null;
  try {
    saved = JSON.parse(storage()?.getItem(SAVED) || "null");
  } catch {
    saved = null;
  }
  if (entry) {
    setAnswers(entry.answers);
    place = { step: entry.step, depth: entry.depth, review: entry.review };
  } else if (Object.keys(linked).length || !saved) setAnswers(linked);
  else {
    setAnswers(saved.answers);
    place.step = saved.step;
  }
  place.step = stepFor(quiz, answers(), place.step);
  record(false);
  show(false);
}

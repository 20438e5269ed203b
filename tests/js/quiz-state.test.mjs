// Unit tests of where an owner is in the quiz (plugins/role_quiz/static/quiz-state.mjs), with
// Node's own test runner. The browser tests (tests/quiz/test_browser.py) drive the same rules
// through reloads, Back/Forward and links.
import assert from "node:assert/strict";
import { test } from "node:test";

import {
  answersFrom,
  kept,
  nextStep,
  previousStep,
  progress,
  stepFor,
  withAnswers,
} from "../../plugins/role_quiz/static/quiz-state.mjs";

const option = (id) => ({ id, reason: "", weights: {} });
// size, then seat (asked only for "big"), then need, then when.
const quiz = {
  questions: [
    { id: "size", show_if: {}, options: [option("small"), option("big")] },
    { id: "seat", show_if: { size: ["big"] }, options: [option("yes"), option("no")] },
    { id: "need", show_if: {}, options: [option("build"), option("grow")] },
    { id: "when", show_if: {}, options: [option("now"), option("later")] },
  ],
  outcomes: [{ id: "a" }, { id: "b" }],
  tie_break: ["a", "b"],
  most_questions: 4,
};

test("unknown questions, unknown options and questions not asked are dropped without a word", () => {
  assert.deepEqual(kept(quiz, { size: "small", seat: "yes", need: "fly", colour: "blue" }), { size: "small" });
  assert.deepEqual(answersFrom(quiz, "?need=grow&size=big&seat=no&x=1&size=small"), {
    size: "big",
    seat: "no",
    need: "grow",
  });
  assert.deepEqual(answersFrom(quiz, ""), {});
});

test("links carry the answers in the quiz's order, other parameters kept and stale answers replaced", () => {
  const answers = { need: "grow", size: "big", seat: "no" };
  assert.equal(withAnswers(quiz, "/quiz/", answers), "/quiz/?size=big&seat=no&need=grow");
  assert.equal(withAnswers(quiz, "/contact/?role=b", answers), "/contact/?role=b&size=big&seat=no&need=grow");
  assert.equal(withAnswers(quiz, "/contact/?role=b&seat=yes&when=now", { size: "small" }), "/contact/?role=b&size=small");
  assert.equal(withAnswers(quiz, "https://example.com/quiz/", {}), "https://example.com/quiz/");
});

test("a missing earlier answer is asked before any later one", () => {
  assert.equal(stepFor(quiz, {}, null), "size");
  assert.equal(stepFor(quiz, { size: "big", need: "grow", when: "now" }, null), "seat");
  assert.equal(stepFor(quiz, { size: "big", need: "grow", when: "now" }, "when"), "seat", "never past a gap");
  assert.equal(stepFor(quiz, { size: "small", need: "grow" }, "need"), "need", "an answered step can be shown again");
  assert.equal(stepFor(quiz, { size: "small" }, "seat"), "need", "a question no longer asked is not shown");
  assert.equal(stepFor(quiz, { size: "small", need: "grow", when: "now" }, null), null, "complete: the result");
});

test("continue goes to the next question asked; when reviewing, to the next unanswered one or the result", () => {
  const answers = { size: "big", seat: "no", need: "grow", when: "now" };
  assert.equal(nextStep(quiz, answers, "size"), "seat");
  assert.equal(nextStep(quiz, { ...answers, size: "small" }, "size"), "need", "seat is skipped for small");
  assert.equal(nextStep(quiz, answers, "when"), null);
  assert.equal(nextStep(quiz, answers, "size", true), null, "changed from the result: straight back to it");
  assert.equal(nextStep(quiz, { size: "big", need: "grow", when: "now" }, "size", true), "seat");
});

test("the page's own Back steps through the questions asked and stops at the first", () => {
  const answers = { size: "small", need: "grow", when: "now" };
  assert.equal(previousStep(quiz, answers, "when"), "need");
  assert.equal(previousStep(quiz, answers, "need"), "size", "seat is not asked for small");
  assert.equal(previousStep(quiz, answers, null), "when", "from the result: the last question");
  assert.equal(previousStep(quiz, answers, "size"), null);
});

test("the progress line never jumps: one more each step, out of a total that never changes", () => {
  for (const size of ["small", "big"]) {
    const answers = {};
    const seen = [];
    for (let step = stepFor(quiz, answers, null); step; step = nextStep(quiz, answers, step)) {
      seen.push(progress(quiz, answers, step).text);
      answers[step] = quiz.questions.find((q) => q.id === step).options[step === "size" && size === "big" ? 1 : 0].id;
    }
    const expected = size === "big" ? 4 : 3;
    assert.deepEqual(seen, Array.from({ length: expected }, (_, i) => `Question ${i + 1} of up to 4`));
  }
  const plain = { ...quiz, questions: quiz.questions.map((q) => ({ ...q, show_if: {} })) };
  assert.equal(progress(plain, {}, "size").text, "Question 1 of 4", "no conditions: no 'up to'");
});

// Unit tests of the browser's scorer (plugins/role_quiz/static/scoring.mjs) with Node's own
// test runner: `node --test tests/js`, no npm packages. Agreement with the Python scorer on
// the shipped quiz is tested in tests/quiz/test_parity.py.
import assert from "node:assert/strict";
import { test } from "node:test";

import { asked, CLOSE_MARGIN, MAX_REASONS, score } from "../../plugins/role_quiz/static/scoring.mjs";

const option = (id, weights, reason = "") => ({ id, reason, weights });

// Three outcomes; "seat" is asked only when size is "big".
const quiz = {
  questions: [
    {
      id: "size",
      show_if: {},
      options: [option("small", { a: 3, b: 1 }, "you are small"), option("big", { b: 2, c: 2 }, "you are big")],
    },
    {
      id: "seat",
      show_if: { size: ["big"] },
      options: [option("yes", { c: 4 }, "you want a seat"), option("no", { b: 1 }, "")],
    },
    {
      id: "need",
      show_if: {},
      options: [option("build", { a: 2 }, "you want to build"), option("grow", { c: 1, a: 1 }, "you want growth")],
    },
  ],
  outcomes: [{ id: "a" }, { id: "b" }, { id: "c" }],
  tie_break: ["b", "a", "c"],
};

test("the highest score wins and every outcome is ranked", () => {
  const result = score(quiz, { size: "small", need: "build" });
  assert.equal(result.outcome, "a");
  assert.deepEqual(
    result.ranking.map((r) => [r.outcome, r.score]),
    [
      ["a", 5],
      ["b", 1],
      ["c", 0],
    ],
  );
});

test("a conditional question is asked only for the listed answers", () => {
  assert.deepEqual(
    asked(quiz, { size: "small" }).map(([q, choice]) => [q.id, choice]),
    [
      ["size", "small"],
      ["need", null],
    ],
  );
  assert.deepEqual(
    asked(quiz, { size: "big", seat: "yes" }).map(([q]) => q.id),
    ["size", "seat", "need"],
  );
  assert.equal(score(quiz, { size: "big", seat: "yes", need: "grow" }).outcome, "c");
});

test("an answer to a question that is not asked counts for nothing", () => {
  const withStale = score(quiz, { size: "small", seat: "yes", need: "grow" });
  const without = score(quiz, { size: "small", need: "grow" });
  assert.deepEqual(withStale, without);
});

test("unknown question and option ids are ignored, not scored", () => {
  const result = score(quiz, { size: "huge", nonsense: "x", constructor: "y", need: "build" });
  assert.deepEqual(result, score(quiz, { need: "build" }));
});

test("equal scores follow the declared tie-break order", () => {
  // Nothing answered: everything scores 0, so the tie-break order is the ranking.
  assert.deepEqual(
    score(quiz, {}).ranking.map((r) => r.outcome),
    ["b", "a", "c"],
  );
  const flipped = { ...quiz, tie_break: ["c", "a", "b"] };
  assert.deepEqual(
    score(flipped, {}).ranking.map((r) => r.outcome),
    ["c", "a", "b"],
  );
  // size=big, seat=no, need=build: b=3, then a and c tie at 2: a is declared before c.
  const tied = score(quiz, { size: "big", seat: "no", need: "build" });
  assert.deepEqual(
    tied.ranking.map((r) => [r.outcome, r.score]),
    [
      ["b", 3],
      ["a", 2],
      ["c", 2],
    ],
  );
});

test("percentages share one scale: the best score any outcome could reach", () => {
  // Asked: size and need. Best possible: a 3+2=5, b 2+0=2, c 2+1=3 -> scale 5.
  const result = score(quiz, { size: "small", need: "grow" });
  assert.deepEqual(
    result.ranking.map((r) => [r.outcome, r.score, r.percent]),
    [
      ["a", 4, 80],
      ["b", 1, 20],
      ["c", 1, 20],
    ],
  );
});

test("percentages round half up, in integers", () => {
  const eight = {
    questions: [{ id: "q", show_if: {}, options: [option("x", { a: 1, b: 8 }), option("y", { a: 8 })] }],
    outcomes: [{ id: "a" }, { id: "b" }],
    tie_break: ["a", "b"],
  };
  // 1 of 8 is 12.5% -> 13; Math.round agrees here, banker's rounding would say 12.
  assert.equal(score(eight, { q: "x" }).ranking[1].percent, 13);
  assert.equal(score(eight, {}).ranking[0].percent, 0, "nothing answered: no scale, 0%");
});

test("reasons: the winner's biggest contributions first, only with a text, at most three", () => {
  const many = {
    questions: ["q1", "q2", "q3", "q4", "q5"].map((id, i) => ({
      id,
      show_if: {},
      options: [option("x", { a: i === 1 ? 1 : 2 }, `reason ${id}`), option("y", { b: 1 })],
    })),
    outcomes: [{ id: "a" }, { id: "b" }],
    tie_break: ["a", "b"],
  };
  many.questions[4].options[0].reason = "";
  const answers = { q1: "x", q2: "x", q3: "x", q4: "x", q5: "x" };
  const result = score(many, answers);
  assert.equal(MAX_REASONS, 3);
  assert.deepEqual(result.reasons, ["reason q1", "reason q3", "reason q4"]);
  assert.deepEqual(score(many, { q1: "y" }).reasons, [], "an answer that gave the winner nothing is no reason");
});

test("reasons favour the recommendation over the runner-up", () => {
  // big, seat, build: c=6 wins; "big" gave c as much as the runner-up b, so it is no reason.
  assert.deepEqual(score(quiz, { size: "big", seat: "yes", need: "build" }).reasons, ["you want a seat"]);
  // b and c tie: no answer favours b, so the answers that gave it points say why.
  assert.deepEqual(score(quiz, { size: "big", seat: "no", need: "grow" }).reasons, ["you are big"]);
});

test("a tie or one point is close: every outcome that close, best first", () => {
  assert.equal(CLOSE_MARGIN, 1);
  assert.deepEqual(score(quiz, { size: "big", seat: "no", need: "grow" }).close, ["b", "c"]);
  assert.deepEqual(score(quiz, { size: "big", seat: "no", need: "build" }).close, ["b", "a", "c"]);
  assert.deepEqual(score(quiz, { size: "small", need: "build" }).close, []);
});

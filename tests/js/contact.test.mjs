// Unit tests of the contact form's pure logic (plugins/contact_form/static/contact-logic.mjs).
import assert from "node:assert/strict";
import { test } from "node:test";

import {
  mailtoHref,
  messagesFrom,
  parseAnswers,
  prefillFrom,
  quizAnswersFor,
  serialiseAnswers,
  tokenFrom,
  validityMessage,
} from "../../plugins/contact_form/static/contact-logic.mjs";

// The pattern the build writes on the hidden quiz_answers field (from forms.QUIZ_ANSWERS_PATTERN).
const PATTERN = String.raw`[a-z0-9_]+=[a-z0-9_\-]+(,[a-z0-9_]+=[a-z0-9_\-]+)*`;

function storage(value) {
  return { getItem: (key) => (key === "quiz-answers" ? value : null) };
}

const valid = { valid: true };
const missing = { valid: false, valueMissing: true };

test("validity messages come from the field's WTForms messages", () => {
  const messages = messagesFrom({ errorRequired: "Enter your email address", errorType: "Enter an email like a@b.c", errorPattern: "Bad shape" });
  assert.equal(validityMessage(valid, messages), null);
  assert.equal(validityMessage(missing, messages), "Enter your email address");
  assert.equal(validityMessage({ valid: false, typeMismatch: true }, messages), "Enter an email like a@b.c");
  assert.equal(validityMessage({ valid: false, patternMismatch: true }, messages), "Bad shape");
});

test("quiz answers come from ?answers= first, then sessionStorage", () => {
  const query = "?answers=" + encodeURIComponent("team_size=small,revenue=1-15m");
  assert.equal(quizAnswersFor(query, storage("team_size=large"), { pattern: PATTERN }), "team_size=small,revenue=1-15m");
  assert.equal(quizAnswersFor("", storage("team_size=large"), { pattern: PATTERN }), "team_size=large");
  assert.equal(quizAnswersFor("", storage('{"team_size":"mid","stage":"startup"}'), { pattern: PATTERN }), "team_size=mid,stage=startup");
});

test("quiz answers the server would refuse are dropped, not sent", () => {
  assert.equal(quizAnswersFor("?answers=<script>", null, { pattern: PATTERN }), "");
  assert.equal(quizAnswersFor("?answers=" + "a=b,".repeat(200) + "a=b", null, { pattern: PATTERN, maxLength: 500 }), "");
  assert.equal(quizAnswersFor("", { getItem: () => { throw new Error("blocked"); } }, { pattern: PATTERN }), "");
});

test("answers serialise and parse both ways", () => {
  assert.equal(serialiseAnswers({ team_size: "small", revenue: "", stage: "startup" }), "team_size=small,stage=startup");
  assert.deepEqual(parseAnswers("team_size=small,revenue=1-15m"), { team_size: "small", revenue: "1-15m" });
});

test("pre-fill takes only values the form offers", () => {
  const options = { roles: ["interim", "fractional-cro", "not-sure"], kinds: ["leadership", "partner"] };
  assert.deepEqual(prefillFrom("?role=fractional-cro&kind=partner&zip_code=80202", options), {
    role: "fractional-cro",
    kind: "partner",
    zipCode: "80202",
    state: null,
  });
  assert.equal(prefillFrom("?role=ceo", options).role, null);
  assert.equal(prefillFrom("?state=co", options).state, "CO");
});

test("the mailto link carries a subject and the enquiry as plain text", () => {
  const href = mailtoHref("dana@example.com", "Enquiry from the website", [["Your name", "Ann"], ["Phone", ""], ["Message", "Hi & bye"]]);
  const url = new URL(href);
  assert.equal(url.protocol, "mailto:");
  assert.equal(url.pathname, "dana@example.com");
  assert.equal(url.searchParams.get("subject"), "Enquiry from the website");
  assert.equal(url.searchParams.get("body"), "Your name: Ann\nMessage: Hi & bye");
});

test("only a plausible token from the intake is used", () => {
  assert.equal(tokenFrom({ token: "abc.123" }), "abc.123");
  assert.equal(tokenFrom({ token: 42 }), "");
  assert.equal(tokenFrom(null), "");
  assert.equal(tokenFrom({ token: "x".repeat(201) }), "");
});

// Unit tests of the contact form's pure logic (plugins/contact_form/static/: *-logic.mjs, and the
// functions quiz-handoff.mjs and partner-preview.mjs export, which touch no DOM on import).
import assert from "node:assert/strict";
import { test } from "node:test";

import { countBand, countCharacters, countText, fillIn, messagesFrom, prefillFrom, tokenFrom, validityMessage } from "../../plugins/contact_form/static/contact-logic.mjs";
import { mailtoHref } from "../../plugins/contact_form/static/mailto-logic.mjs";
import { routeInquiry } from "../../plugins/contact_form/static/partner-preview.mjs";
import { handoffText, parseAnswers, quizAnswersFrom, serialiseAnswers } from "../../plugins/contact_form/static/quiz-handoff.mjs";
import { createRouter } from "../../plugins/partner_directory/static/routing.mjs";

// The pattern the build writes on the hidden quiz_answers field (from forms.QUIZ_ANSWERS_PATTERN).
const PATTERN = String.raw`[a-z0-9_]+=[a-z0-9_\-]+(,[a-z0-9_]+=[a-z0-9_\-]+)*`;

// The quiz's question ids, as the build writes them on [data-quiz-handoff] (data-questions).
const QUESTIONS = ["team_size", "revenue", "leader_situation", "primary_need"];

const valid = { valid: true };
const missing = { valid: false, valueMissing: true };

test("validity messages come from the field's WTForms messages", () => {
  const messages = messagesFrom({ errorRequired: "Enter your email address", errorType: "Enter an email like a@b.c", errorPattern: "Bad shape" });
  assert.equal(validityMessage(valid, messages), null);
  assert.equal(validityMessage(missing, messages), "Enter your email address");
  assert.equal(validityMessage({ valid: false, typeMismatch: true }, messages), "Enter an email like a@b.c");
  assert.equal(validityMessage({ valid: false, patternMismatch: true }, messages), "Bad shape");
});

test("the quiz's answers come from its hand-off address, the quiz's questions only, in its order", () => {
  const search = "?role=part-time&team_size=small&utm_source=mail&revenue=1-15m&zip_code=80202";
  assert.equal(quizAnswersFrom(search, QUESTIONS, { pattern: PATTERN }), "team_size=small,revenue=1-15m");
  assert.equal(quizAnswersFrom("?role=part-time", QUESTIONS, { pattern: PATTERN }), "");
  assert.equal(quizAnswersFrom("", QUESTIONS, { pattern: PATTERN }), "");
});

test("quiz answers the server would refuse are dropped, not sent", () => {
  assert.equal(quizAnswersFrom("?team_size=<script>", QUESTIONS, { pattern: PATTERN }), "");
  assert.equal(quizAnswersFrom("?team_size=small,revenue=x", QUESTIONS, { pattern: PATTERN }), "");
  assert.equal(quizAnswersFrom(`?team_size=${"s".repeat(600)}`, QUESTIONS, { pattern: PATTERN, maxLength: 500 }), "");
});

test("answers serialise and parse both ways", () => {
  assert.equal(serialiseAnswers({ team_size: "small", revenue: "", stage: "startup" }), "team_size=small,stage=startup");
  assert.deepEqual(parseAnswers("team_size=small,revenue=1-15m"), { team_size: "small", revenue: "1-15m" });
});

test("the 'From your quiz' summary names the role it chose and counts the answers", () => {
  assert.equal(
    handoffText("Fractional CSO", 8),
    "From your quiz: Fractional CSO. What you told it is filled in below, and your 8 answers go with your message so your partner can prepare.",
  );
  assert.match(handoffText(undefined, 1), /^From your quiz: What you told it .* and your answer goes with your message/);
});

test("pre-fill takes only values the form offers", () => {
  const options = { roles: ["interim", "fractional-cro", "not-sure"], kinds: ["leadership", "partner"], partners: ["denver", "hq"] };
  assert.deepEqual(prefillFrom("?role=fractional-cro&kind=partner&zip_code=80202", options), {
    role: "fractional-cro",
    kind: "partner",
    partner: null,
    partnerAsked: false,
    zipCode: "80202",
    state: null,
  });
  assert.equal(prefillFrom("?role=ceo", options).role, null);
  assert.equal(prefillFrom("?state=co", options).state, "CO");
});

test("a partner in the address is taken when the form offers them, and an unknown one is noticed", () => {
  const options = { partners: ["denver", "hq"] };
  assert.deepEqual(pick(prefillFrom("?partner=denver", options)), { partner: "denver", partnerAsked: true });
  assert.deepEqual(pick(prefillFrom("?partner=gone-away", options)), { partner: null, partnerAsked: true });
  assert.deepEqual(pick(prefillFrom("?partner=", options)), { partner: null, partnerAsked: false });
  assert.deepEqual(pick(prefillFrom("?partner=dana%40example.com", options)), { partner: null, partnerAsked: true });
});

const pick = ({ partner, partnerAsked }) => ({ partner, partnerAsked });

test("sentences from the page get their slots filled, unknown slots stay", () => {
  assert.equal(fillIn("Your message goes to {name} in {city}.", { name: "Dana Whitfield", city: "Denver" }), "Your message goes to Dana Whitfield in Denver.");
  assert.equal(fillIn("Hello {who}", {}), "Hello {who}");
});

test("the count is the server's: characters, not UTF-16 units, without the spaces at either end", () => {
  assert.equal(countCharacters("  abc \n"), 3);
  assert.equal(countCharacters("😀😀"), 2);
  assert.equal(countCharacters("line one\nline two"), 17);
  assert.equal(countCharacters(undefined), 0);
});

test("the count speaks at thresholds: a tenth left, over the limit", () => {
  assert.equal(countBand(0, 4000), "ok");
  assert.equal(countBand(3599, 4000), "ok");
  assert.equal(countBand(3600, 4000), "near");
  assert.equal(countBand(4000, 4000), "near");
  assert.equal(countBand(4001, 4000), "over");
  const words = { left: "You have {n} characters left", over: "You have {n} characters too many" };
  assert.equal(countText(words, 0, 4000), "You have 4,000 characters left");
  assert.equal(countText(words, 5000, 4000), "You have 1,000 characters too many");
  assert.equal(countText(words, 4000, 4000), "You have 0 characters left");
});

test("an inquiry goes to the chosen partner when the page knows them, else it is routed", () => {
  const card = (name) => ({ name, city: "X", state: "CO" });
  const router = createRouter({
    headOffice: "hq",
    partners: { hq: card("hq"), denver: card("denver"), houston: card("houston") },
    stateCodes: "CO TX",
    states: { CO: "denver" },
    routes: [{ partner: "houston", rule: "zip-prefix", prefixes: "770", zips: "" }],
  });
  assert.deepEqual(routeInquiry(router, "leadership", { zipCode: "77002" }, "denver"), { slug: "denver", rule: "chosen", partner: card("denver") });
  assert.equal(routeInquiry(router, "leadership", { zipCode: "77002" }, "gone").slug, "houston");
  assert.equal(routeInquiry(router, "leadership", {}, ""), null, "nothing to show before a place or a choice");
  assert.equal(routeInquiry(router, "partner", { zipCode: "77002" }, "denver").slug, "hq", "applications go to the head office");
});

test("the mailto link carries a subject and the inquiry as plain text", () => {
  const href = mailtoHref("dana@example.com", "Inquiry from the website", [["Your name", "Ann"], ["Phone", ""], ["Message", "Hi & bye"]]);
  const url = new URL(href);
  assert.equal(url.protocol, "mailto:");
  assert.equal(url.pathname, "dana@example.com");
  assert.equal(url.searchParams.get("subject"), "Inquiry from the website");
  assert.equal(url.searchParams.get("body"), "Your name: Ann\nMessage: Hi & bye");
});

test("only a plausible token from the intake is used", () => {
  assert.equal(tokenFrom({ token: "abc.123" }), "abc.123");
  assert.equal(tokenFrom({ token: 42 }), "");
  assert.equal(tokenFrom(null), "");
  assert.equal(tokenFrom({ token: "x".repeat(201) }), "");
});

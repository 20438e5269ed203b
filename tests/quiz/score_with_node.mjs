// Reads {"quiz": ..., "answers": [{...}, ...]} on stdin and prints the JS scorer's result for
// each set of answers as a JSON list. Used by test_parity.py; needs no npm packages.
import { score } from "../../plugins/role_quiz/static/scoring.mjs";

let input = "";
for await (const chunk of process.stdin) input += chunk;
const { quiz, answers } = JSON.parse(input);
process.stdout.write(JSON.stringify(answers.map((set) => score(quiz, set))));

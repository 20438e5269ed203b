// Twin of plugins/role_quiz/scoring.py (its docstring states the rules); pure, no DOM.
export const MAX_REASONS = 3;

const option = (question, id) => question.options.find((o) => o.id === id);
const weight = (opt, outcome) => (Object.hasOwn(opt.weights, outcome) ? opt.weights[outcome] : 0);

// [[question, valid answer or null]] for each question asked, in order.
export function asked(quiz, answers) {
  const answered = {};
  return quiz.questions.flatMap((q) => {
    if (!Object.entries(q.show_if).every(([id, allowed]) => allowed.includes(answered[id]))) return [];
    const choice = Object.hasOwn(answers, q.id) && option(q, answers[q.id]) ? answers[q.id] : null;
    if (choice) answered[q.id] = choice;
    return [[q, choice]];
  });
}

// {outcome, ranking: [{outcome, score, percent}], reasons: [text]}
export function score(quiz, answers) {
  const ids = quiz.outcomes.map((o) => o.id);
  const points = Object.fromEntries(ids.map((id) => [id, 0]));
  const best = { ...points };
  const chosen = [];
  for (const [q, choice] of asked(quiz, answers)) {
    if (!choice) continue;
    chosen.push(option(q, choice));
    for (const id of ids) {
      points[id] += weight(chosen.at(-1), id);
      best[id] += Math.max(...q.options.map((o) => weight(o, id)));
    }
  }
  const scale = Math.max(0, ...Object.values(best));
  const order = (id) => quiz.tie_break.indexOf(id);
  const ranked = ids.sort((a, b) => points[b] - points[a] || order(a) - order(b));
  const ranking = ranked.map((id) => ({
    outcome: id,
    score: points[id],
    percent: scale ? Math.floor((200 * points[id] + scale) / (2 * scale)) : 0,
  }));
  const reasons = chosen
    .map((opt, index) => [weight(opt, ranked[0]), index, opt.reason])
    .filter(([p, , reason]) => reason && p > 0)
    .sort((a, b) => b[0] - a[0] || a[1] - b[1])
    .slice(0, MAX_REASONS)
    .map((r) => r[2]);
  return { outcome: ranked[0], ranking, reasons };
}

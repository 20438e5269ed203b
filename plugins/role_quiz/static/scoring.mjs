// Twin of sales_leadership/quiz/scoring.py (its docstring states the rules); pure, no DOM.
export const MAX_REASONS = 3;
export const CLOSE_MARGIN = 1;

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

// {outcome, ranking: [{outcome, score, percent}], reasons: [text], close: [outcome ids, or none]}
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
  // [lead over the runner-up, points, question index, text]; only leads when any answer gives one.
  let drivers = chosen
    .map((opt, index) => [weight(opt, ranked[0]) - weight(opt, ranked[1]), weight(opt, ranked[0]), index, opt.reason])
    .filter(([, p, , reason]) => reason && p > 0);
  if (drivers.some(([lead]) => lead > 0)) drivers = drivers.filter(([lead]) => lead > 0);
  const reasons = drivers
    .sort((a, b) => b[0] - a[0] || b[1] - a[1] || a[2] - b[2])
    .slice(0, MAX_REASONS)
    .map((d) => d[3]);
  const close = ranking.filter((r) => r.score >= ranking[0].score - CLOSE_MARGIN).map((r) => r.outcome);
  return { outcome: ranked[0], ranking, reasons, close: close.length > 1 ? close : [] };
}

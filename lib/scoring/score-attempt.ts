// Turns one attempt's answers into per-strategy scores, bands, a ranking and what to read
// next. Pure: same quiz and answers in, same result out, whatever order the answers are in.
import { answersSchema } from "./answers";
import { aboutEquallyActive, wholeScore } from "./margins";
import type { QuizReliability } from "./reliability";
import {
  STRATEGIES,
  type AttemptResult,
  type Band,
  type Quiz,
  type Answer,
  type Strategy,
  type StrategyResult,
} from "./types";

/**
 * Bump whenever any rule below changes, so stored results say how they were computed.
 * "1": scores rounded to one decimal. "2": scores rounded to whole numbers (the quiz's margin
 * is about ±13 points, so a decimal claimed a precision it doesn't have). Results stored under
 * "1" keep their value; pages show them as whole numbers with `wholeScore` (lib/scoring/margins).
 */
export const SCORING_VERSION = "2";

/**
 * Band cut points on the 0–100 scale: low < 40 ≤ moderate < 65 ≤ high.
 * Answering "Sometimes" (3) throughout scores exactly 50, so moderate brackets the midpoint:
 * high needs a keyed mean of 3.6+ (leaning to "Often"), low a mean under 2.6 (leaning to "Rarely").
 */
export const BAND_CUT_POINTS = { moderate: 40, high: 65 } as const;

export function bandFor(score: number): Band {
  if (score >= BAND_CUT_POINTS.high) return "high";
  if (score >= BAND_CUT_POINTS.moderate) return "moderate";
  return "low";
}

/**
 * Scores one attempt. Answers are validated first with `answersSchema(quiz)`; invalid
 * answers throw its ZodError (nothing is scored). Answers may be partial: each strategy
 * is scored on the items answered, or reports "not-enough-answers" below 80% of its items.
 */
export function scoreAttempt(quiz: Quiz, answers: readonly Answer[]): AttemptResult {
  const valueByItem = new Map(
    answersSchema(quiz)
      .parse(answers)
      .map((answer) => [answer.itemId, answer.value]),
  );

  const strategies = STRATEGIES.map((strategy): StrategyResult => {
    const items = quiz.items.filter((item) => item.strategy === strategy);
    // Points per answer are 0–4: the keyed value minus 1, where a minus item's v counts as 6 − v.
    let answered = 0;
    let points = 0;
    for (const item of items) {
      const value = valueByItem.get(item.id);
      if (value === undefined) continue;
      answered += 1;
      points += (item.keyed === "plus" ? value : 6 - value) - 1;
    }
    const total = items.length;
    // Scored only with at least 80% of its items answered; compared in integers so that
    // exactly 80% never fails on float error.
    if (total === 0 || answered * 5 < total * 4) {
      return { strategy, answered, total, status: "not-enough-answers" };
    }
    // score = 100·(mean − 1)/4 = 25·points/answered, rounded half up to a whole number here
    // (not at display), so the stored number, the shown number and the band always agree.
    // floor((50·points + answered) / (2·answered)) is that rounding in integers: no float error
    // at the .5 half-way cases.
    const score = Math.floor((50 * points + answered) / (2 * answered));
    return { strategy, answered, total, status: "scored", score, band: bandFor(score) };
  });

  return {
    quizVersion: quiz.version,
    scoringVersion: SCORING_VERSION,
    strategies,
    ...rankStrategies(quiz, strategies),
  };
}

/**
 * The ranking, the strategies to explain first and what they point to, from per-strategy
 * results (freshly scored, or read back from storage). Given the quiz's reliability, `top` also
 * takes in every strategy about equally active with the highest one (see `leadingGroup`), so
 * two strategies the quiz can't tell apart are never split into "where to start" and "the rest".
 */
export function rankStrategies(
  quiz: Pick<Quiz, "pointsTo">,
  strategies: readonly StrategyResult[],
  reliability?: QuizReliability,
): Pick<AttemptResult, "ranking" | "top" | "pointsTo"> {
  const scored = strategies.filter((result) => result.status === "scored");
  // Array.prototype.sort is stable, so equal scores keep the fixed STRATEGIES order.
  const ranked = [...scored].sort((a, b) => b.score - a.score);
  const ranking = [
    ...ranked.map((result) => result.strategy),
    ...strategies.filter((result) => result.status !== "scored").map((result) => result.strategy),
  ];
  const byRule = topStrategies(ranked);
  const group = reliability ? leadingGroup(strategies, reliability) : [];
  const top = ranked.map((result) => result.strategy).filter((strategy) => byRule.includes(strategy) || group.includes(strategy));
  return {
    ranking,
    top,
    pointsTo: {
      capacities: unique(top.flatMap((strategy) => quiz.pointsTo[strategy].capacities)),
      lessons: unique(top.flatMap((strategy) => quiz.pointsTo[strategy].lessons)),
    },
  };
}

/**
 * The strategies to explain first, from the scored ones ranked highest first:
 * every one in the high band; if none is high, the top one or two that are moderate;
 * if all are low, the single highest (there is always something kind to say);
 * none when nothing is scored.
 */
function topStrategies(ranked: readonly { strategy: Strategy; band: Band }[]): Strategy[] {
  const high = ranked.filter((result) => result.band === "high");
  if (high.length > 0) return high.map((result) => result.strategy);
  const moderate = ranked.filter((result) => result.band === "moderate");
  if (moderate.length > 0) return moderate.slice(0, 2).map((result) => result.strategy);
  return ranked.slice(0, 1).map((result) => result.strategy);
}

/**
 * The highest-scoring strategy and every scored strategy about equally active with it (its
 * difference from the highest within 1.96 · √(SEM₁² + SEM₂²), on the whole numbers shown),
 * highest first. One strategy alone means the quiz can tell the highest apart from the rest.
 */
export function leadingGroup(strategies: readonly StrategyResult[], reliability: QuizReliability): Strategy[] {
  const scored = strategies
    .flatMap((result) => (result.status === "scored" ? [{ strategy: result.strategy, score: wholeScore(result.score, result.band) }] : []))
    .sort((a, b) => b.score - a.score);
  const leader = scored[0];
  if (!leader) return [];
  const withScale = (entry: { strategy: Strategy; score: number }) => ({ score: entry.score, scale: reliability.scales[entry.strategy] });
  return scored.filter((entry) => entry === leader || aboutEquallyActive(withScale(leader), withScale(entry))).map((entry) => entry.strategy);
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}

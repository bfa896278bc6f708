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
  const strategies = scoreStrategies(quiz, answers, ROUNDING[SCORING_VERSION]!);
  return {
    quizVersion: quiz.version,
    scoringVersion: SCORING_VERSION,
    strategies,
    ...rankStrategies(quiz, strategies),
  };
}

/**
 * How each scoring version turned points into a score: score = 100·(mean − 1)/4 =
 * 25·points/answered, rounded here (not at display), so the stored number, the shown number and
 * the band always agree. "2" rounds half up to a whole number: floor((50·points + answered) /
 * (2·answered)) is that rounding in integers, with no float error at the .5 half-way cases.
 * "1" rounded to one decimal.
 */
const ROUNDING: Readonly<Record<string, (points: number, answered: number) => number>> = {
  "1": (points, answered) => Math.round((250 * points) / answered) / 10,
  "2": (points, answered) => Math.floor((50 * points + answered) / (2 * answered)),
};

/** The scoring versions whose rules this module still knows, oldest first. */
export const SCORING_VERSIONS: readonly string[] = Object.keys(ROUNDING);

function scoreStrategies(quiz: Quiz, answers: readonly Answer[], round: (points: number, answered: number) => number): StrategyResult[] {
  const valueByItem = new Map(
    answersSchema(quiz)
      .parse(answers)
      .map((answer) => [answer.itemId, answer.value]),
  );
  return STRATEGIES.map((strategy): StrategyResult => {
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
    const score = round(points, answered);
    return { strategy, answered, total, status: "scored", score, band: bandFor(score) };
  });
}

/** A strategy's score as stored with a finished result (and as an export file holds it). */
export type StoredScore = { strategy: string; score: number | null; band: string | null; answered: number; total: number };

/**
 * Whether scores stored with a result are exactly what its answers give under the scoring
 * version they were stored with: one per strategy, same score, band and counts. False for a
 * scoring version this module doesn't know, and for answers the quiz doesn't accept (an unknown
 * item, a value outside 1–5, an item answered twice).
 */
export function storedScoresAgree(quiz: Quiz, scoringVersion: string, answers: readonly Answer[], stored: readonly StoredScore[]): boolean {
  const round = ROUNDING[scoringVersion];
  if (!round || !answersSchema(quiz).safeParse(answers).success) return false;
  const expected = scoreStrategies(quiz, answers, round);
  if (stored.length !== expected.length) return false;
  const byStrategy = new Map(stored.map((score) => [score.strategy, score]));
  return expected.every((result) => {
    const score = byStrategy.get(result.strategy);
    if (!score || score.answered !== result.answered || score.total !== result.total) return false;
    return result.status === "scored" ? score.score === result.score && score.band === result.band : score.score === null && score.band === null;
  });
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
      readFirst: unique(top.flatMap((strategy) => quiz.pointsTo[strategy].readFirst)),
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

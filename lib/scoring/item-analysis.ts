// Item analysis for whoever edits the quiz: how well each scale holds together, how each item
// behaves within its scale, and how far the five scales overlap. Pure: a quiz and the answers
// of finished attempts in, figures and flags out. The figures match R's psych::alpha (checked
// against it in tests/unit/scoring/item-analysis.test.ts).
//
// Missing answers. A finished attempt may lack a few answers (a strategy is scored with 80% of
// its items). Each figure uses the attempts that can give it, scale by scale:
// - α, its interval, and every per-item figure of a scale: the attempts that answered every
//   item of that scale (listwise deletion within the scale, as psych::alpha on na.omit(data)).
//   A gap in one scale does not remove the attempt from the other four.
// - A scale's score mean and SD: every attempt whose score for it exists (≥ 80% answered),
//   scored exactly as results are (lib/scoring/score-attempt.ts), but unrounded.
// - Correlations between two scales: the attempts scored on both (pairwise).
// Values are keyed first: a minus-keyed item's answer v counts as 6 − v throughout, so item
// means and correlations read in the strategy's direction.
import { formatStatistic } from "@/lib/format";
import { CovarianceAccumulator, feldtInterval } from "./statistics";
import { STRATEGIES, type Quiz, type QuizItem, type Strategy } from "./types";

/** Fewer finished attempts than this and the analysis says there is not enough data yet. */
export const MIN_ATTEMPTS_FOR_ITEM_ANALYSIS = 30;
/** An item whose corrected item–rest correlation is below this is flagged as weak. */
export const LOW_ITEM_REST = 0.3;
/** Two scales whose scores correlate above this may be measuring one thing. */
export const HIGH_SCALE_CORRELATION = 0.7;

/** One finished attempt's answers: item id → 1–5, as answered (not yet keyed). */
export type AttemptAnswers = Readonly<Record<string, number>>;

export type ItemFlag =
  /** Negative item–rest correlation: almost always a keying error (plus where minus is meant, or the reverse). */
  | "negative-item-rest"
  /** Item–rest correlation from 0 up to LOW_ITEM_REST: the item barely tracks its scale. */
  | "low-item-rest"
  /** The scale's α would be higher without this item. */
  | "alpha-rises-without";

export type ItemStatistics = {
  id: string;
  text: string;
  keyed: QuizItem["keyed"];
  /** Mean and SD of the keyed value (1–5) over the scale's complete attempts; null with fewer than two. */
  mean: number | null;
  sd: number | null;
  /** Corrected item–rest correlation (psych's r.drop): the item against the sum of the scale's other items. */
  itemRest: number | null;
  /** α of the scale without this item (psych's alpha.drop raw_alpha); null for a two-item scale. */
  alphaIfDropped: number | null;
  flags: ItemFlag[];
};

export type ScaleStatistics = {
  strategy: Strategy;
  /** Items in the scale. */
  itemCount: number;
  /** Attempts that answered every item of the scale: the basis of α and the item figures. */
  completeCount: number;
  /** Cronbach's α (raw, from covariances); null when it cannot be computed (too few complete attempts, no variance). */
  alpha: number | null;
  /** Feldt's 95% confidence interval for α (as psych::alpha reports it). */
  alphaInterval: { lower: number; upper: number } | null;
  /** Attempts with a score on this scale (≥ 80% of its items answered). */
  scoredCount: number;
  /** Mean and SD of the 0–100 score over the scored attempts. */
  scoreMean: number | null;
  scoreSd: number | null;
  items: ItemStatistics[];
};

export type ScaleCorrelation = {
  a: Strategy;
  b: Strategy;
  /** Attempts scored on both scales. */
  count: number;
  r: number | null;
  /** r above HIGH_SCALE_CORRELATION: the two scales may measure one thing. */
  high: boolean;
};

export type ItemAnalysis =
  | { quizVersion: string; attemptCount: number; status: "not-enough-data"; minimum: number }
  | {
      quizVersion: string;
      attemptCount: number;
      status: "analysed";
      scales: ScaleStatistics[];
      /** Every pair of scales once, in STRATEGIES order. */
      scaleCorrelations: ScaleCorrelation[];
    };

/** A finite number, or null for NaN and ±∞ (no variance, too few attempts). */
function finite(value: number): number | null {
  return Number.isFinite(value) ? value : null;
}

/**
 * Collects attempts one at a time (in any number of batches) and analyses them at the end,
 * keeping only running sums: memory grows with the number of items, not of attempts.
 */
export class ItemAnalysisAccumulator {
  private attempts = 0;
  private readonly itemsByScale: ReadonlyMap<Strategy, readonly QuizItem[]>;
  private readonly complete: Map<Strategy, CovarianceAccumulator>;
  private readonly scores: Map<Strategy, CovarianceAccumulator>;
  private readonly pairs: Map<string, CovarianceAccumulator>;

  constructor(readonly quiz: Quiz) {
    this.itemsByScale = new Map(STRATEGIES.map((strategy) => [strategy, quiz.items.filter((item) => item.strategy === strategy)]));
    this.complete = new Map(
      STRATEGIES.filter((strategy) => this.itemsOf(strategy).length > 0).map((strategy) => [
        strategy,
        new CovarianceAccumulator(this.itemsOf(strategy).length),
      ]),
    );
    this.scores = new Map(STRATEGIES.map((strategy) => [strategy, new CovarianceAccumulator(1)]));
    this.pairs = new Map(scalePairs().map(([a, b]) => [`${a}|${b}`, new CovarianceAccumulator(2)]));
  }

  private itemsOf(strategy: Strategy): readonly QuizItem[] {
    return this.itemsByScale.get(strategy) ?? [];
  }

  /** Adds one finished attempt. Answers to items not in the quiz, or outside 1–5, are ignored. */
  add(answers: AttemptAnswers): void {
    this.attempts += 1;
    const scoreOf = new Map<Strategy, number>();
    for (const strategy of STRATEGIES) {
      const items = this.itemsOf(strategy);
      if (items.length === 0) continue;
      const keyed: (number | undefined)[] = items.map((item) => {
        const value = answers[item.id];
        if (value === undefined || !Number.isInteger(value) || value < 1 || value > 5) return undefined;
        return item.keyed === "plus" ? value : 6 - value;
      });
      const answered = keyed.filter((value): value is number => value !== undefined);
      if (answered.length === items.length) this.complete.get(strategy)!.add(answered);
      // The results' rule: scored with at least 80% of the items answered (compared in integers).
      if (answered.length * 5 >= items.length * 4) {
        const score = (25 * answered.reduce((sum, value) => sum + value - 1, 0)) / answered.length;
        scoreOf.set(strategy, score);
        this.scores.get(strategy)!.add([score]);
      }
    }
    for (const [a, b] of scalePairs()) {
      const x = scoreOf.get(a);
      const y = scoreOf.get(b);
      if (x !== undefined && y !== undefined) this.pairs.get(`${a}|${b}`)!.add([x, y]);
    }
  }

  get attemptCount(): number {
    return this.attempts;
  }

  result(): ItemAnalysis {
    const { version: quizVersion } = this.quiz;
    if (this.attempts < MIN_ATTEMPTS_FOR_ITEM_ANALYSIS) {
      return { quizVersion, attemptCount: this.attempts, status: "not-enough-data", minimum: MIN_ATTEMPTS_FOR_ITEM_ANALYSIS };
    }
    const scales = STRATEGIES.map((strategy) => this.scale(strategy));
    const scaleCorrelations = scalePairs().map(([a, b]): ScaleCorrelation => {
      const pair = this.pairs.get(`${a}|${b}`)!;
      const r = pair.count >= 3 ? finite(pair.correlation(0, 1)) : null;
      return { a, b, count: pair.count, r, high: r !== null && r > HIGH_SCALE_CORRELATION };
    });
    return { quizVersion, attemptCount: this.attempts, status: "analysed", scales, scaleCorrelations };
  }

  private scale(strategy: Strategy): ScaleStatistics {
    const items = this.itemsOf(strategy);
    const k = items.length;
    const complete = this.complete.get(strategy);
    const n = complete?.count ?? 0;
    const score = this.scores.get(strategy)!;
    const scoreFigures = {
      scoredCount: score.count,
      scoreMean: score.count >= 1 ? score.mean(0) : null,
      scoreSd: score.count >= 2 ? Math.sqrt(score.covariance(0, 0)) : null,
    };
    if (!complete || n < 2) {
      return {
        strategy,
        itemCount: k,
        completeCount: n,
        alpha: null,
        alphaInterval: null,
        ...scoreFigures,
        items: items.map((item) => ({
          id: item.id,
          text: item.text,
          keyed: item.keyed,
          mean: null,
          sd: null,
          itemRest: null,
          alphaIfDropped: null,
          flags: [],
        })),
      };
    }

    const c = complete.covarianceMatrix();
    const rowSums = c.map((row) => row.reduce((sum, value) => sum + value, 0));
    const total = rowSums.reduce((sum, value) => sum + value, 0);
    const trace = c.reduce((sum, row, i) => sum + row[i]!, 0);
    const alphaOf = (count: number, itemVariances: number, totalVariance: number) =>
      count < 2 ? null : finite((count / (count - 1)) * (1 - itemVariances / totalVariance));
    const alpha = alphaOf(k, trace, total);

    const itemFigures = items.map((item, i): ItemStatistics => {
      const itemVariance = c[i]![i]!;
      // The rest score is the sum of the other k − 1 items.
      const restVariance = total - 2 * rowSums[i]! + itemVariance;
      const withRest = rowSums[i]! - itemVariance;
      const itemRest = k >= 2 ? finite(withRest / Math.sqrt(itemVariance * restVariance)) : null;
      const alphaIfDropped = alphaOf(k - 1, trace - itemVariance, restVariance);
      const flags: ItemFlag[] = [];
      if (itemRest !== null && itemRest < 0) flags.push("negative-item-rest");
      else if (itemRest !== null && itemRest < LOW_ITEM_REST) flags.push("low-item-rest");
      if (alpha !== null && alphaIfDropped !== null && alphaIfDropped > alpha) flags.push("alpha-rises-without");
      return { id: item.id, text: item.text, keyed: item.keyed, mean: complete.mean(i), sd: Math.sqrt(itemVariance), itemRest, alphaIfDropped, flags };
    });

    return {
      strategy,
      itemCount: k,
      completeCount: n,
      alpha,
      alphaInterval: alpha !== null && n >= 2 && k >= 2 ? feldtInterval(alpha, n, k) : null,
      ...scoreFigures,
      items: itemFigures,
    };
  }
}

/** Every pair of strategies once, in STRATEGIES order. */
function scalePairs(): [Strategy, Strategy][] {
  const pairs: [Strategy, Strategy][] = [];
  for (let i = 0; i < STRATEGIES.length; i++) {
    for (let j = i + 1; j < STRATEGIES.length; j++) pairs.push([STRATEGIES[i]!, STRATEGIES[j]!]);
  }
  return pairs;
}

/** The item analysis of a quiz from its finished attempts' answers. */
export function analyseItems(quiz: Quiz, attempts: Iterable<AttemptAnswers>): ItemAnalysis {
  const accumulator = new ItemAnalysisAccumulator(quiz);
  for (const answers of attempts) accumulator.add(answers);
  return accumulator.result();
}

/** How each flag reads to an editor, on /admin/items and in `npm run items:report`. */
export const ITEM_FLAG_TEXT: Readonly<Record<ItemFlag, string>> = {
  "negative-item-rest": "Runs against the rest of its scale: check whether it is keyed the right way round.",
  "low-item-rest": `Follows the rest of its scale only weakly (item–rest below ${formatStatistic(LOW_ITEM_REST, 2, false)}).`,
  "alpha-rises-without": "The scale’s α would be higher without it.",
};

/** How a high correlation between two scales reads to an editor. */
export const HIGH_SCALE_CORRELATION_TEXT = `Above ${formatStatistic(HIGH_SCALE_CORRELATION, 2, false)}: these two scales may be measuring one thing.`;


// Simulated quiz respondents for tests, benchmarks and demo data: never used by the app itself.
//
// The model (a five-factor model with ordinal answers):
// - Each respondent has five latent traits η, one per strategy, standard normal, correlated as
//   FACTOR_CORRELATIONS says (drawn as L·z with L the Cholesky factor and z independent normals).
// - Each item i of strategy s has a loading λᵢ (DEFAULT_LOADING unless given): its latent
//   response is yᵢ = λᵢ·η_s + √(1 − λᵢ²)·εᵢ, with εᵢ standard normal and independent, so yᵢ is
//   standard normal and two items of one scale correlate λᵢλⱼ before thresholding.
// - yᵢ is cut at THRESHOLDS into 1–5 (the keyed answer: higher means more of the strategy). A
//   minus-keyed item is then answered the other way round (6 − keyed), as a person would.
// - Options: `miskeyed` item ids are answered as if their keying were the opposite of what the
//   quiz says (the error the item analysis must flag); `skipRate` leaves answers out at random,
//   never below the 80% of a scale that scoring needs.
//
// The α this implies for a scale of ordinal items is `impliedAlpha` below: item variances from
// the category probabilities, covariances by integrating E[Xᵢ | η]·E[Xⱼ | η] over η. With ten
// items per scale at λ = .65 and these thresholds it is about .86 (the continuous yᵢ would give
// 10·.4225 / (1 + 9·.4225) = .880; cutting into five categories costs a little).
import { STRATEGIES, type AttemptAnswers, type Quiz, type QuizItem, type Strategy } from "../../lib/scoring";

export const DEFAULT_LOADING = 0.65;
/** Cut points on the standard normal latent response: 1 below −1.5, 2 to −0.5, 3 to 0.5, 4 to 1.5, 5 above. */
export const THRESHOLDS = [-1.5, -0.5, 0.5, 1.5] as const;

/**
 * Correlations between the five latent traits, in STRATEGIES order (intimacy avoidance, conflict
 * avoidance, passive-aggressiveness, control, overfunctioning): related, as the strategies are,
 * but none so close that two scales should merge (all ≤ .45).
 */
export const FACTOR_CORRELATIONS: readonly (readonly number[])[] = [
  [1.0, 0.3, 0.25, 0.1, 0.1],
  [0.3, 1.0, 0.45, 0.1, 0.3],
  [0.25, 0.45, 1.0, 0.25, 0.15],
  [0.1, 0.1, 0.25, 1.0, 0.4],
  [0.1, 0.3, 0.15, 0.4, 1.0],
];

export type SimulationOptions = {
  count: number;
  seed: number;
  /** λ per item id; DEFAULT_LOADING for the rest. */
  loadings?: Readonly<Record<string, number>>;
  /** Item ids answered as if keyed the other way. */
  miskeyed?: readonly string[];
  /** Chance that an answer is left out (0–1), never taking a scale below 80% answered. */
  skipRate?: number;
  factorCorrelations?: readonly (readonly number[])[];
};

/** A small, fast, seeded PRNG (mulberry32): the same seed gives the same respondents everywhere. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function normalFrom(random: () => number): () => number {
  let spare: number | undefined;
  return () => {
    if (spare !== undefined) {
      const value = spare;
      spare = undefined;
      return value;
    }
    // Box–Muller; 1 − u keeps the logarithm away from zero.
    const u = 1 - random();
    const v = random();
    const radius = Math.sqrt(-2 * Math.log(u));
    spare = radius * Math.sin(2 * Math.PI * v);
    return radius * Math.cos(2 * Math.PI * v);
  };
}

/** Lower-triangular L with L·Lᵀ = matrix; throws for a matrix that is not positive definite. */
export function cholesky(matrix: readonly (readonly number[])[]): number[][] {
  const n = matrix.length;
  const lower = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = matrix[i]![j]!;
      for (let k = 0; k < j; k++) sum -= lower[i]![k]! * lower[j]![k]!;
      if (i === j) {
        if (sum <= 0) throw new RangeError("The factor correlations are not positive definite.");
        lower[i]![i] = Math.sqrt(sum);
      } else {
        lower[i]![j] = sum / lower[j]![j]!;
      }
    }
  }
  return lower;
}

function loadingOf(item: QuizItem, options: Pick<SimulationOptions, "loadings">): number {
  const loading = options.loadings?.[item.id] ?? DEFAULT_LOADING;
  if (!(loading > -1 && loading < 1)) throw new RangeError(`Loading of ${item.id} must lie between −1 and 1.`);
  return loading;
}

function cut(latent: number): number {
  let value = 1;
  for (const threshold of THRESHOLDS) if (latent > threshold) value += 1;
  return value;
}

/** `count` simulated finished attempts' answers (item id → 1–5, as answered). */
export function simulateRespondents(quiz: Quiz, options: SimulationOptions): AttemptAnswers[] {
  const random = seededRandom(options.seed);
  const normal = normalFrom(random);
  const lower = cholesky(options.factorCorrelations ?? FACTOR_CORRELATIONS);
  const miskeyed = new Set(options.miskeyed ?? []);
  const skipRate = options.skipRate ?? 0;
  const maxSkips = new Map(
    STRATEGIES.map((strategy) => {
      const total = quiz.items.filter((item) => item.strategy === strategy).length;
      return [strategy, total - Math.ceil((total * 4) / 5)];
    }),
  );
  const attempts: AttemptAnswers[] = [];
  for (let person = 0; person < options.count; person++) {
    const z = STRATEGIES.map(() => normal());
    const trait = new Map<Strategy, number>(
      STRATEGIES.map((strategy, i) => [strategy, lower[i]!.reduce((sum, weight, j) => sum + weight * z[j]!, 0)]),
    );
    const skipped = new Map<Strategy, number>();
    const answers: Record<string, number> = {};
    for (const item of quiz.items) {
      const loading = loadingOf(item, options);
      const keyedValue = cut(loading * trait.get(item.strategy)! + Math.sqrt(1 - loading ** 2) * normal());
      // How the person answers: a minus item the other way round — unless the quiz has it mis-keyed.
      const answeredAsMinus = (item.keyed === "minus") !== miskeyed.has(item.id);
      const value = answeredAsMinus ? 6 - keyedValue : keyedValue;
      if (skipRate > 0 && random() < skipRate && (skipped.get(item.strategy) ?? 0) < maxSkips.get(item.strategy)!) {
        skipped.set(item.strategy, (skipped.get(item.strategy) ?? 0) + 1);
        continue;
      }
      answers[item.id] = value;
    }
    attempts.push(answers);
  }
  return attempts;
}

/** Standard normal CDF (erfc by its Chebyshev fit, relative error under 1.2e-7). */
function normalCdf(x: number): number {
  const z = Math.abs(x) / Math.SQRT2;
  const t = 1 / (1 + 0.5 * z);
  const erfc =
    t *
    Math.exp(
      -z * z -
        1.26551223 +
        t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return x >= 0 ? 1 - erfc / 2 : erfc / 2;
}

/**
 * The α the model implies for one strategy's ordinal (1–5) items, with every item keyed
 * correctly: k/(k − 1)·(1 − Σ var Xᵢ / var ΣXᵢ), where var Xᵢ comes from the category
 * probabilities and cov(Xᵢ, Xⱼ) = E[gᵢ(η)gⱼ(η)] − E[Xᵢ]E[Xⱼ] with gᵢ(η) = E[Xᵢ | η]
 * (items are independent given η), integrated over η by Simpson's rule on [−8, 8].
 */
export function impliedAlpha(quiz: Quiz, strategy: Strategy, options: Pick<SimulationOptions, "loadings"> = {}): number {
  const loadings = quiz.items.filter((item) => item.strategy === strategy).map((item) => loadingOf(item, options));
  const k = loadings.length;
  if (k < 2) throw new RangeError("α needs at least two items.");
  // Marginally yᵢ is standard normal, so the categories' probabilities are the same for every item.
  const cumulative = [0, ...THRESHOLDS.map(normalCdf), 1];
  let itemMean = 0;
  let itemSquare = 0;
  for (let c = 1; c <= 5; c++) {
    const p = cumulative[c]! - cumulative[c - 1]!;
    itemMean += c * p;
    itemSquare += c * c * p;
  }
  const itemVariance = itemSquare - itemMean ** 2;
  const conditionalMean = (loading: number, eta: number) =>
    1 + THRESHOLDS.reduce((sum, threshold) => sum + normalCdf((loading * eta - threshold) / Math.sqrt(1 - loading ** 2)), 0);
  const steps = 4000;
  const width = 16 / steps;
  let covarianceSum = 0;
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) {
      if (i === j) continue;
      let integral = 0;
      for (let step = 0; step <= steps; step++) {
        const eta = -8 + step * width;
        const weight = step === 0 || step === steps ? 1 : step % 2 === 1 ? 4 : 2;
        const density = Math.exp(-(eta * eta) / 2) / Math.sqrt(2 * Math.PI);
        integral += weight * density * conditionalMean(loadings[i]!, eta) * conditionalMean(loadings[j]!, eta);
      }
      covarianceSum += (integral * width) / 3 - itemMean ** 2;
    }
  }
  const totalVariance = k * itemVariance + covarianceSum;
  return (k / (k - 1)) * (1 - (k * itemVariance) / totalVariance);
}

/** A made-up quiz of `perScale` items per strategy (ids like ia-01), the first two of each minus-keyed: for fixtures and tests. */
export function syntheticQuiz(version: string, perScale: number): Quiz {
  const prefixes: Record<Strategy, string> = {
    "intimacy-avoidance": "ia",
    "conflict-avoidance": "cf",
    "passive-aggressiveness": "pa",
    control: "ct",
    overfunctioning: "of",
  };
  const items: QuizItem[] = [];
  for (let n = 1; n <= perScale; n++) {
    for (const strategy of STRATEGIES) {
      const id = `${prefixes[strategy]}-${String(n).padStart(2, "0")}`;
      items.push({ id, strategy, text: `Simulated item ${id}`, keyed: n <= 2 ? "minus" : "plus" });
    }
  }
  const pointsTo = Object.fromEntries(STRATEGIES.map((strategy) => [strategy, { readFirst: [], capacities: [], lessons: [] }])) as unknown as Quiz["pointsTo"];
  return { version, items, pointsTo };
}

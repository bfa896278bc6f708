// The shapes the scoring module works on. lib/content builds a Quiz from content/ files;
// lib/scoring never reads files itself.

export const STRATEGIES = [
  "intimacy-avoidance",
  "conflict-avoidance",
  "passive-aggressiveness",
  "control",
  "overfunctioning",
] as const;
export type Strategy = (typeof STRATEGIES)[number];

/** `plus`: agreeing signals the strategy. `minus`: agreeing signals its absence. */
export type Keying = "plus" | "minus";

export type QuizItem = {
  id: string;
  strategy: Strategy;
  text: string;
  keyed: Keying;
};

/**
 * What a strategy points to: the slugs of the lessons that explain it (to read first), the
 * capacity ids that loosen it, and the slugs of the lessons that teach those capacities.
 */
export type StrategyPointers = {
  readFirst: readonly string[];
  capacities: readonly string[];
  lessons: readonly string[];
};

export type Quiz = {
  version: string;
  /** In the fixed, interleaved order they are asked. */
  items: readonly QuizItem[];
  pointsTo: Readonly<Record<Strategy, StrategyPointers>>;
};

/** Answer scale: 1 Almost never, 2 Rarely, 3 Sometimes, 4 Often, 5 Almost always. */
export const ANSWER_VALUES = [1, 2, 3, 4, 5] as const;
export type AnswerValue = (typeof ANSWER_VALUES)[number];

export type Answer = { itemId: string; value: number };

/** Where a strategy's score falls; cut points and their reason live in score-attempt.ts. */
export type Band = "low" | "moderate" | "high";

export type StrategyResult = {
  strategy: Strategy;
  /** How many of this strategy's items were answered, of `total` in the quiz. */
  answered: number;
  total: number;
} & (
  | {
      status: "scored";
      /** 0–100: a whole number since SCORING_VERSION 2; one decimal in results stored under 1. */
      score: number;
      band: Band;
    }
  | { status: "not-enough-answers" }
);

/** The versioned outcome of one quiz attempt: what gets stored and shown. */
export type AttemptResult = {
  quizVersion: string;
  scoringVersion: string;
  /** One per strategy, in the fixed STRATEGIES order. */
  strategies: StrategyResult[];
  /** All five strategies: by score, highest first; ties in STRATEGIES order; unscored last. */
  ranking: Strategy[];
  /** The strategies to explain first (rule in score-attempt.ts). */
  top: Strategy[];
  /**
   * What the `top` strategies point to, de-duplicated: the lessons that explain them (to read
   * first), their capacities and the lessons that teach those.
   */
  pointsTo: { readFirst: string[]; capacities: string[]; lessons: string[] };
};

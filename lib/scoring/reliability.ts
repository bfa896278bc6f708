// How precise the quiz is, scale by scale: what each score's margin and every "real change or
// noise" verdict is computed from. Pure types and the documented defaults; lib/data works out
// the figures from stored results once there are enough of them.
import { STRATEGIES, type Strategy } from "./types";

/** One scale's reliability and spread, on the 0–100 score scale. */
export type ScaleReliability = {
  /** Cronbach's alpha, 0–1. */
  alpha: number;
  /** Standard deviation of the 0–100 scores. */
  sd: number;
};

export type QuizReliability = {
  quizVersion: string;
  /** Where the figures come from: this version's finished results, or the defaults below. */
  basis: { kind: "results"; count: number } | { kind: "defaults" };
  scales: Readonly<Record<Strategy, ScaleReliability>>;
};

/** Finished results of a version needed before its own alpha and SD replace the defaults. */
export const MIN_RESULTS_FOR_RELIABILITY = 200;

/**
 * The defaults, until a version has MIN_RESULTS_FOR_RELIABILITY finished results: a cautious
 * working assumption, not a measurement. Alpha .80 and an SD of 15 points give each score a
 * margin of about ±13 points (1.96 · 15 · √(1 − .80)), wide enough not to overstate precision.
 */
export const DEFAULT_SCALE_RELIABILITY: ScaleReliability = { alpha: 0.8, sd: 15 };

export function defaultReliability(quizVersion: string): QuizReliability {
  const scales = Object.fromEntries(STRATEGIES.map((strategy) => [strategy, DEFAULT_SCALE_RELIABILITY])) as Record<
    Strategy,
    ScaleReliability
  >;
  return { quizVersion, basis: { kind: "defaults" }, scales };
}

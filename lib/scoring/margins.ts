// Each score with its margin, and "a real change or noise" for every comparison. Pure.
//
// The rules, in one place (the "How the quiz works" page explains them in plain words):
// - Standard error of measurement: SEM = SD · √(1 − α), per scale, with α clamped to 0–1.
// - A score's range: score ± 1.96 · SEM (a 95% band), clamped to the 0–100 scale. What is shown
//   is the whole score ± the margin rounded to a whole number, so the range a reader sees adds up.
// - A range reads against the band cut points: wholly inside one band it reads as that band;
//   a range that crosses a cut point reads "between moderate and high" (or "low to high").
// - Two scores differ reliably when |x₂ − x₁| ≥ 1.96 · √(SEM₁² + SEM₂²). For two results of one
//   scale (SEM₁ = SEM₂) this is the reliable change index of Jacobson & Truax (1991),
//   RC = (x₂ − x₁) / (√2 · SEM), read as a real change when |RC| ≥ 1.96. For two results of
//   different quiz versions each score keeps its own version's SEM (the general form above).
//   For two strategies of one result the same test, with independent errors assumed because
//   the scales share no items, decides whether they are "about equally active".
// - Everything is computed from the whole numbers that are shown.
import { BAND_CUT_POINTS, bandFor } from "./score-attempt";
import type { ScaleReliability } from "./reliability";
import type { Band } from "./types";

/** The two-sided 95% point of the normal distribution. */
export const Z_95 = 1.96;

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));

/** SEM = SD · √(1 − α), α clamped to 0–1 (a negative α from data never makes SEM exceed SD). */
export function standardErrorOfMeasurement(scale: ScaleReliability): number {
  return scale.sd * Math.sqrt(1 - clamp(scale.alpha, 0, 1));
}

/** Half the width of a score's 95% range, exact: 1.96 · SEM. */
export function marginOfScore(scale: ScaleReliability): number {
  return Z_95 * standardErrorOfMeasurement(scale);
}

export type ScoreRange = {
  /** The score the range is drawn around. */
  score: number;
  /** 1.96 · SEM, exact. */
  margin: number;
  /** score ± margin clamped to 0–100, exact. */
  lower: number;
  upper: number;
  /** What is shown: the margin as a whole number, and score ± that, clamped to 0–100. */
  shownMargin: number;
  low: number;
  high: number;
};

export function scoreRange(score: number, scale: ScaleReliability): ScoreRange {
  const margin = marginOfScore(scale);
  const shownMargin = Math.round(margin);
  return {
    score,
    margin,
    lower: clamp(score - margin, 0, 100),
    upper: clamp(score + margin, 0, 100),
    shownMargin,
    low: clamp(score - shownMargin, 0, 100),
    high: clamp(score + shownMargin, 0, 100),
  };
}

export type RangeReading = { kind: "band"; band: Band } | { kind: "between"; from: Band; to: Band };

/** How a range reads against the cut points: one band, or between the two bands it reaches. */
export function readRange(range: Pick<ScoreRange, "low" | "high">): RangeReading {
  const from = bandFor(range.low);
  const to = bandFor(range.high);
  return from === to ? { kind: "band", band: from } : { kind: "between", from, to };
}

/** "moderate", "between moderate and high", or "anywhere from low to high". */
export function rangeReadingText(reading: RangeReading): string {
  if (reading.kind === "band") return reading.band;
  if (reading.from === "low" && reading.to === "high") return "anywhere from low to high";
  return `between ${reading.from} and ${reading.to}`;
}

/** The cut points a range crosses (a cut point c is crossed when low < c ≤ high). */
export function cutPointsCrossed(range: Pick<ScoreRange, "low" | "high">): number[] {
  return [BAND_CUT_POINTS.moderate, BAND_CUT_POINTS.high].filter((cut) => range.low < cut && cut <= range.high);
}

/**
 * The whole number to show for a stored score. Results scored since SCORING_VERSION 2 are
 * stored whole and shown as they are. Older results (one decimal) are rounded half up, except
 * where that would carry the number across a cut point away from its stored band: 64.9,
 * moderate, shows as 64, never "65, moderate". The stored value and version are never changed.
 */
export function wholeScore(score: number, band: Band): number {
  const rounded = Math.round(score);
  if (bandFor(rounded) === band) return rounded;
  return rounded > score ? Math.floor(score) : Math.ceil(score);
}

/**
 * The standard error of the difference between two scores, each with its own scale's SEM:
 * √(SEM₁² + SEM₂²), which is √2 · SEM when both are the same.
 */
export function standardErrorOfDifference(first: ScaleReliability, second: ScaleReliability = first): number {
  return Math.hypot(standardErrorOfMeasurement(first), standardErrorOfMeasurement(second));
}

/**
 * The reliable change index (Jacobson & Truax 1991): RC = (x₂ − x₁) / (√2 · SEM), or with each
 * score's own SEM, (x₂ − x₁) / √(SEM₁² + SEM₂²). Zero for equal scores; a perfectly reliable
 * scale (SEM 0) makes any difference infinitely reliable.
 */
export function reliableChangeIndex(
  earlier: number,
  later: number,
  scale: ScaleReliability,
  laterScale: ScaleReliability = scale,
): number {
  const difference = later - earlier;
  if (difference === 0) return 0;
  const error = standardErrorOfDifference(scale, laterScale);
  return error === 0 ? Math.sign(difference) * Infinity : difference / error;
}

export type ChangeVerdict = {
  /** "higher" / "lower": a real change (|RC| ≥ 1.96); "same": within the quiz's margin. */
  kind: "higher" | "lower" | "same";
  rc: number;
  /** later − earlier. */
  difference: number;
};

export function changeVerdict(
  earlier: number,
  later: number,
  scale: ScaleReliability,
  laterScale: ScaleReliability = scale,
): ChangeVerdict {
  const rc = reliableChangeIndex(earlier, later, scale, laterScale);
  const kind = Math.abs(rc) >= Z_95 ? (rc > 0 ? "higher" : "lower") : "same";
  return { kind, rc, difference: later - earlier };
}

/** The verdict in kind words, as every page says it. */
export function changeVerdictText(verdict: Pick<ChangeVerdict, "kind">): string {
  if (verdict.kind === "higher") return "a real change: higher than before";
  if (verdict.kind === "lower") return "a real change: lower than before";
  return "about the same, within the quiz’s margin";
}

/**
 * Two strategies of one result are about equally active when their difference is within
 * 1.96 · √(SEM₁² + SEM₂²): the quiz can't tell which is stronger, so neither is ranked above
 * the other. With the default α .80 and SD 15 that is a difference of 18 points or less.
 */
export function aboutEquallyActive(
  first: { score: number; scale: ScaleReliability },
  second: { score: number; scale: ScaleReliability },
): boolean {
  return Math.abs(first.score - second.score) < Z_95 * standardErrorOfDifference(first.scale, second.scale);
}

// What every page shows for a score: the whole number, its range and how the range reads
// against the bands, worked out once from lib/scoring so the results page, the charts and the
// journey say the same thing.
import {
  rangeReadingText,
  readRange,
  scoreRange,
  wholeScore,
  type QuizReliability,
  type RangeReading,
  type ScoreRange,
  type StrategyResult,
} from "@/lib/scoring";

export type ShownScore = {
  /** The whole number shown. */
  score: number;
  range: ScoreRange;
  reading: RangeReading;
  /** "moderate" or "between moderate and high". */
  readingText: string;
  /** "51 to 77". */
  rangeText: string;
};

export function shownScore(result: StrategyResult, reliability: QuizReliability): ShownScore | null {
  if (result.status !== "scored") return null;
  const score = wholeScore(result.score, result.band);
  const range = scoreRange(score, reliability.scales[result.strategy]);
  const reading = readRange(range);
  return { score, range, reading, readingText: rangeReadingText(reading), rangeText: `${range.low} to ${range.high}` };
}

/** "64 (likely 51 to 77), between moderate and high": the words a screen reader hears. */
export function spokenScore(shown: ShownScore): string {
  return `${shown.score} (likely ${shown.rangeText}), ${shown.readingText}`;
}

/** Which figures the ranges rest on, in a sentence. */
export function reliabilityBasisText(reliability: QuizReliability): string {
  return reliability.basis.kind === "results"
    ? `The ranges are based on ${reliability.basis.count} results of this version of the quiz.`
    : "The ranges are an estimate until enough people have taken this version of the quiz.";
}

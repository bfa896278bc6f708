// The change in one strategy between two results, in words that describe, never judge.
import type { Band, StrategyResult } from "@/lib/scoring";

export type StrategyChange =
  | {
      kind: "up" | "down" | "same";
      /** Later minus earlier, rounded to one decimal like the scores. */
      delta: number;
      /** "+7.0", "−12.0" or "no change". */
      text: string;
      /** What the number suggests, as a signal. */
      words: string;
      /** Set when the score crossed into another band. */
      bands?: { from: Band; to: Band };
    }
  | { kind: "not-comparable"; text: string; words: string };

export function describeChange(earlier: StrategyResult, later: StrategyResult): StrategyChange {
  if (earlier.status !== "scored" || later.status !== "scored") {
    return { kind: "not-comparable", text: "—", words: "not enough answers to compare" };
  }
  // Both scores carry one decimal; rounding the difference keeps 0.1-style float error out.
  const delta = Math.round((later.score - earlier.score) * 10) / 10;
  const bands = earlier.band === later.band ? {} : { bands: { from: earlier.band, to: later.band } };
  if (delta === 0) return { kind: "same", delta: 0, text: "no change", words: "about the same", ...bands };
  return delta > 0
    ? { kind: "up", delta, text: `+${delta.toFixed(1)}`, words: "seems more active", ...bands }
    : { kind: "down", delta, text: `\u2212${Math.abs(delta).toFixed(1)}`, words: "seems less active", ...bands };
}

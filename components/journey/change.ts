// The change in one strategy between two results, judged against the quiz's own margin: a real
// change (reliable change index |RC| ≥ 1.96, Jacobson & Truax 1991) or about the same. In words
// that describe, never judge. Computed from the whole numbers shown.
import {
  changeVerdict,
  changeVerdictText,
  wholeScore,
  type QuizReliability,
  type StrategyResult,
} from "@/lib/scoring";

export type StrategyChange =
  | {
      /** "higher" / "lower": a real change; "same": within the quiz's margin. */
      kind: "higher" | "lower" | "same";
      /** Later minus earlier, in whole points. */
      difference: number;
      /** "+7", "−12" or "no change". */
      text: string;
      /** "a real change: lower than before" or "about the same, within the quiz’s margin". */
      words: string;
      rc: number;
      /** The two results were scored on different versions of the quiz. */
      quizChanged: boolean;
    }
  | { kind: "not-comparable"; text: string; words: string };

export function describeChange(
  earlier: StrategyResult,
  later: StrategyResult,
  earlierReliability: QuizReliability,
  laterReliability: QuizReliability = earlierReliability,
): StrategyChange {
  if (earlier.status !== "scored" || later.status !== "scored") {
    return { kind: "not-comparable", text: "—", words: "not enough answers to compare" };
  }
  const before = wholeScore(earlier.score, earlier.band);
  const after = wholeScore(later.score, later.band);
  // Each score keeps its own version's margin (the same one when the version didn't change).
  const verdict = changeVerdict(
    before,
    after,
    earlierReliability.scales[earlier.strategy],
    laterReliability.scales[later.strategy],
  );
  const difference = after - before;
  const text = difference === 0 ? "no change" : difference > 0 ? `+${difference}` : `\u2212${Math.abs(difference)}`;
  return {
    kind: verdict.kind,
    difference,
    text,
    words: changeVerdictText(verdict),
    rc: verdict.rc,
    quizChanged: earlierReliability.quizVersion !== laterReliability.quizVersion,
  };
}

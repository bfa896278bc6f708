import type { StrategyResult } from "@/lib/scoring";
import type { ShownScore } from "./shown-score";

/**
 * The chart's numbers as a table, for screen readers and anyone who prefers figures: each whole
 * score with its likely range, and how that range reads against the bands.
 */
export function ScoreTable({
  results,
  shown,
  names,
}: {
  results: readonly StrategyResult[];
  shown: Readonly<Record<string, ShownScore | null>>;
  names: Readonly<Record<string, string>>;
}) {
  return (
    <table className="w-full max-w-lg border-collapse text-left">
      <caption className="sr-only">Your scores by strategy, 0 to 100, each with its likely range</caption>
      <thead>
        <tr className="border-b border-line-strong text-sm text-muted">
          <th scope="col" className="py-2 pr-3 font-semibold">Strategy</th>
          <th scope="col" className="py-2 pr-3 text-right font-semibold">Score</th>
          <th scope="col" className="py-2 pr-3 text-right font-semibold">Likely range</th>
          <th scope="col" className="py-2 font-semibold">Reads as</th>
        </tr>
      </thead>
      <tbody>
        {results.map((result) => {
          const entry = shown[result.strategy] ?? null;
          return (
            <tr key={result.strategy} className="border-b border-line align-top">
              <th scope="row" className="py-2 pr-3 font-medium">{names[result.strategy]}</th>
              <td className="py-2 pr-3 text-right tabular-nums">{entry ? entry.score : "—"}</td>
              <td className="py-2 pr-3 text-right tabular-nums whitespace-nowrap">{entry ? `${entry.range.low}–${entry.range.high}` : "—"}</td>
              <td className="py-2">
                {entry ? entry.readingText : `not enough answers (${result.answered} of ${result.total})`}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

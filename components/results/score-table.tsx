import type { StrategyResult } from "@/lib/scoring";

/** The chart's numbers as a table, for screen readers and anyone who prefers figures. */
export function ScoreTable({ results, names }: { results: readonly StrategyResult[]; names: Readonly<Record<string, string>> }) {
  return (
    <table className="w-full max-w-lg border-collapse text-left">
      <caption className="sr-only">Your scores by strategy, 0 to 100</caption>
      <thead>
        <tr className="border-b border-line-strong text-sm text-muted">
          <th scope="col" className="py-2 pr-4 font-semibold">Strategy</th>
          <th scope="col" className="py-2 pr-4 text-right font-semibold">Score</th>
          <th scope="col" className="py-2 font-semibold">Band</th>
        </tr>
      </thead>
      <tbody>
        {results.map((result) => (
          <tr key={result.strategy} className="border-b border-line">
            <th scope="row" className="py-2 pr-4 font-medium">{names[result.strategy]}</th>
            <td className="py-2 pr-4 text-right tabular-nums">{result.status === "scored" ? result.score.toFixed(1) : "—"}</td>
            <td className="py-2">
              {result.status === "scored" ? result.band : `not enough answers (${result.answered} of ${result.total})`}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

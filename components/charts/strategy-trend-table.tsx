import { shownScore } from "@/components/results/shown-score";
import { STRATEGIES } from "@/lib/scoring";
import { sampleText, scoreOf, stepChanges, type TrendReliability, type TrendResult } from "./strategy-trend-chart";

type Props = {
  /** Oldest first, like the charts. */
  results: readonly TrendResult[];
  names: Readonly<Record<string, string>>;
  reliability: TrendReliability;
  /** For the caption's id, so the scrolling wrapper can be named by it. */
  id: string;
  /** All the person's results when `results` is an evenly spread sample of them. */
  total?: number;
};

/**
 * The trend charts' numbers as one table: a row per strategy, a column per result. On a
 * narrow screen with many results it scrolls sideways, and the wrapper takes keyboard focus
 * so it can be scrolled without a pointer.
 */
export function StrategyTrendTable({ results, names, reliability, id, total }: Props) {
  const captionId = `${id}-caption`;
  const sample = sampleText(results.length, total);
  return (
    <div role="region" aria-labelledby={captionId} tabIndex={0} className="-mx-1 overflow-x-auto rounded-lg px-1 pb-2">
      <table className="border-collapse text-left">
        <caption id={captionId} className="pb-3 text-left text-sm text-muted">
          {sample
            ? `Your scores at ${results.length} of your ${total} results, evenly spread, oldest first, on the 0 to 100 scale, each with its likely range and, from the second column on, whether it was a real change from the column before`
            : "Your scores at each result, oldest first, on the 0 to 100 scale, each with its likely range and, from the second result on, whether it was a real change from the one before"}
        </caption>
        <thead>
          <tr className="border-b border-line-strong text-sm text-muted">
            <th scope="col" className="py-2 pr-3 align-bottom font-semibold sm:pr-6">
              Strategy
            </th>
            {results.map((result) => (
              <th key={result.id} scope="col" className="py-2 pl-3 text-right align-bottom font-semibold whitespace-nowrap sm:pl-6">
                {result.title}
                <span className="block font-normal">{result.shortDate}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {STRATEGIES.map((strategy) => {
            const changes = stepChanges(strategy, results, reliability);
            return (
              <tr key={strategy} className="border-b border-line align-top">
                <th scope="row" className="py-2 pr-3 font-medium sm:pr-6">
                  {names[strategy] ?? strategy}
                </th>
                {results.map((result, index) => {
                  const stored = scoreOf(result.strategies, strategy);
                  const shown = stored ? shownScore(stored, reliability[result.quizVersion]!) : null;
                  const change = changes[index];
                  return (
                    <td key={result.id} className="py-2 pl-3 text-right whitespace-nowrap sm:pl-6">
                      {shown ? (
                        <>
                          <span className="tabular-nums">{shown.score}</span>
                          <span className="block text-sm text-muted tabular-nums">range {shown.range.low}–{shown.range.high}</span>
                          {change ? (
                            <span
                              className={`block text-sm ${change.kind === "same" ? "text-muted" : "font-semibold"}`}
                              data-verdict={change.kind}
                            >
                              {change.kind === "same" ? "about the same" : change.kind === "higher" ? "real change: higher" : "real change: lower"}
                              {change.quizChanged ? " (quiz changed)" : ""}
                            </span>
                          ) : null}
                        </>
                      ) : (
                        <span className="text-sm text-muted">not enough answers</span>
                      )}
                    </td>
                  );
                })}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

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
      <table
        // The cells' look is set once here, not on each of them: a long history adds a column of
        // plain cells, not a column of styled ones.
        className="border-collapse text-left tabular-nums [&_td]:py-2 [&_td]:pl-3 [&_td]:text-right [&_td]:whitespace-nowrap sm:[&_td]:pl-6 [&_td_span]:block [&_td_span]:text-sm [&_td_span]:text-muted [&_td_[data-verdict=higher]]:font-semibold [&_td_[data-verdict=higher]]:text-ink [&_td_[data-verdict=lower]]:font-semibold [&_td_[data-verdict=lower]]:text-ink"
      >
        <caption id={captionId} className="pb-3 text-left text-sm text-muted">
          {sample
            ? `Your scores at ${results.length} of your ${total} results, evenly spread, oldest first, on the 0 to 100 scale, each with its likely range and, from the second column on, whether it was a real change from the column before`
            : "Your scores at each result, oldest first, on the 0 to 100 scale, each with its likely range and, from the second result on, whether it was a real change from the one before"}
        </caption>
        <thead>
          <tr className="border-b border-line-strong text-sm text-muted [&>th]:py-2 [&>th]:align-bottom [&>th]:font-semibold [&>th+th]:pl-3 [&>th+th]:text-right [&>th+th]:whitespace-nowrap sm:[&>th+th]:pl-6 [&_span]:block [&_span]:font-normal">
            <th scope="col" className="pr-3 sm:pr-6">
              Strategy
            </th>
            {results.map((result, index) => (
              // Keys by place: the columns never move, and a short key keeps the page short.
              <th key={index} scope="col">
                {result.title}
                <span>{result.shortDate}</span>
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
                    <td key={index}>
                      {shown ? (
                        <>
                          {shown.score}
                          <span>{`range ${shown.range.low}–${shown.range.high}`}</span>
                          {change ? (
                            <span data-verdict={change.kind}>{verdictText(change)}</span>
                          ) : null}
                        </>
                      ) : (
                        <span>not enough answers</span>
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

/** A cell's verdict on the change from the column before, as one piece of text. */
function verdictText(change: { kind: "same" | "higher" | "lower"; quizChanged: boolean }): string {
  const verdict = change.kind === "same" ? "about the same" : change.kind === "higher" ? "real change: higher" : "real change: lower";
  return change.quizChanged ? `${verdict} (quiz changed)` : verdict;
}

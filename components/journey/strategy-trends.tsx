import { scoreOf, StrategyTrendChart, type TrendResult } from "@/components/charts/strategy-trend-chart";
import { StrategyTrendTable } from "@/components/charts/strategy-trend-table";
import { STRATEGIES } from "@/lib/scoring";

type Props = {
  /** Oldest first; at least one. */
  results: readonly TrendResult[];
  names: Readonly<Record<string, string>>;
};

/** A small chart per strategy across every result, then the same numbers as a table. */
export function StrategyTrends({ results, names }: Props) {
  const latest = results[results.length - 1]!;
  return (
    <>
      {results.length === 1 ? (
        <p className="mb-6 max-w-reading">
          So far there is one result, so each chart has a single point. Retake the quiz in a few weeks and the line will
          show how each strategy moves.
        </p>
      ) : null}
      <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        {STRATEGIES.map((strategy) => {
          const now = scoreOf(latest.strategies, strategy);
          return (
            <li key={strategy} className="rounded-2xl border border-line bg-surface p-4 sm:p-5">
              <h3 className="font-semibold">{names[strategy] ?? strategy}</h3>
              <p className="text-sm text-muted">
                {now ? `Latest: ${now.score.toFixed(1)}, ${now.band}` : "Latest: not enough answers"}
              </p>
              <div className="mt-3">
                <StrategyTrendChart strategy={strategy} name={names[strategy] ?? strategy} results={results} />
              </div>
            </li>
          );
        })}
      </ul>
      <div className="mt-8">
        <StrategyTrendTable results={results} names={names} id="trend-numbers" />
      </div>
      <p className="mt-4 max-w-reading text-sm text-muted">
        Scores run from 0 to 100 on this quiz’s own scale; the dashed lines mark where moderate (40) and high (65) begin.
        They are not percentiles and don’t compare you with anyone else.
      </p>
    </>
  );
}

import { sampleText, scoreOf, StrategyTrendChart, type TrendReliability, type TrendResult } from "@/components/charts/strategy-trend-chart";
import { StrategyTrendTable } from "@/components/charts/strategy-trend-table";
import { reliabilityBasisText, shownScore } from "@/components/results/shown-score";
import { TextLink } from "@/components/ui/text-link";
import { STRATEGIES } from "@/lib/scoring";

type Props = {
  /** Oldest first; at least one. */
  results: readonly TrendResult[];
  names: Readonly<Record<string, string>>;
  /** The reliability of each quiz version the results were scored on. */
  reliability: TrendReliability;
  /** All the person's results when `results` is an evenly spread sample of them (see lib/data listTrendResults). */
  total?: number;
};

/** A small chart per strategy across every result, then the same numbers as a table. */
export function StrategyTrends({ results, names, reliability, total }: Props) {
  const latest = results[results.length - 1]!;
  const latestReliability = reliability[latest.quizVersion]!;
  const sample = sampleText(results.length, total);
  return (
    <>
      {sample ? (
        <p className="mb-6 max-w-reading" data-sample="">
          Each chart is {sample}: your first result, your latest, and others at even steps between them, so a long
          history still reads at a glance. A ring compares a point with the point drawn before it. Every result is in
          the full list, and any two can be compared.
        </p>
      ) : null}
      {results.length === 1 ? (
        <p className="mb-6 max-w-reading">
          So far there is one result, so each chart has a single point. Retake the quiz in a few weeks and the line will
          show how each strategy moves.
        </p>
      ) : null}
      <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        {STRATEGIES.map((strategy) => {
          const stored = scoreOf(latest.strategies, strategy);
          const now = stored ? shownScore(stored, latestReliability) : null;
          return (
            <li key={strategy} className="rounded-2xl border border-line bg-surface p-4 sm:p-5">
              <h3 className="font-semibold">{names[strategy] ?? strategy}</h3>
              <p className="text-sm text-muted">
                {now ? `Latest: ${now.score} (range ${now.range.low}–${now.range.high}), ${now.readingText}` : "Latest: not enough answers"}
              </p>
              <div className="mt-3">
                <StrategyTrendChart
                  strategy={strategy}
                  name={names[strategy] ?? strategy}
                  results={results}
                  reliability={reliability}
                  total={total}
                />
              </div>
            </li>
          );
        })}
      </ul>
      <div className="mt-8">
        <StrategyTrendTable results={results} names={names} reliability={reliability} id="trend-numbers" total={total} />
      </div>
      <p className="mt-4 max-w-reading text-sm text-muted">
        Scores run from 0 to 100 on this quiz’s own scale; the dashed lines mark where moderate (40) and high (65) begin.
        They are not percentiles and don’t compare you with anyone else.
      </p>
      {results.length > 1 ? (
        <p className="mt-3 max-w-reading text-sm text-muted">
          A ring around a point marks a real change from the {sample ? "point" : "result"} before: a move larger than the
          quiz’s own margin.
          Smaller moves read as about the same. {reliabilityBasisText(latestReliability)}{" "}
          <TextLink href="/quiz/how-it-works">How the quiz works</TextLink>
        </p>
      ) : null}
    </>
  );
}

import { STRATEGIES, type StrategyResult } from "@/lib/scoring";
import { describeChange } from "./change";
import type { NumberedResult } from "./format";

type Props = {
  earlier: NumberedResult;
  later: NumberedResult;
  names: Readonly<Record<string, string>>;
};

function Score({ result }: { result: StrategyResult | undefined }) {
  if (result?.status !== "scored") return <span className="text-sm text-muted">not enough answers</span>;
  return (
    <>
      <span className="font-semibold tabular-nums sm:text-lg">{result.score.toFixed(1)}</span>
      <span className="block text-sm text-muted">{result.band}</span>
    </>
  );
}

/** Two results side by side, strategy by strategy, with the change from the earlier to the later. */
export function CompareTable({ earlier, later, names }: Props) {
  const find = (result: NumberedResult, strategy: string) => result.strategies.find((entry) => entry.strategy === strategy);
  return (
    <div role="region" aria-labelledby="compare-caption" tabIndex={0} className="-mx-1 overflow-x-auto rounded-lg px-1 pb-2">
      <table className="w-full border-collapse text-left text-sm sm:text-base">
        <caption id="compare-caption" className="pb-3 text-left text-sm text-muted">
          Your scores on {earlier.date} and {later.date}, and the change, on the 0 to 100 scale
        </caption>
        <thead>
          <tr className="border-b border-line-strong text-sm text-muted">
            <th scope="col" className="py-2 pr-2 align-bottom font-semibold sm:pr-4">
              Strategy
            </th>
            {[earlier, later].map((result) => (
              <th key={result.id} scope="col" className="py-2 pr-2 align-bottom font-semibold sm:pr-4">
                {result.title}
                <span className="block font-normal">{result.shortDate}</span>
              </th>
            ))}
            <th scope="col" className="py-2 align-bottom font-semibold">
              Change
            </th>
          </tr>
        </thead>
        <tbody>
          {STRATEGIES.map((strategy) => {
            const before = find(earlier, strategy);
            const after = find(later, strategy);
            const change = before && after ? describeChange(before, after) : null;
            return (
              <tr key={strategy} className="border-b border-line align-top">
                <th scope="row" className="py-3 pr-2 font-medium hyphens-auto sm:pr-4">
                  {names[strategy] ?? strategy}
                </th>
                <td className="py-3 pr-2 sm:pr-4">
                  <Score result={before} />
                </td>
                <td className="py-3 pr-2 sm:pr-4">
                  <Score result={after} />
                </td>
                <td className="py-3">
                  {change ? (
                    <>
                      <span className="font-semibold tabular-nums">{change.text}</span>
                      <span className="block text-sm text-muted">
                        {change.words}
                        {"bands" in change && change.bands ? `, now ${change.bands.to}` : null}
                      </span>
                    </>
                  ) : (
                    <span className="text-sm text-muted">—</span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

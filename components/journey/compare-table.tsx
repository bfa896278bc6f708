import { shownScore } from "@/components/results/shown-score";
import { STRATEGIES, type QuizReliability, type StrategyResult } from "@/lib/scoring";
import { describeChange } from "./change";
import type { NumberedResult } from "./format";

type Props = {
  earlier: NumberedResult;
  later: NumberedResult;
  /** The reliability of each result's quiz version (the same object when they match). */
  reliability: { earlier: QuizReliability; later: QuizReliability };
  names: Readonly<Record<string, string>>;
};

function Score({ result, reliability }: { result: StrategyResult | undefined; reliability: QuizReliability }) {
  const shown = result ? shownScore(result, reliability) : null;
  if (!shown) return <span className="text-sm text-muted">not enough answers</span>;
  return (
    <>
      <span className="text-lg font-semibold tabular-nums">{shown.score}</span>
      <span className="block text-sm text-muted tabular-nums">
        range {shown.range.low}–{shown.range.high}
      </span>
      <span className="block text-sm text-muted">{shown.readingText}</span>
    </>
  );
}

/**
 * Two results side by side, strategy by strategy, with the change from the earlier to the
 * later. Each strategy is a row group headed by its name on a line of its own, so the three
 * figures keep a phone's whole width; `headers` ties every figure to its strategy and column.
 */
export function CompareTable({ earlier, later, reliability, names }: Props) {
  const find = (result: NumberedResult, strategy: string) => result.strategies.find((entry) => entry.strategy === strategy);
  const columns = { earlier: "compare-col-earlier", later: "compare-col-later", change: "compare-col-change" };
  return (
    <table className="w-full border-collapse text-left">
      <caption className="pb-3 text-left text-sm text-muted">
        Your scores on {earlier.date} and {later.date}, and the change, on the 0 to 100 scale
      </caption>
      <thead>
        <tr className="border-b border-line-strong text-sm text-muted">
          {[earlier, later].map((result, index) => (
            <th
              key={result.id}
              id={index === 0 ? columns.earlier : columns.later}
              scope="col"
              className="w-[32%] py-2 pr-3 align-bottom font-semibold"
            >
              {result.title}
              <span className="block font-normal">{result.shortDate}</span>
            </th>
          ))}
          <th id={columns.change} scope="col" className="py-2 align-bottom font-semibold">
            Change
          </th>
        </tr>
      </thead>
      {STRATEGIES.map((strategy) => {
        const before = find(earlier, strategy);
        const after = find(later, strategy);
        const change = before && after ? describeChange(before, after, reliability.earlier, reliability.later) : null;
        const rowId = `compare-${strategy}`;
        return (
          <tbody key={strategy} className="border-b border-line">
            <tr>
              <th id={rowId} scope="rowgroup" colSpan={3} className="pt-4 font-semibold">
                {names[strategy] ?? strategy}
              </th>
            </tr>
            <tr className="align-top">
              <td headers={`${rowId} ${columns.earlier}`} className="pt-1 pr-3 pb-4">
                <Score result={before} reliability={reliability.earlier} />
              </td>
              <td headers={`${rowId} ${columns.later}`} className="pt-1 pr-3 pb-4">
                <Score result={after} reliability={reliability.later} />
              </td>
              <td headers={`${rowId} ${columns.change}`} className="pt-1 pb-4">
                {change ? (
                  <>
                    <span className="text-lg font-semibold tabular-nums">{change.text}</span>
                    <span
                      className={`block text-sm ${change.kind === "not-comparable" || change.kind === "same" ? "text-muted" : "font-semibold"}`}
                      data-verdict={change.kind}
                    >
                      {change.words}
                    </span>
                  </>
                ) : (
                  <span className="text-sm text-muted">—</span>
                )}
              </td>
            </tr>
          </tbody>
        );
      })}
    </table>
  );
}

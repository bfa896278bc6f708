import { Notice } from "@/components/ui/notice";
import {
  HIGH_SCALE_CORRELATION_TEXT,
  ITEM_FLAG_TEXT,
  type ItemAnalysis,
  type ScaleStatistics,
} from "@/lib/scoring";
import { formatStatistic } from "@/lib/format";

type Analysed = Extract<ItemAnalysis, { status: "analysed" }>;
type Names = Readonly<Record<string, string>>;

/** α and r as psychometrics writes them (.86, −.12); means and SDs with their leading zero. */
const coefficient = (value: number | null) => formatStatistic(value, 2, false);
const interval = (scale: ScaleStatistics) =>
  scale.alphaInterval ? `${coefficient(scale.alphaInterval.lower)} to ${coefficient(scale.alphaInterval.upper)}` : "–";

const headCell = "py-2 pr-3 align-bottom font-semibold whitespace-nowrap";
const numberCell = "pt-1 pr-3 pb-3 tabular-nums";

/** The five scales side by side: α with its interval, and the mean and SD of the 0–100 scores. */
function ScaleSummary({ analysis, names }: { analysis: Analysed; names: Names }) {
  const col = { alpha: "scales-alpha", interval: "scales-interval", mean: "scales-mean", sd: "scales-sd" };
  return (
    <table className="w-full border-collapse text-left">
      <caption className="pb-3 text-left text-sm text-muted">
        Each scale’s Cronbach’s α with its 95% interval, and the mean and SD of its 0 to 100 scores
      </caption>
      <thead>
        <tr className="border-b border-line-strong text-sm text-muted">
          <th id={col.alpha} scope="col" className={headCell}>α</th>
          <th id={col.interval} scope="col" className={headCell}>95% interval</th>
          <th id={col.mean} scope="col" className={headCell}>Mean score</th>
          <th id={col.sd} scope="col" className={headCell}>SD</th>
        </tr>
      </thead>
      {analysis.scales.map((scale) => {
        const row = `scales-${scale.strategy}`;
        return (
          <tbody key={scale.strategy} className="border-b border-line">
            <tr>
              <th id={row} scope="rowgroup" colSpan={4} className="pt-3 font-semibold">
                {names[scale.strategy]}
              </th>
            </tr>
            <tr>
              <td headers={`${row} ${col.alpha}`} className={numberCell}>{coefficient(scale.alpha)}</td>
              <td headers={`${row} ${col.interval}`} className={numberCell}>{interval(scale)}</td>
              <td headers={`${row} ${col.mean}`} className={numberCell}>{formatStatistic(scale.scoreMean, 1)}</td>
              <td headers={`${row} ${col.sd}`} className={numberCell}>{formatStatistic(scale.scoreSd, 1)}</td>
            </tr>
          </tbody>
        );
      })}
    </table>
  );
}

/** One scale's items: each item's text on a line of its own, its four figures under it, then any flags. */
function ItemTable({ scale, name }: { scale: ScaleStatistics; name: string }) {
  const prefix = `items-${scale.strategy}`;
  const col = { mean: `${prefix}-mean`, sd: `${prefix}-sd`, rest: `${prefix}-rest`, dropped: `${prefix}-dropped` };
  return (
    <table className="w-full border-collapse text-left">
      <caption className="pb-3 text-left text-sm text-muted">
        The items of {name}: the mean and SD of each keyed answer (1 to 5), its correlation with the rest of the scale,
        and the scale’s α without it
      </caption>
      <thead>
        <tr className="border-b border-line-strong text-sm text-muted">
          <th id={col.mean} scope="col" className={headCell}>Mean</th>
          <th id={col.sd} scope="col" className={headCell}>SD</th>
          <th id={col.rest} scope="col" className={headCell}>Item–rest r</th>
          <th id={col.dropped} scope="col" className={headCell}>α without it</th>
        </tr>
      </thead>
      {scale.items.map((item) => {
        const row = `${prefix}-${item.id}`;
        return (
          <tbody key={item.id} className="border-b border-line">
            <tr>
              <th id={row} scope="rowgroup" colSpan={4} className="pt-3 font-normal">
                <span className="font-semibold">{item.id}</span>
                {item.keyed === "minus" ? <span className="text-sm text-muted"> (reverse-keyed)</span> : null}
                <span className="block">{item.text}</span>
              </th>
            </tr>
            <tr>
              <td headers={`${row} ${col.mean}`} className={numberCell}>{formatStatistic(item.mean)}</td>
              <td headers={`${row} ${col.sd}`} className={numberCell}>{formatStatistic(item.sd)}</td>
              <td headers={`${row} ${col.rest}`} className={numberCell}>{coefficient(item.itemRest)}</td>
              <td headers={`${row} ${col.dropped}`} className={numberCell}>{coefficient(item.alphaIfDropped)}</td>
            </tr>
            {item.flags.length > 0 ? (
              <tr>
                <td headers={row} colSpan={4} className="pb-3">
                  <ul className="space-y-1 border-l-4 border-accent pl-3 text-sm">
                    {item.flags.map((flag) => (
                      <li key={flag}>
                        <span className="font-semibold">Worth a look: </span>
                        {ITEM_FLAG_TEXT[flag]}
                      </li>
                    ))}
                  </ul>
                </td>
              </tr>
            ) : null}
          </tbody>
        );
      })}
    </table>
  );
}

function ScaleCorrelations({ analysis, names }: { analysis: Analysed; names: Names }) {
  const col = { r: "pairs-r", count: "pairs-count" };
  return (
    <table className="w-full border-collapse text-left">
      <caption className="pb-3 text-left text-sm text-muted">
        Pearson’s r between the scores of every two scales, and the attempts scored on both
      </caption>
      <thead>
        <tr className="border-b border-line-strong text-sm text-muted">
          <th scope="col" className={headCell}>Scales</th>
          <th id={col.r} scope="col" className={headCell}>r</th>
          <th id={col.count} scope="col" className={headCell}>Attempts</th>
        </tr>
      </thead>
      <tbody>
        {analysis.scaleCorrelations.map((pair) => {
          const row = `pairs-${pair.a}-${pair.b}`;
          return (
            <tr key={row} className="border-b border-line align-top">
              <th id={row} scope="row" className="py-2 pr-3 font-normal">
                {names[pair.a]} and {names[pair.b]}
                {pair.high ? (
                  <span className="mt-1 block border-l-4 border-accent pl-3 text-sm">
                    <span className="font-semibold">Worth a look: </span>
                    {HIGH_SCALE_CORRELATION_TEXT}
                  </span>
                ) : null}
              </th>
              <td headers={`${row} ${col.r}`} className="py-2 pr-3 tabular-nums">{coefficient(pair.r)}</td>
              <td headers={`${row} ${col.count}`} className="py-2 tabular-nums">{pair.count}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** The whole item analysis of one version, or a note that there is not enough data yet. */
export function ItemAnalysisReport({ analysis, names }: { analysis: ItemAnalysis; names: Names }) {
  if (analysis.status === "not-enough-data") {
    return (
      <Notice title="Not enough data yet" className="mt-10 max-w-reading">
        <p>
          Version {analysis.quizVersion} has {analysis.attemptCount} finished{" "}
          {analysis.attemptCount === 1 ? "attempt" : "attempts"}. The figures start to mean something from{" "}
          {analysis.minimum}, so they will appear here then.
        </p>
      </Notice>
    );
  }
  const flagged = analysis.scales.reduce((sum, scale) => sum + scale.items.filter((item) => item.flags.length > 0).length, 0);
  const highPairs = analysis.scaleCorrelations.filter((pair) => pair.high).length;
  const itemsSentence =
    flagged === 0 ? "No item is flagged." : `${flagged} ${flagged === 1 ? "item is" : "items are"} flagged as worth a look.`;
  const pairsSentence =
    highPairs === 0
      ? "No two scales overlap strongly."
      : `${highPairs} ${highPairs === 1 ? "pair of scales overlaps" : "pairs of scales overlap"} strongly.`;
  return (
    <>
      <p className="mt-8 max-w-reading text-lg">
        From <strong>{analysis.attemptCount}</strong> finished attempts of version {analysis.quizVersion}. {itemsSentence}{" "}
        {pairsSentence}
      </p>

      <section aria-labelledby="scales" className="mt-10 max-w-reading">
        <h2 id="scales" className="text-xl font-semibold sm:text-2xl">The five scales</h2>
        <div className="mt-5">
          <ScaleSummary analysis={analysis} names={names} />
        </div>
      </section>

      {analysis.scales.map((scale) => (
        <section key={scale.strategy} aria-labelledby={`scale-${scale.strategy}`} className="mt-12 max-w-reading">
          <h2 id={`scale-${scale.strategy}`} className="text-xl font-semibold sm:text-2xl">{names[scale.strategy]}</h2>
          <p className="mt-2 text-muted">
            α {coefficient(scale.alpha)} (95% interval {interval(scale)}), from the {scale.completeCount} attempts that
            answered all {scale.itemCount} items. Scores: mean {formatStatistic(scale.scoreMean, 1)}, SD{" "}
            {formatStatistic(scale.scoreSd, 1)}, over {scale.scoredCount} scored attempts.
          </p>
          <div className="mt-5">
            <ItemTable scale={scale} name={names[scale.strategy] ?? scale.strategy} />
          </div>
        </section>
      ))}

      <section aria-labelledby="pairs" className="mt-12 max-w-reading">
        <h2 id="pairs" className="text-xl font-semibold sm:text-2xl">How the scales relate</h2>
        <p className="mt-2 text-muted">Related strategies correlate a little; two scales above .70 may be one thing twice.</p>
        <div className="mt-5">
          <ScaleCorrelations analysis={analysis} names={names} />
        </div>
      </section>
    </>
  );
}

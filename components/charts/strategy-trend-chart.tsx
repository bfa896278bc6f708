import { describeChange, type StrategyChange } from "@/components/journey/change";
import { shownScore, type ShownScore } from "@/components/results/shown-score";
import { bandFor, type QuizReliability, type Strategy, type StrategyResult } from "@/lib/scoring";
import { BAND_LINES, BandLine, bandOpacity, SCALE_TICKS, TickLabel, TICK_FONT_SIZE } from "./chart-style";

/** One finished quiz result as a point in time, for the trend chart and its table. */
export type TrendResult = {
  id: string;
  /** The quiz version it was scored on: its margin comes from that version. */
  quizVersion: string;
  /** "Result 2": the results are numbered oldest first, so two on one day stay apart. */
  title: string;
  /** "27 November 2026", for the text alternative. */
  date: string;
  /** "27 Nov 2026", under the chart's axis and in the table. */
  shortDate: string;
  strategies: readonly StrategyResult[];
};

/** Each quiz version's reliability, by version. */
export type TrendReliability = Readonly<Record<string, QuizReliability>>;

type Props = {
  strategy: Strategy;
  name: string;
  /** Oldest first: the x axis runs from the first result to the latest. */
  results: readonly TrendResult[];
  reliability: TrendReliability;
  /** All the person's results when `results` is an evenly spread sample of them. */
  total?: number;
};

/**
 * "showing 16 of 500 results, evenly spread" when the chart draws a sample of a longer
 * history; null when it draws every result.
 */
export function sampleText(shown: number, total: number | undefined): string | null {
  return total !== undefined && total > shown ? `showing ${shown} of ${total} results, evenly spread` : null;
}

// Small on purpose: five sit side by side on a wide screen, and the text stays readable.
const WIDTH = 264;
const HEIGHT = 150;
const PLOT = { left: 46, right: WIDTH - 16, top: 22, bottom: HEIGHT - 30 };
/** Beyond this many results, only the first and the latest points carry their numbers. */
const LABEL_EVERY_POINT_UP_TO = 6;
/** Beyond this many results, only the first and the latest dates sit under the axis. */
const DATE_EVERY_POINT_UP_TO = 3;

export function scoreOf(results: readonly StrategyResult[], strategy: Strategy) {
  const result = results.find((entry) => entry.strategy === strategy);
  return result?.status === "scored" ? result : null;
}

/**
 * The change at each result from the result just before it (null for the first, or where
 * either has too few answers): a real change or about the same, by the quiz's margin.
 */
export function stepChanges(strategy: Strategy, results: readonly TrendResult[], reliability: TrendReliability) {
  return results.map((result, index): Extract<StrategyChange, { rc: number }> | null => {
    const previous = results[index - 1];
    const before = previous && scoreOf(previous.strategies, strategy);
    const after = scoreOf(result.strategies, strategy);
    if (!previous || !before || !after) return null;
    const change = describeChange(before, after, reliability[previous.quizVersion]!, reliability[result.quizVersion]!);
    return change.kind === "not-comparable" ? null : change;
  });
}

/**
 * What the chart shows, in words: every result's date, whole score, likely range and how it
 * reads, oldest first, and at each result whether it was a real change from the one before.
 */
export function trendDescription(
  name: string,
  strategy: Strategy,
  results: readonly TrendResult[],
  reliability: TrendReliability,
  total?: number,
): string {
  const changes = stepChanges(strategy, results, reliability);
  const points = results.map((result, index) => {
    const scored = scoreOf(result.strategies, strategy);
    const shown = scored ? shownScore(scored, reliability[result.quizVersion]!) : null;
    const change = changes[index];
    const words = change ? `; ${change.quizChanged ? "the quiz changed before this one; " : ""}${change.words}` : "";
    return `${result.date}, ${shown ? `${shown.score} (likely ${shown.rangeText}, ${shown.readingText})${words}` : "not enough answers"}`;
  });
  const sample = sampleText(results.length, total);
  // A sample's changes are between the points shown, each from the shown point before it.
  const count = sample
    ? `${results.length} of your ${total} results, evenly spread, oldest first, each change from the point before it`
    : results.length === 1
      ? "your one result so far"
      : `your ${results.length} results, oldest first`;
  return `${name} across ${count}: ${points.join(". ")}.`;
}

/**
 * One strategy's score at each finished result, as a line on the 0–100 scale with the band
 * lines at 40 and 65, drawn on the server. Meant for a surface-coloured panel.
 */
export function StrategyTrendChart({ strategy, name, results, reliability, total }: Props) {
  // Coordinates to a tenth of a unit: no visible difference, and a shorter page.
  const tenth = (value: number) => Math.round(value * 10) / 10;
  const y = (score: number) => tenth(PLOT.bottom - (score / 100) * (PLOT.bottom - PLOT.top));
  const x = (index: number) =>
    tenth(results.length === 1 ? (PLOT.left + PLOT.right) / 2 : PLOT.left + (index / (results.length - 1)) * (PLOT.right - PLOT.left));
  const changes = stepChanges(strategy, results, reliability);
  const points = results.map((result, index) => {
    const stored = scoreOf(result.strategies, strategy);
    const scored = stored ? shownScore(stored, reliability[result.quizVersion]!) : null;
    return { result, index, x: x(index), y: scored ? y(scored.score) : null, scored, change: changes[index] ?? null };
  });
  const drawn = points.filter((point) => point.scored !== null) as ((typeof points)[number] & { scored: ShownScore; y: number })[];
  // A result without a score for this strategy leaves a gap: the line never bridges it.
  const segments: { x: number; y: number }[][] = [];
  let run: { x: number; y: number }[] = [];
  for (const point of points) {
    if (point.y !== null) run.push({ x: point.x, y: point.y });
    else if (run.length) {
      segments.push(run);
      run = [];
    }
  }
  if (run.length) segments.push(run);

  const last = points.length - 1;
  const labelled = (index: number) => points.length <= LABEL_EVERY_POINT_UP_TO || index === 0 || index === last;
  const dated = (index: number) => points.length <= DATE_EVERY_POINT_UP_TO || index === 0 || index === last;
  const dateAnchor = (index: number) =>
    points.length === 1 ? "middle" : index === 0 ? "start" : index === last ? "end" : "middle";

  // What repeats at every point is drawn as one shape or one group, so a longer history adds
  // little to the page: the halos behind the dots are one path, the axis ticks another, and the
  // dots and rings take their colours from their group.
  const halos = drawn.map((point) => circlePath(point.x, point.y, HALO_RADIUS)).join("");
  const ticks = points
    .filter((point) => !dated(point.index))
    .map((point) => `M${point.x} ${y(0)}v5`)
    .join("");

  return (
    <svg
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      role="img"
      aria-label={trendDescription(name, strategy, results, reliability, total)}
      className="w-full overflow-visible text-ink"
      fontSize={TICK_FONT_SIZE}
      data-strategy={strategy}
    >
      <line x1={PLOT.left - 16} x2={WIDTH} y1={y(0)} y2={y(0)} strokeWidth="1" className="stroke-line" />
      {BAND_LINES.map((cut) => (
        <BandLine key={cut} x1={PLOT.left - 16} x2={WIDTH} y1={y(cut)} y2={y(cut)} />
      ))}
      {SCALE_TICKS.map((tick) => (
        <TickLabel key={tick} x={PLOT.left - 22} y={y(tick)} anchor="end" baseline="middle">
          {tick}
        </TickLabel>
      ))}
      {ticks ? <path d={ticks} strokeWidth="1" className="stroke-line-strong" /> : null}
      {segments
        .filter((segment) => segment.length > 1)
        .map((segment) => (
          <polyline
            key={`${segment[0]!.x}`}
            points={segment.map((point) => `${point.x},${point.y}`).join(" ")}
            fill="none"
            strokeWidth="2.5"
            strokeLinejoin="round"
            strokeLinecap="round"
            className="stroke-accent"
            data-line=""
          />
        ))}
      {halos ? <path d={halos} className="fill-surface" /> : null}
      {/* A ring marks a real change from the result before. */}
      <g fill="none" strokeWidth="2" className="stroke-ink">
        {drawn.map((point) =>
          point.change && point.change.kind !== "same" ? (
            <circle key={point.index} cx={point.x} cy={point.y} r={11} data-real-change={point.change.kind} />
          ) : null,
        )}
      </g>
      <g strokeWidth="1.5" className="fill-accent stroke-accent">
        {drawn.map((point) => (
          <circle
            key={point.index}
            cx={point.x}
            cy={point.y}
            r={6}
            fillOpacity={bandOpacity[bandFor(point.scored.score)]}
            data-score={point.scored.score}
          />
        ))}
      </g>
      {drawn
        .filter((point) => labelled(point.index))
        .map((point) => (
          <text
            key={point.index}
            x={point.x}
            y={tenth(point.y - 15)}
            textAnchor="middle"
            // A halo in the panel's colour keeps the number legible where it crosses a band line.
            className="fill-ink stroke-surface"
            strokeWidth="4"
            strokeLinejoin="round"
            paintOrder="stroke"
            fontWeight="600"
            style={{ fontVariantNumeric: "tabular-nums" }}
          >
            {point.scored.score}
          </text>
        ))}
      {points
        .filter((point) => dated(point.index))
        .map((point) => (
          <TickLabel
            key={point.index}
            x={points.length === 1 ? point.x : point.index === 0 ? point.x - 8 : point.index === last ? point.x + 8 : point.x}
            y={HEIGHT - 6}
            anchor={dateAnchor(point.index)}
          >
            {point.result.shortDate}
          </TickLabel>
        ))}
    </svg>
  );
}

/** The surface-coloured disc behind each dot, so neither the line nor a band line shows through it. */
const HALO_RADIUS = 7.5;

/** A full circle as a path segment (two arcs), so many can share one path. */
function circlePath(cx: number, cy: number, r: number): string {
  return `M${cx - r} ${cy}a${r} ${r} 0 1 0 ${2 * r} 0a${r} ${r} 0 1 0 ${-2 * r} 0`;
}

import type { ShownScore } from "@/components/results/shown-score";
import { bandFor, type StrategyResult } from "@/lib/scoring";
import { BAND_LINES, BandLine, bandOpacity, CHART_FONT_SIZE, SCALE_TICKS, TickLabel } from "./chart-style";

type Props = {
  results: readonly StrategyResult[];
  /** The whole score, its range and reading per strategy (null when not scored). */
  shown: Readonly<Record<string, ShownScore | null>>;
  /** Display name per strategy. */
  names: Readonly<Record<string, string>>;
  /** Short text for screen readers; the table beside the chart carries the numbers. */
  label: string;
};

const WIDTH = 400;
const ROW = 66;
const BAR = 14;
/** How far below the bar's top the range's line runs. */
const RANGE_Y = 24 + BAR + 8;

/**
 * The five scores as horizontal bars on the 0–100 scale, each with its range drawn as a line
 * with end marks under the bar (score ± 1.96·SEM), drawn on the server as SVG.
 */
export function StrategyScoresChart({ results, shown, names, label }: Props) {
  const height = results.length * ROW + 22;
  const x = (score: number) => (score / 100) * WIDTH;
  return (
    <svg
      viewBox={`0 0 ${WIDTH} ${height}`}
      role="img"
      aria-label={label}
      className="w-full max-w-lg overflow-visible text-ink"
      fontSize={CHART_FONT_SIZE}
    >
      {BAND_LINES.map((cut) => (
        <BandLine key={cut} x1={x(cut)} x2={x(cut)} y1={18} y2={height - 20} />
      ))}
      {results.map((result, index) => {
        const top = index * ROW;
        const scored = shown[result.strategy] ?? null;
        return (
          <g key={result.strategy}>
            <text x={0} y={top + 16} className="fill-ink" fontWeight="600">
              {names[result.strategy] ?? result.strategy}
            </text>
            <text x={WIDTH} y={top + 16} textAnchor="end" className="fill-muted" style={{ fontVariantNumeric: "tabular-nums" }}>
              {scored ? `${scored.score} · range ${scored.range.low}–${scored.range.high}` : "not enough answers"}
            </text>
            <rect x={0} y={top + 24} width={WIDTH} height={BAR} rx={BAR / 2} className="fill-soft" />
            {scored ? (
              <>
                <rect
                  x={0}
                  y={top + 24}
                  width={Math.max(x(scored.score), BAR)}
                  height={BAR}
                  rx={BAR / 2}
                  className="fill-accent"
                  fillOpacity={bandOpacity[bandOfScore(scored)]}
                />
                <g className="stroke-ink" strokeWidth="2" strokeLinecap="round" data-range={`${scored.range.low}-${scored.range.high}`}>
                  <line x1={x(scored.range.low)} x2={x(scored.range.high)} y1={top + RANGE_Y} y2={top + RANGE_Y} />
                  <line x1={x(scored.range.low)} x2={x(scored.range.low)} y1={top + RANGE_Y - 4} y2={top + RANGE_Y + 4} />
                  <line x1={x(scored.range.high)} x2={x(scored.range.high)} y1={top + RANGE_Y - 4} y2={top + RANGE_Y + 4} />
                </g>
                <circle cx={x(scored.score)} cy={top + RANGE_Y} r={3.5} className="fill-ink" />
              </>
            ) : null}
          </g>
        );
      })}
      {SCALE_TICKS.map((tick) => (
        <TickLabel key={tick} x={x(tick)} y={height - 2} anchor={tick === 0 ? "start" : tick === 100 ? "end" : "middle"}>
          {tick}
        </TickLabel>
      ))}
    </svg>
  );
}

/** The band the whole score sits in (the bar's depth of colour). */
function bandOfScore(shown: ShownScore) {
  return bandFor(shown.score);
}

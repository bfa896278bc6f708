import type { StrategyResult } from "@/lib/scoring";
import { BAND_LINES, BandLine, bandOpacity, CHART_FONT_SIZE, SCALE_TICKS, TickLabel } from "./chart-style";

type Props = {
  results: readonly StrategyResult[];
  /** Display name per strategy. */
  names: Readonly<Record<string, string>>;
  /** Short text for screen readers; the table beside the chart carries the numbers. */
  label: string;
};

const WIDTH = 400;
const ROW = 56;
const BAR = 14;

/** The five scores as horizontal bars on the 0–100 scale, drawn on the server as SVG. */
export function StrategyScoresChart({ results, names, label }: Props) {
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
        const scored = result.status === "scored";
        return (
          <g key={result.strategy}>
            <text x={0} y={top + 16} className="fill-ink" fontWeight="600">
              {names[result.strategy] ?? result.strategy}
            </text>
            <text x={WIDTH} y={top + 16} textAnchor="end" className="fill-muted" style={{ fontVariantNumeric: "tabular-nums" }}>
              {scored ? `${result.score.toFixed(1)} · ${result.band}` : "not enough answers"}
            </text>
            <rect x={0} y={top + 24} width={WIDTH} height={BAR} rx={BAR / 2} className="fill-soft" />
            {scored ? (
              <rect
                x={0}
                y={top + 24}
                width={Math.max(x(result.score), BAR)}
                height={BAR}
                rx={BAR / 2}
                className="fill-accent"
                fillOpacity={bandOpacity[result.band]}
              />
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

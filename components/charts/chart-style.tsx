// What every Drawbridge chart shares, so the results chart and the journey's trend charts read
// as one family: the 0–100 scale with its band lines, the tick labels, and depth of the accent
// for how active a strategy is (never an alarm colour).
import type { ReactNode } from "react";
import { BAND_CUT_POINTS, type Band } from "@/lib/scoring";

/** The scale's marks: its ends and the two cut points between the bands. */
export const SCALE_TICKS = [0, BAND_CUT_POINTS.moderate, BAND_CUT_POINTS.high, 100] as const;
/** Where the dashed band lines are drawn: low | moderate | high. */
export const BAND_LINES = [BAND_CUT_POINTS.moderate, BAND_CUT_POINTS.high] as const;

/** Fill opacity of the accent per band: the higher the band, the deeper the colour. */
export const bandOpacity: Readonly<Record<Band, number>> = { low: 0.45, moderate: 0.7, high: 1 };

export const CHART_FONT_SIZE = 15;
export const TICK_FONT_SIZE = 12;

/** A dashed line marking a cut point between two bands. */
export function BandLine(props: { x1: number; x2: number; y1: number; y2: number }) {
  return <line {...props} strokeDasharray="3 4" strokeWidth="1" className="stroke-line-strong" />;
}

/** A quiet number on the scale's axis. */
export function TickLabel({
  x,
  y,
  anchor = "middle",
  baseline,
  children,
}: {
  x: number;
  y: number;
  anchor?: "start" | "middle" | "end";
  baseline?: "middle";
  children: ReactNode;
}) {
  return (
    <text x={x} y={y} textAnchor={anchor} dominantBaseline={baseline} className="fill-muted" fontSize={TICK_FONT_SIZE}>
      {children}
    </text>
  );
}

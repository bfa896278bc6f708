// How the journey writes dates and names results, in one place for /me and /me/compare.
import type { TrendResult } from "@/components/charts/strategy-trend-chart";
import type { QuizReliability, StrategyResult } from "@/lib/scoring";

/** A finished quiz result as the journey pages need it (a lib/data QuizResult fits). */
export type JourneyResult = { id: string; quizVersion: string; completedAt: Date; strategies: readonly StrategyResult[] };

/** A result with its place in the person's history: 1 is their first. */
export type NumberedResult = JourneyResult & { number: number; title: string; date: string; shortDate: string };

const longDate = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric" });
const shortDate = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric" });
// Practice days are stored as UTC midnight; show that same calendar day everywhere.
const calendarDay = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });

/** "27 November 2026". */
export const formatDate = (date: Date) => longDate.format(date);
/** A practised-on day: "27 November 2026", the day that was chosen. */
export const formatDay = (day: Date) => calendarDay.format(day);
/** For `<time dateTime>`. */
export const isoDay = (date: Date) => date.toISOString().slice(0, 10);

/** Numbers results oldest first (1 is the first), keeping the order they came in (newest first). */
export function numberResults(newestFirst: readonly JourneyResult[]): NumberedResult[] {
  return titleResults(newestFirst.map((result, index) => ({ ...result, number: newestFirst.length - index })));
}

/** Titles and dates for results that already know their number in the whole history (a page, a sample, a pair). */
export function titleResults<T extends JourneyResult & { number: number }>(results: readonly T[]): (T & NumberedResult)[] {
  return results.map((result) => ({
    ...result,
    title: `Result ${result.number}`,
    date: formatDate(result.completedAt),
    shortDate: shortDate.format(result.completedAt),
  }));
}

/** The results oldest first, as the trend charts and their table read them. */
export function trendResults(numbered: readonly NumberedResult[]): TrendResult[] {
  return [...numbered].sort((a, b) => a.number - b.number);
}

/** Each quiz version's reliability, by version, for the results of a journey. */
export type ReliabilityByVersion = Readonly<Record<string, QuizReliability>>;

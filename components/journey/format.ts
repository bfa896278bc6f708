// How the journey numbers, names and dates results, in one place for /me and /me/compare.
import type { TrendResult } from "@/components/charts/strategy-trend-chart";
import { formatDate, formatShortDate } from "@/lib/format";
import type { QuizReliability, StrategyResult } from "@/lib/scoring";

/** A finished quiz result as the journey pages need it (a lib/data QuizResult fits). */
export type JourneyResult = { id: string; quizVersion: string; completedAt: Date; strategies: readonly StrategyResult[] };

/** A result with its place in the person's history: 1 is their first. */
export type NumberedResult = JourneyResult & { number: number; title: string; date: string; shortDate: string };

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
    shortDate: formatShortDate(result.completedAt),
  }));
}

/** The results oldest first, as the trend charts and their table read them. */
export function trendResults(numbered: readonly NumberedResult[]): TrendResult[] {
  return [...numbered].sort((a, b) => a.number - b.number);
}

/** Each quiz version's reliability, by version, for the results of a journey. */
export type ReliabilityByVersion = Readonly<Record<string, QuizReliability>>;

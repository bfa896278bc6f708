import "server-only";
import { quizForVersion } from "@/lib/content/quiz";
import {
  defaultReliability,
  MIN_RESULTS_FOR_RELIABILITY,
  STRATEGIES,
  type QuizReliability,
  type ScaleReliability,
  type Strategy,
} from "@/lib/scoring";
import { analyseQuiz, finishedAttemptCount } from "./item-analysis";

/**
 * How long a version's figures are kept in this process before they are worked out again.
 * Results pages ask on every view; the answer changes slowly (one more result barely moves α),
 * so a few minutes' delay costs nothing and spares the database a full read per view.
 */
export const RELIABILITY_CACHE_MS = 10 * 60 * 1000;

const cache = new Map<string, { expires: number; value: Promise<QuizReliability> }>();

/**
 * The alpha and SD of each scale for one quiz version, for score margins and "real change"
 * verdicts. With at least MIN_RESULTS_FOR_RELIABILITY finished results of that version, the
 * version's own figures (basis "results", with their count): each scale's Cronbach's α and the
 * SD of its 0–100 scores, from the item analysis (lib/data/item-analysis.ts). Otherwise — and
 * for a version never published, or when a scale's α cannot be computed or is not above 0 (no
 * usable margin follows from it) — the documented defaults.
 *
 * Cached per process for RELIABILITY_CACHE_MS per version (concurrent callers share one
 * computation; a failed computation is not kept), so a new result shows in the figures
 * within that time. Each server process keeps its own copy.
 */
export function quizReliability(quizVersion: string): Promise<QuizReliability> {
  const now = Date.now();
  const cached = cache.get(quizVersion);
  if (cached && cached.expires > now) return cached.value;
  const value = computeReliability(quizVersion);
  cache.set(quizVersion, { expires: now + RELIABILITY_CACHE_MS, value });
  value.catch(() => {
    if (cache.get(quizVersion)?.value === value) cache.delete(quizVersion);
  });
  return value;
}

/** Empties the cache (for tests, and for a process that must see new results at once). */
export function forgetCachedReliability(): void {
  cache.clear();
}

async function computeReliability(quizVersion: string): Promise<QuizReliability> {
  const quiz = quizForVersion(quizVersion);
  if (!quiz) return defaultReliability(quizVersion);
  if ((await finishedAttemptCount(quizVersion)) < MIN_RESULTS_FOR_RELIABILITY) return defaultReliability(quizVersion);
  const analysis = await analyseQuiz(quiz);
  if (analysis.status !== "analysed") return defaultReliability(quizVersion);
  const scales: Partial<Record<Strategy, ScaleReliability>> = {};
  for (const scale of analysis.scales) {
    if (scale.alpha === null || !(scale.alpha > 0 && scale.alpha < 1) || scale.scoreSd === null || !(scale.scoreSd > 0)) {
      return defaultReliability(quizVersion);
    }
    scales[scale.strategy] = { alpha: scale.alpha, sd: scale.scoreSd };
  }
  if (!STRATEGIES.every((strategy) => scales[strategy])) return defaultReliability(quizVersion);
  return {
    quizVersion,
    basis: { kind: "results", count: analysis.attemptCount },
    scales: scales as Record<Strategy, ScaleReliability>,
  };
}

/** quizReliability for each of `versions` (each asked once), by version. */
export async function reliabilityByVersion(versions: Iterable<string>): Promise<Record<string, QuizReliability>> {
  const distinct = [...new Set(versions)];
  return Object.fromEntries(await Promise.all(distinct.map(async (version) => [version, await quizReliability(version)] as const)));
}

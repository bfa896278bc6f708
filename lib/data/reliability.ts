import "server-only";
import { defaultReliability, type QuizReliability } from "@/lib/scoring";

/**
 * The alpha and SD of each scale for one quiz version, for score margins and "real change"
 * verdicts. Below MIN_RESULTS_FOR_RELIABILITY finished results of that version (and for now
 * always), the documented defaults; the item analysis (lib/data/item-analysis.ts) supplies the
 * version's own figures from its stored results once there are enough.
 */
export async function quizReliability(quizVersion: string): Promise<QuizReliability> {
  return defaultReliability(quizVersion);
}

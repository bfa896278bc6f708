import "server-only";
import { quiz as currentQuiz, quizForVersion, quizVersions } from "@/lib/content/quiz";
import { db } from "@/lib/db";
import { ItemAnalysisAccumulator, type ItemAnalysis, type Quiz } from "@/lib/scoring";

/** Finished attempts read per query: bounds memory whatever the number of results. */
export const ITEM_ANALYSIS_BATCH = 500;

/** How many finished attempts a quiz version has. */
export async function finishedAttemptCount(quizVersion: string): Promise<number> {
  return db().quizAttempt.count({ where: { quizVersion, status: "completed" } });
}

/**
 * The item analysis (lib/scoring/item-analysis.ts) of a quiz's finished attempts. Attempts are
 * read ITEM_ANALYSIS_BATCH at a time, in id order, selecting only answer item ids and values,
 * and folded into running sums: nothing that identifies a person is read, and memory does not
 * grow with the number of attempts.
 */
export async function analyseQuiz(quiz: Quiz, batchSize = ITEM_ANALYSIS_BATCH): Promise<ItemAnalysis> {
  const accumulator = new ItemAnalysisAccumulator(quiz);
  let after: string | undefined;
  for (;;) {
    const batch = await db().quizAttempt.findMany({
      where: { quizVersion: quiz.version, status: "completed", ...(after === undefined ? {} : { id: { gt: after } }) },
      orderBy: { id: "asc" },
      take: batchSize,
      select: { id: true, answers: { select: { itemId: true, value: true } } },
    });
    for (const attempt of batch) {
      accumulator.add(Object.fromEntries(attempt.answers.map((answer) => [answer.itemId, answer.value])));
    }
    if (batch.length < batchSize) break;
    after = batch.at(-1)!.id;
  }
  return accumulator.result();
}

/** The versions an editor can choose from (the current one first), and which is current. */
export function analysableVersions(): { versions: readonly string[]; current: string } {
  return { versions: quizVersions, current: currentQuiz.version };
}

/** The item analysis of a published quiz version; null for a version never published. */
export async function itemAnalysisForVersion(quizVersion: string): Promise<ItemAnalysis | null> {
  const quiz = quizForVersion(quizVersion);
  return quiz ? analyseQuiz(quiz) : null;
}

// Stores simulated finished attempts (scripts/lib/simulate-respondents.ts) in the database, for
// tests, benchmarks and trying /admin/items out: never used by the app itself. All of them
// belong to one new guest profile named "Simulated respondents", and each is scored by
// lib/scoring as a real finish would be.
import { randomUUID } from "node:crypto";
import type { Db } from "../../lib/db";
import { strategyScoreRows } from "../../lib/data/score-rows";
import { scoreAttempt, type AttemptAnswers, type Quiz } from "../../lib/scoring";

const CHUNK = 500;
/** The name of the guest profile simulated attempts belong to. */
export const SIMULATED_PROFILE_NAME = "Simulated respondents";

/** Writes one finished attempt per entry of `attempts`; returns the profile id they belong to. */
export async function seedSimulatedAttempts(db: Db, quiz: Quiz, attempts: readonly AttemptAnswers[]): Promise<string> {
  const profileId = randomUUID();
  await db.profile.create({ data: { id: profileId, name: SIMULATED_PROFILE_NAME, isAnonymous: true } });
  const scored = attempts.map((answers) => {
    const list = Object.entries(answers).map(([itemId, value]) => ({ itemId, value }));
    return { id: randomUUID(), answers: list, result: scoreAttempt(quiz, list) };
  });
  const completedAt = new Date();
  // Attempts first, then what hangs off them, each in slices of CHUNK rows: equal-sized inserts
  // keep the client's statement cache small, and no long transaction (a slow machine would time it out).
  const attemptRows = scored.map(({ id, result }) => ({
    id,
    profileId,
    quizVersion: quiz.version,
    status: "completed",
    completedAt,
    scoringVersion: result.scoringVersion,
  }));
  const answerRows = scored.flatMap(({ id, answers }) => answers.map((answer) => ({ attemptId: id, itemId: answer.itemId, value: answer.value })));
  const scoreRows = scored.flatMap(({ id, result }) => strategyScoreRows(id, result));
  for (let start = 0; start < attemptRows.length; start += CHUNK) await db.quizAttempt.createMany({ data: attemptRows.slice(start, start + CHUNK) });
  for (let start = 0; start < answerRows.length; start += CHUNK) await db.quizAnswer.createMany({ data: answerRows.slice(start, start + CHUNK) });
  for (let start = 0; start < scoreRows.length; start += CHUNK) await db.strategyScore.createMany({ data: scoreRows.slice(start, start + CHUNK) });
  return profileId;
}


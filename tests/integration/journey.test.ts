import { describe, expect, it } from "vitest";
import type { CurrentProfile } from "@/lib/data/profiles";
import { quiz } from "@/lib/content/quiz";
import { db } from "@/lib/db";
import { finishAttempt, getResult, listResults, saveAnswer, startAttempt } from "@/lib/data/quiz-attempts";
import { scoreAttempt } from "@/lib/scoring";
import { makeGuestProfile } from "./support/profiles";

/** Starts an attempt and answers every item with `valueFor(index)`; finishes it unless told not to. */
async function takeQuiz(profile: CurrentProfile, valueFor: (index: number) => number, finish = true) {
  const attempt = await startAttempt(profile);
  await Promise.all(quiz.items.map((item, index) => saveAnswer(profile, attempt.id, { itemId: item.id, value: valueFor(index) })));
  if (finish) expect(await finishAttempt(profile, attempt.id)).toEqual({ finished: true, attemptId: attempt.id });
  return attempt.id;
}

/** Moves a finished attempt's completion time, so the expected order doesn't follow insertion order. */
async function finishedOn(attemptId: string, iso: string) {
  await db().quizAttempt.update({ where: { id: attemptId }, data: { completedAt: new Date(iso) } });
}

describe("listResults", () => {
  it("lists every finished result of the profile with its scores, newest first", async () => {
    const alex = await makeGuestProfile();
    const patterns = [(i: number) => 1 + (i % 5), (i: number) => 5 - (i % 5), () => 3];
    const spring = await takeQuiz(alex, patterns[0]!);
    const winter = await takeQuiz(alex, patterns[1]!);
    const summer = await takeQuiz(alex, patterns[2]!);
    await finishedOn(spring, "2026-03-14T09:00:00Z");
    await finishedOn(winter, "2026-12-01T18:30:00Z");
    await finishedOn(summer, "2026-07-02T12:00:00Z");

    const results = await listResults(alex);
    expect(results.map((result) => result.id)).toEqual([winter, summer, spring]);
    expect(results.map((result) => result.completedAt.toISOString())).toEqual([
      "2026-12-01T18:30:00.000Z",
      "2026-07-02T12:00:00.000Z",
      "2026-03-14T09:00:00.000Z",
    ]);
    // The same stored scores getResult reads, which are the ones lib/scoring computed.
    for (const result of results) expect(result).toEqual(await getResult(alex, result.id));
    const answersOf = (valueFor: (index: number) => number) =>
      quiz.items.map((item, index) => ({ itemId: item.id, value: valueFor(index) }));
    expect(results[0]!.strategies).toEqual(scoreAttempt(quiz, answersOf(patterns[1]!)).strategies);
    expect(results[2]!.strategies).toEqual(scoreAttempt(quiz, answersOf(patterns[0]!)).strategies);
    expect(results[1]!).toMatchObject({ quizVersion: quiz.version, scoringVersion: scoreAttempt(quiz, answersOf(patterns[2]!)).scoringVersion });
  });

  it("leaves out unfinished attempts and other profiles' results", async () => {
    const alex = await makeGuestProfile();
    const sam = await makeGuestProfile();
    const finished = await takeQuiz(alex, () => 4);
    await takeQuiz(alex, () => 2, false); // still open
    const samsResult = await takeQuiz(sam, () => 1);

    expect((await listResults(alex)).map((result) => result.id)).toEqual([finished]);
    expect((await listResults(sam)).map((result) => result.id)).toEqual([samsResult]);
  });

  it("is empty for a profile that hasn't finished the quiz", async () => {
    const newcomer = await makeGuestProfile();
    expect(await listResults(newcomer)).toEqual([]);
    await takeQuiz(newcomer, () => 3, false);
    expect(await listResults(newcomer)).toEqual([]);
  });
});

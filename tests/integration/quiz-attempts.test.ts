import { describe, expect, it } from "vitest";
import { quiz } from "@/lib/content/quiz";
import { db } from "@/lib/db";
import {
  findUnfinishedAttempt,
  finishAttempt,
  getAttempt,
  getResult,
  saveAnswer,
  startAttempt,
} from "@/lib/data/quiz-attempts";
import { scoreAttempt } from "@/lib/scoring";
import { makeGuestProfile } from "./support/profiles";

const [first, second] = quiz.items;

/** A fixed pattern: item i gets 1 + (i mod 5). */
const patternValue = (index: number) => 1 + (index % 5);

async function answerAll(profile: { id: string; isGuest: boolean }, attemptId: string) {
  for (const [index, item] of quiz.items.entries()) {
    expect(await saveAnswer(profile, attemptId, { itemId: item.id, value: patternValue(index) })).toEqual({ saved: true });
  }
}

describe("quiz attempts", () => {
  it("keeps answers as they are given and resumes the unfinished attempt", async () => {
    const alex = await makeGuestProfile();
    expect(await findUnfinishedAttempt(alex)).toBeNull();
    const attempt = await startAttempt(alex);
    await saveAnswer(alex, attempt.id, { itemId: first!.id, value: 4 });
    await saveAnswer(alex, attempt.id, { itemId: second!.id, value: 2 });
    await saveAnswer(alex, attempt.id, { itemId: first!.id, value: 5 }); // changed their mind

    const resumed = await findUnfinishedAttempt(alex);
    expect(resumed?.id).toBe(attempt.id);
    expect(resumed?.answers).toEqual({ [first!.id]: 5, [second!.id]: 2 });

    const stored = await db().quizAnswer.findUniqueOrThrow({ where: { attemptId_itemId: { attemptId: attempt.id, itemId: first!.id } } });
    expect(Math.abs(stored.updatedAt.getTime() - Date.now())).toBeLessThan(60_000);
    expect(stored.answeredAt.getTime()).toBeLessThanOrEqual(stored.updatedAt.getTime());
  });

  it("starting over replaces the unfinished attempt", async () => {
    const alex = await makeGuestProfile();
    const old = await startAttempt(alex);
    await saveAnswer(alex, old.id, { itemId: first!.id, value: 3 });
    const fresh = await startAttempt(alex);
    expect((await findUnfinishedAttempt(alex))?.id).toBe(fresh.id);
    expect(await getAttempt(alex, old.id)).toBeNull();
    expect(fresh.answers).toEqual({});
  });

  it("refuses invalid answers and changes nothing", async () => {
    const alex = await makeGuestProfile();
    const attempt = await startAttempt(alex);
    await saveAnswer(alex, attempt.id, { itemId: first!.id, value: 2 });
    expect(await saveAnswer(alex, attempt.id, { itemId: first!.id, value: 6 })).toEqual({
      refused: "invalid-answer",
      message: "Answers are 1 (Almost never) to 5 (Almost always).",
    });
    expect(await saveAnswer(alex, attempt.id, { itemId: "zz-99", value: 3 })).toEqual({
      refused: "invalid-answer",
      message: 'Unknown quiz item "zz-99".',
    });
    expect(await saveAnswer(alex, "no-such-attempt", { itemId: first!.id, value: 3 })).toEqual({ refused: "not-found" });
    expect((await getAttempt(alex, attempt.id))?.answers).toEqual({ [first!.id]: 2 });
  });

  it("keeps all of 20 answers saved at the same moment", async () => {
    const alex = await makeGuestProfile();
    const attempt = await startAttempt(alex);
    const items = quiz.items.slice(0, 20);
    const results = await Promise.all(items.map((item) => saveAnswer(alex, attempt.id, { itemId: item.id, value: 4 })));
    expect(results.every((result) => "saved" in result)).toBe(true);
    expect(Object.keys((await getAttempt(alex, attempt.id))!.answers).sort()).toEqual(items.map((item) => item.id).sort());
  });

  it("finishes only when every item is answered, pointing at the first gap", async () => {
    const alex = await makeGuestProfile();
    const attempt = await startAttempt(alex);
    await saveAnswer(alex, attempt.id, { itemId: first!.id, value: 3 });
    expect(await finishAttempt(alex, attempt.id)).toEqual({ refused: "unanswered", firstUnanswered: 1 });
    expect((await getAttempt(alex, attempt.id))?.status).toBe("in_progress");
  });

  it("stores the scores lib/scoring computes, with quiz and scoring versions", async () => {
    const alex = await makeGuestProfile();
    const attempt = await startAttempt(alex);
    await answerAll(alex, attempt.id);
    expect(await finishAttempt(alex, attempt.id)).toEqual({ finished: true, attemptId: attempt.id });

    const expected = scoreAttempt(
      quiz,
      quiz.items.map((item, index) => ({ itemId: item.id, value: patternValue(index) })),
    );
    const result = await getResult(alex, attempt.id);
    expect(result).toMatchObject({ quizVersion: quiz.version, scoringVersion: expected.scoringVersion });
    expect(result?.strategies).toEqual(expected.strategies);
  });

  it("finishing twice at once yields one result", async () => {
    const alex = await makeGuestProfile();
    const attempt = await startAttempt(alex);
    await answerAll(alex, attempt.id);
    const outcomes = await Promise.all([1, 2, 3].map(() => finishAttempt(alex, attempt.id)));
    for (const outcome of outcomes) expect(outcome).toEqual({ finished: true, attemptId: attempt.id });
    expect(await db().strategyScore.count({ where: { attemptId: attempt.id } })).toBe(5);
    expect(await finishAttempt(alex, attempt.id)).toEqual({ finished: true, attemptId: attempt.id });
  });

  it("refuses answers to a finished attempt and keeps its result", async () => {
    const alex = await makeGuestProfile();
    const attempt = await startAttempt(alex);
    await answerAll(alex, attempt.id);
    await finishAttempt(alex, attempt.id);
    const before = await getResult(alex, attempt.id);
    expect(await saveAnswer(alex, attempt.id, { itemId: first!.id, value: 5 })).toEqual({ refused: "finished" });
    expect(await getResult(alex, attempt.id)).toEqual(before);
    expect(await findUnfinishedAttempt(alex)).toBeNull();
  });

  it("never lets another profile read, answer or finish an attempt", async () => {
    const alex = await makeGuestProfile();
    const sam = await makeGuestProfile();
    const attempt = await startAttempt(alex);
    await answerAll(alex, attempt.id);
    expect(await getAttempt(sam, attempt.id)).toBeNull();
    expect(await saveAnswer(sam, attempt.id, { itemId: first!.id, value: 1 })).toEqual({ refused: "not-found" });
    expect(await finishAttempt(sam, attempt.id)).toEqual({ refused: "not-found" });
    await finishAttempt(alex, attempt.id);
    expect(await getResult(sam, attempt.id)).toBeNull();
    expect((await getAttempt(alex, attempt.id))?.answers[first!.id]).toBe(patternValue(0));
  });
});

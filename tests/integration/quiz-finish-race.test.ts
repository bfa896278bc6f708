// Fault test: answers still arriving while the quiz is finished. Whatever the interleaving,
// a result is scored from exactly the answers it stores, and an answer acknowledged as saved
// is one of them; an answer that comes too late is refused, never silently dropped.
import { inject } from "vitest";
import { describe, expect, it } from "vitest";
import { quiz } from "@/lib/content/quiz";
import { db } from "@/lib/db";
import { finishAttempt, getResult, saveAnswer, startAttempt } from "@/lib/data/quiz-attempts";
import { scoreAttempt } from "@/lib/scoring";
import { makeGuestProfile } from "./support/profiles";

const ROUNDS = 20;
const FINISHES = 10;

const firstValue = (index: number) => 1 + (index % 5);
/** A different answer to the same item: every change moves its strategy's score. */
const changedValue = (index: number) => 1 + ((index + 2) % 5);

const jitter = () => new Promise((resolve) => setTimeout(resolve, Math.random() * 8));

function shuffled<T>(list: T[]): T[] {
  const copy = [...list];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

describe("finishing the quiz while answers are still arriving", () => {
  it(`scores exactly the answers it stores, and stores every answer acknowledged as saved (${ROUNDS} rounds)`, async () => {
    let acknowledged = 0;
    let refused = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const alex = await makeGuestProfile();
      const attempt = await startAttempt(alex);
      for (const [index, item] of quiz.items.entries()) {
        await saveAnswer(alex, attempt.id, { itemId: item.id, value: firstValue(index) });
      }

      // Every item is changed once while ten finishes (double clicks, retries, tabs) race them.
      const saves = quiz.items.map((item, index) => async () => ({
        index,
        outcome: await saveAnswer(alex, attempt.id, { itemId: item.id, value: changedValue(index) }),
      }));
      const finishes = Array.from({ length: FINISHES }, () => async () => {
        await jitter(); // finishing starts a little after the first changes
        return { finished: await finishAttempt(alex, attempt.id) };
      });
      // A few milliseconds of jitter spread the saves across the finishes' transactions.
      const ops: Array<() => Promise<Awaited<ReturnType<(typeof saves)[number]>> | Awaited<ReturnType<(typeof finishes)[number]>>>> =
        shuffled([...saves, ...finishes]);
      const outcomes = await Promise.all(ops.map((run) => jitter().then(run)));

      const stored = await db().quizAnswer.findMany({ where: { attemptId: attempt.id }, select: { itemId: true, value: true } });
      expect(stored).toHaveLength(quiz.items.length); // every item answered once
      const storedValue = new Map(stored.map((answer) => [answer.itemId, answer.value]));
      for (const outcome of outcomes) {
        if ("finished" in outcome) {
          expect(outcome.finished).toEqual({ finished: true, attemptId: attempt.id });
          continue;
        }
        const itemId = quiz.items[outcome.index]!.id;
        if ("saved" in outcome.outcome) {
          acknowledged++;
          expect(storedValue.get(itemId), `acknowledged answer to ${itemId} is stored`).toBe(changedValue(outcome.index));
        } else {
          refused++;
          expect(outcome.outcome).toEqual({ refused: "finished" });
          expect(storedValue.get(itemId), `refused answer to ${itemId} changed nothing`).toBe(firstValue(outcome.index));
        }
      }

      expect(await db().strategyScore.count({ where: { attemptId: attempt.id } })).toBe(5); // one result
      const result = await getResult(alex, attempt.id);
      expect(result?.strategies, `round ${round}: stored scores equal a rescoring of the stored answers`).toEqual(
        scoreAttempt(quiz, stored).strategies,
      );
    }
    console.log(
      `fault (${inject("provider")}): ${ROUNDS} rounds × ${quiz.items.length} concurrent answer saves + ${FINISHES} concurrent finishes; ` +
        `${acknowledged} saves acknowledged, ${refused} refused as too late`,
    );
  }, 180_000);
});

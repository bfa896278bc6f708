// SQLite serves a process through one connection. A save that arrives while another request's
// transaction is open must not become part of it: when that transaction fails and rolls back,
// the save, already acknowledged, must stay.
import { describe, expect, inject, it } from "vitest";
import { quiz } from "@/lib/content/quiz";
import { db } from "@/lib/db";
import { getAttempt, saveAnswer, startAttempt } from "@/lib/data/quiz-attempts";
import { makeGuestProfile } from "./support/profiles";

const SAVES = 20;

describe("a transaction that fails", () => {
  it(`takes none of the ${SAVES} answers saved alongside it down with it`, async () => {
    const alex = await makeGuestProfile();
    const attempt = await startAttempt(alex);
    const items = quiz.items.slice(0, SAVES);

    // Another request's transaction: it reads and writes a few times, then fails. The saves
    // arrive once it is open.
    let opened!: () => void;
    const open = new Promise<void>((resolve) => (opened = resolve));
    const failing = db().$transaction(async (tx) => {
      opened();
      for (let step = 0; step < 5; step++) {
        await tx.quizAttempt.count();
        await tx.profile.update({ where: { id: alex.id }, data: { name: `Guest ${step}` } });
      }
      throw new Error("the other request failed");
    });
    const saves = items.map((item) => open.then(() => saveAnswer(alex, attempt.id, { itemId: item.id, value: 4 })));
    const [outcome, ...saved] = await Promise.allSettled([failing, ...saves]);

    expect(outcome.status).toBe("rejected");
    expect(saved.every((result) => result.status === "fulfilled" && "saved" in result.value)).toBe(true);
    const stored = (await getAttempt(alex, attempt.id))!.answers;
    console.log(`fault (${inject("provider")}): 1 failing transaction alongside ${SAVES} acknowledged answer saves; ${Object.keys(stored).length} kept`);
    expect(Object.keys(stored).sort()).toEqual(items.map((item) => item.id).sort());
  });
});

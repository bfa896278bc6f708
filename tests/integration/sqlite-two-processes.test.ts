// Fault test: two server processes sharing one SQLite file. Every lesson-progress and answer
// save either lands or waits its turn; none fails because the other process holds the lock. And
// a quiz finished in one process while the other changes its answers is scored from exactly the
// answers it stores.
import { fork } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, inject, it } from "vitest";
import { quiz } from "@/lib/content/quiz";
import { db } from "@/lib/db";
import { getResult, saveAnswer, startAttempt } from "@/lib/data/quiz-attempts";
import { scoreAttempt } from "@/lib/scoring";
import { makeGuestProfile } from "./support/profiles";
import type { WriterReport } from "./support/sqlite-writer";

const writer = fileURLToPath(new URL("./support/sqlite-writer.ts", import.meta.url));

function startWriter(env: Record<string, string>) {
  const child = fork(writer, [], {
    execArgv: ["--conditions=react-server", "--import", "tsx"],
    env: { ...process.env, DATABASE_URL: inject("databaseUrl"), ...env },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const ready = new Promise<void>((resolve, reject) => {
    child.once("message", () => resolve());
    child.once("exit", (code) => reject(new Error(`writer exited with ${code} before it was ready`)));
  });
  const done = new Promise<WriterReport>((resolve, reject) => {
    ready.then(() => child.once("message", (report) => resolve(report as WriterReport)), reject);
    child.once("exit", (code) => reject(new Error(`writer exited with ${code} before reporting`)));
  });
  return { child, ready, done };
}

describe.skipIf(inject("provider") !== "sqlite")("two server processes on one SQLite file", () => {
  it("saves every lesson step and quiz answer from both, none refused for a busy database", async () => {
    // The shared attempt: every item answered once, then changed from one process while the
    // other finishes it.
    const alex = await makeGuestProfile();
    const shared = await startAttempt(alex);
    for (const [index, item] of quiz.items.entries()) {
      await saveAnswer(alex, shared.id, { itemId: item.id, value: 1 + (index % 5) });
    }
    const env = { SHARED_PROFILE: alex.id, SHARED_ATTEMPT: shared.id };
    const writers = [startWriter({ ...env, WRITER_ROLE: "changer" }), startWriter({ ...env, WRITER_ROLE: "finisher" })];
    try {
      await Promise.all(writers.map((writer) => writer.ready));
      for (const writer of writers) writer.child.send("go");
      const reports = await Promise.all(writers.map((writer) => writer.done));
      const total = (key: "progressSaves" | "answerSaves" | "finishes") => reports.reduce((sum, report) => sum + report[key], 0);
      const failures = reports.flatMap((report) => report.failures);
      const changesSaved = reports.flatMap((report) => report.sharedChangesSaved);
      console.log(
        `fault: ${writers.length} processes on one SQLite file, ${total("progressSaves")} progress saves, ` +
          `${total("answerSaves")} answer saves and ${total("finishes")} finishes landed, ${failures.length} failed; ` +
          `shared attempt: ${changesSaved.length} changes saved, ${reports[0]!.sharedChangesRefused} refused as too late`,
      );
      expect(failures).toEqual([]);

      const stored = await db().quizAnswer.findMany({ where: { attemptId: shared.id }, select: { itemId: true, value: true } });
      const storedValue = new Map(stored.map((answer) => [answer.itemId, answer.value]));
      for (const index of changesSaved) expect(storedValue.get(quiz.items[index]!.id)).toBe(1 + ((index + 2) % 5));
      expect((await getResult(alex, shared.id))?.strategies).toEqual(scoreAttempt(quiz, stored).strategies);
    } finally {
      for (const writer of writers) writer.child.kill();
    }
  }, 120_000);
});

// Fault test: two server processes sharing one SQLite file. Every lesson-progress and answer
// save either lands or waits its turn; none fails because the other process holds the lock.
import { fork } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, inject, it } from "vitest";

type Counts = { progressSaves: number; answerSaves: number; failures: string[] };

const PROCESSES = 2;
const writer = fileURLToPath(new URL("./support/sqlite-writer.ts", import.meta.url));

function startWriter() {
  const child = fork(writer, [], {
    execArgv: ["--conditions=react-server", "--import", "tsx"],
    env: { ...process.env, DATABASE_URL: inject("databaseUrl") },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const ready = new Promise<void>((resolve, reject) => {
    child.once("message", () => resolve());
    child.once("exit", (code) => reject(new Error(`writer exited with ${code} before it was ready`)));
  });
  const done = new Promise<Counts>((resolve, reject) => {
    ready.then(() => child.once("message", (counts) => resolve(counts as Counts)), reject);
    child.once("exit", (code) => reject(new Error(`writer exited with ${code} before reporting`)));
  });
  return { child, ready, done };
}

describe.skipIf(inject("provider") !== "sqlite")("two server processes on one SQLite file", () => {
  it("saves every lesson step and quiz answer from both, none refused for a busy database", async () => {
    const writers = Array.from({ length: PROCESSES }, startWriter);
    try {
      await Promise.all(writers.map((writer) => writer.ready));
      for (const writer of writers) writer.child.send("go");
      const reports = await Promise.all(writers.map((writer) => writer.done));
      const total = (key: "progressSaves" | "answerSaves") => reports.reduce((sum, report) => sum + report[key], 0);
      const failures = reports.flatMap((report) => report.failures);
      console.log(
        `fault: ${PROCESSES} processes on one SQLite file, ${total("progressSaves")} progress saves and ` +
          `${total("answerSaves")} answer saves landed, ${failures.length} failed`,
      );
      expect(failures).toEqual([]);
    } finally {
      for (const writer of writers) writer.child.kill();
    }
  }, 120_000);
});

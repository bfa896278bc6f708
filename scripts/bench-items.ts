// `npm run bench:items`: how long the item analysis takes on many results, on a throwaway
// SQLite database filled with simulated attempts of the current quiz version
// (scripts/lib/simulate-respondents.ts). BENCH_ITEM_ATTEMPTS (default 5000) attempts. Prints the
// seeding time, a full analysis (lib/data/item-analysis.ts, read 500 at a time), quizReliability
// uncached and cached, the JS heap after each, and how far each scale's α lands from the
// model-implied value. A measurement, not a test: exits 0 whatever the timings.
// Runs with the react-server condition (see package.json) so lib/data's server-only guard lets it in.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

async function main() {
  const count = Number(process.env.BENCH_ITEM_ATTEMPTS ?? 5000);
  if (!Number.isInteger(count) || count < 1) throw new Error("BENCH_ITEM_ATTEMPTS must be a whole number ≥ 1.");
  const dir = mkdtempSync(join(tmpdir(), "drawbridge-bench-items-"));
  process.env.DATABASE_URL = `file:${join(dir, "bench.db")}`;
  // Imported after DATABASE_URL is set: lib/config reads it once.
  const { config } = await import("../lib/config");
  const { db } = await import("../lib/db");
  const { applyMigrations } = await import("./db/deploy");
  const { quiz } = await import("../lib/content/quiz");
  const { analyseQuiz } = await import("../lib/data/item-analysis");
  const { forgetCachedReliability, quizReliability } = await import("../lib/data/reliability");
  const { seedSimulatedAttempts } = await import("./lib/seed-simulated-attempts");
  const { impliedAlpha, simulateRespondents } = await import("./lib/simulate-respondents");
  try {
    await applyMigrations(config().database);
    const timed = async <T>(label: string, work: () => Promise<T>): Promise<T> => {
      const start = performance.now();
      const value = await work();
      const heap = (process.memoryUsage().heapUsed / 1024 / 1024).toFixed(0);
      console.log(`${label.padEnd(44)} ${(performance.now() - start).toFixed(0).padStart(7)} ms   (JS heap after: ${heap} MB)`);
      return value;
    };
    await timed(`seed ${count} simulated attempts`, () => seedSimulatedAttempts(db(), quiz, simulateRespondents(quiz, { count, seed: 1, skipRate: 0.01 })));
    const analysis = await timed("analyseQuiz (all attempts, batches of 500)", () => analyseQuiz(quiz));
    forgetCachedReliability();
    await timed("quizReliability, not cached", () => quizReliability(quiz.version));
    await timed("quizReliability, cached", () => quizReliability(quiz.version));
    if (analysis.status === "analysed") {
      for (const scale of analysis.scales) {
        console.log(`${scale.strategy.padEnd(24)} α ${scale.alpha!.toFixed(3)}  implied ${impliedAlpha(quiz, scale.strategy).toFixed(3)}`);
      }
    }
  } finally {
    await db().$disconnect();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});

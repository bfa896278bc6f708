// Stores simulated finished attempts of the current quiz version in the database DATABASE_URL
// names (migrating it first), to try /admin/items and `npm run items:report` out, and for the
// browser tests. Never run it against a database real people use: the attempts would mix with theirs.
//
//   npx tsx scripts/seed-simulated-attempts.ts [--count 300] [--seed 1] [--miskey <item id>|none]
//
// By default one item is answered as if keyed the other way round (the first plus-keyed control
// item), so the analysis has a keying error to flag. Prints what it stored as one line of JSON.
import { parseArgs } from "node:util";
import { quiz } from "../lib/content/quiz";
import { config } from "../lib/config";
import { db } from "../lib/db";
import { applyMigrations } from "../lib/db/migrations";
import { seedSimulatedAttempts } from "./lib/seed-simulated-attempts";
import { simulateRespondents } from "./lib/simulate-respondents";

async function main() {
  const { values } = parseArgs({
    options: { count: { type: "string", default: "300" }, seed: { type: "string", default: "1" }, miskey: { type: "string" } },
  });
  const count = Number(values.count);
  const seed = Number(values.seed);
  if (!Number.isInteger(count) || count < 1 || !Number.isInteger(seed)) throw new Error("--count and --seed take whole numbers.");
  const miskeyed =
    values.miskey === "none"
      ? []
      : [values.miskey ?? quiz.items.find((item) => item.strategy === "control" && item.keyed === "plus")!.id];
  for (const id of miskeyed) if (!quiz.items.some((item) => item.id === id)) throw new Error(`The quiz has no item "${id}".`);
  await applyMigrations(config().database);
  await seedSimulatedAttempts(db(), quiz, simulateRespondents(quiz, { count, seed, miskeyed, skipRate: 0.01 }));
  console.log(JSON.stringify({ quizVersion: quiz.version, count, seed, miskeyed }));
}

main()
  .catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  })
  .finally(() => db().$disconnect());

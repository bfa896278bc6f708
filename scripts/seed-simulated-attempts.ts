// Stores simulated finished attempts of the current quiz version in the database DATABASE_URL
// names (migrating it first), to try /admin/items and `npm run items:report` out, and for the
// browser tests. Never run it against a database real people use: the attempts would mix with theirs.
//
//   npx tsx scripts/seed-simulated-attempts.ts [--count 300] [--seed 1] [--miskey <item id>|none] [--top-up]
//
// With --top-up, only as many as bring this version's simulated attempts (those of profiles
// named "Simulated respondents") up to --count: a database kept between test runs then holds a
// fixed number of them instead of more each run (and stays under the 200 results at which
// quizReliability stops using its defaults, unless --count says otherwise).
//
// By default one item is answered as if keyed the other way round (the first plus-keyed control
// item), so the analysis has a keying error to flag. Prints what it stored as one line of JSON.
import { parseArgs } from "node:util";
import { quiz } from "../lib/content/quiz";
import { config } from "../lib/config";
import { db } from "../lib/db";
import { applyMigrations } from "./db/deploy";
import { SIMULATED_PROFILE_NAME, seedSimulatedAttempts } from "./lib/seed-simulated-attempts";
import { simulateRespondents } from "./lib/simulate-respondents";

async function main() {
  const { values } = parseArgs({
    options: {
      count: { type: "string", default: "300" },
      seed: { type: "string", default: "1" },
      miskey: { type: "string" },
      "top-up": { type: "boolean", default: false },
    },
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
  const existing = values["top-up"]
    ? await db().quizAttempt.count({ where: { quizVersion: quiz.version, status: "completed", profile: { name: SIMULATED_PROFILE_NAME } } })
    : 0;
  const added = Math.max(0, count - existing);
  // A different seed per top-up, so added attempts are new respondents, not copies.
  if (added > 0) await seedSimulatedAttempts(db(), quiz, simulateRespondents(quiz, { count: added, seed: seed + existing, miskeyed, skipRate: 0.01 }));
  console.log(JSON.stringify({ quizVersion: quiz.version, added, simulatedTotal: existing + added, seed, miskeyed }));
}

main()
  .catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  })
  .finally(() => db().$disconnect());

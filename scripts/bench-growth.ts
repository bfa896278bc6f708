// `npm run bench:growth`: does a long history make a person's own pages slower?
//
// On a production build, once on a fresh SQLite file and once on a throwaway PostgreSQL
// database (on the server BENCH_POSTGRES_URL names, default postgresql://postgres@127.0.0.1:5432/postgres),
// it seeds one guest profile with BENCH_GROWTH_SMALL (5) finished results, one with
// BENCH_GROWTH_BIG (500), and BENCH_GROWTH_OTHERS (100,000) results of 1,000 other profiles,
// with batched inserts in transactions of the same rows a finished quiz writes (scores by
// lib/scoring from simulated answers; the two measured profiles keep their answers too). Then,
// one request at a time (1 connection, BENCH_GROWTH_REQUESTS = 40 requests per profile after 5
// discarded of each, the two profiles taking turns request by request), it measures p50 and page size of
//   GET /me, GET /me/compare?from=<first>&to=<latest>, GET /results/<latest>, GET /me/results
// for the small and the big profile, and prints big ÷ small for each (goal ≤ 1.5×).
// Exits 0 when a goal is missed (a measurement), non-zero when a run fails.
import { randomUUID } from "node:crypto";
import http from "node:http";
import Database from "better-sqlite3";
import pg from "pg";
import type { DatabaseConfig } from "../lib/config";
import { quiz } from "../lib/content/quiz";
import { createDb, type Db } from "../lib/db";
import { scoreAttempt, type AttemptAnswers } from "../lib/scoring";
import { createThrowawayPostgres } from "./db/throwaway-postgres";
import { kib, saveReport, startApp, startQuizSession, type App, type LoadResult, type Ratio } from "./lib/bench";
import { strategyScoreRows } from "../lib/data/score-rows";
import { simulateRespondents } from "./lib/simulate-respondents";

const TARGET = 1.5;
const envInt = (name: string, fallback: number) => {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a whole number ≥ 1.`);
  return value;
};
const SMALL = envInt("BENCH_GROWTH_SMALL", 5);
const BIG = envInt("BENCH_GROWTH_BIG", 500);
const OTHERS = envInt("BENCH_GROWTH_OTHERS", 100_000);
const REQUESTS = envInt("BENCH_GROWTH_REQUESTS", 40);
const OTHER_PROFILES = 1000;
const CHUNK = 1000;
const WEEK = 7 * 24 * 60 * 60 * 1000;

type Scored = { answers: { itemId: string; value: number }[]; result: ReturnType<typeof scoreAttempt> };

function scorePool(count: number, seed: number): Scored[] {
  return simulateRespondents(quiz, { count, seed, skipRate: 0.01 }).map((answers: AttemptAnswers) => {
    const list = Object.entries(answers).map(([itemId, value]) => ({ itemId, value }));
    return { answers: list, result: scoreAttempt(quiz, list) };
  });
}

type Planned = { profileId: string; completedAt: Date; scored: Scored };

/** `count` results of one profile, one a week up to now (less `offset` ms), scores cycling through the pool. */
function weekly(profileId: string, count: number, pool: Scored[], offset = 0): Planned[] {
  const now = Date.now();
  return Array.from({ length: count }, (_, n) => ({
    profileId,
    completedAt: new Date(now - (count - n) * WEEK - offset),
    scored: pool[(n + offset) % pool.length]!,
  }));
}

/**
 * Writes finished attempts with their scores (and, with `withAnswers`, their answers): the rows
 * finishAttempt writes, CHUNK attempts at a time, each chunk and what hangs off it in one transaction.
 */
async function insertResults(db: Db, planned: readonly Planned[], withAnswers: boolean) {
  for (let start = 0; start < planned.length; start += CHUNK) {
    const rows = planned.slice(start, start + CHUNK).map((p) => ({ ...p, id: randomUUID() }));
    await db.$transaction(async (tx) => {
      await tx.quizAttempt.createMany({
        data: rows.map(({ id, profileId, completedAt, scored }) => ({
          id,
          profileId,
          quizVersion: quiz.version,
          status: "completed",
          startedAt: new Date(completedAt.getTime() - 10 * 60 * 1000),
          completedAt,
          scoringVersion: scored.result.scoringVersion,
        })),
      });
      await tx.strategyScore.createMany({ data: rows.flatMap(({ id, scored }) => strategyScoreRows(id, scored.result)) });
      if (withAnswers) await tx.quizAnswer.createMany({ data: rows.flatMap(({ id, scored }) => scored.answers.map((a) => ({ attemptId: id, ...a }))) });
    }, { timeout: 120_000, maxWait: 60_000 });
  }
}

type Visitor = { label: string; cookie: string; first: string; latest: string };

/** A guest made through the real start form, its unfinished attempt removed and `count` results seeded. */
async function visitor(app: App, db: Db, label: string, count: number, pool: Scored[]): Promise<Visitor> {
  const session = await startQuizSession(app);
  const attempt = await db.quizAttempt.findUniqueOrThrow({ where: { id: session.attemptId }, select: { profileId: true } });
  await db.quizAttempt.delete({ where: { id: session.attemptId } });
  await insertResults(db, weekly(attempt.profileId, count, pool), true);
  const ends = await db.quizAttempt.findMany({
    where: { profileId: attempt.profileId, status: "completed" },
    orderBy: { completedAt: "asc" },
    select: { id: true },
  });
  return { label, cookie: session.cookie, first: ends[0]!.id, latest: ends.at(-1)!.id };
}

/**
 * The 100,000 other results, straight into the tables with the rows finishAttempt writes (an
 * attempt and its five scores; their answers are left out, as no measured page reads them):
 * Prisma builds objects too slowly for this many, so SQLite gets prepared statements in
 * transactions and PostgreSQL multi-row inserts from arrays, both in chunks.
 */
async function seedOthers(provider: "sqlite" | "postgresql", app: App, databaseUrl: string | undefined, pool: Scored[]) {
  const profiles = Array.from({ length: OTHER_PROFILES }, () => randomUUID());
  const each = Math.ceil(OTHERS / OTHER_PROFILES);
  const planned = profiles.flatMap((id, i) => weekly(id, Math.max(0, Math.min(each, OTHERS - i * each)), pool, i * 3600 * 1000));
  const attempts = planned.map((p) => ({ ...p, id: randomUUID() }));
  const scores = attempts.flatMap(({ id, scored }) =>
    scored.result.strategies.map((s) => ({
      id: randomUUID(),
      attemptId: id,
      strategy: s.strategy,
      score: s.status === "scored" ? s.score : null,
      band: s.status === "scored" ? s.band : null,
      answered: s.answered,
      total: s.total,
    })),
  );
  const now = new Date();
  if (provider === "sqlite") {
    const file = new Database(app.dbPath);
    try {
      file.pragma("busy_timeout = 30000");
      // Dates in the form Prisma wrote the seeded profiles' rows in.
      const sample = file.prepare(`SELECT "completedAt" AS c FROM "QuizAttempt" WHERE "completedAt" IS NOT NULL LIMIT 1`).get() as { c: unknown };
      const date = sqliteDateFormat(sample.c);
      const profile = file.prepare(`INSERT INTO "Profile" ("id", "name", "isAnonymous", "createdAt", "updatedAt") VALUES (?, ?, 1, ?, ?)`);
      const attempt = file.prepare(
        `INSERT INTO "QuizAttempt" ("id", "profileId", "quizVersion", "status", "startedAt", "updatedAt", "completedAt", "scoringVersion") VALUES (?, ?, ?, 'completed', ?, ?, ?, ?)`,
      );
      const score = file.prepare(
        `INSERT INTO "StrategyScore" ("id", "attemptId", "strategy", "score", "band", "answered", "total") VALUES (?, ?, ?, ?, ?, ?, ?)`,
      );
      file.transaction(() => profiles.forEach((id, i) => profile.run(id, `Other ${i}`, date(now), date(now))))();
      for (let start = 0; start < attempts.length; start += 10 * CHUNK) {
        file.transaction(() => {
          for (const a of attempts.slice(start, start + 10 * CHUNK)) {
            attempt.run(a.id, a.profileId, quiz.version, date(new Date(a.completedAt.getTime() - 600_000)), date(a.completedAt), date(a.completedAt), a.scored.result.scoringVersion);
          }
        })();
      }
      for (let start = 0; start < scores.length; start += 50 * CHUNK) {
        file.transaction(() => {
          for (const r of scores.slice(start, start + 50 * CHUNK)) score.run(r.id, r.attemptId, r.strategy, r.score, r.band, r.answered, r.total);
        })();
      }
    } finally {
      file.close();
    }
    return;
  }
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(
      `INSERT INTO "Profile" ("id", "name", "isAnonymous", "createdAt", "updatedAt") SELECT id, name, true, now(), now() FROM unnest($1::text[], $2::text[]) AS t(id, name)`,
      [profiles, profiles.map((_, i) => `Other ${i}`)],
    );
    for (let start = 0; start < attempts.length; start += 5 * CHUNK) {
      const slice = attempts.slice(start, start + 5 * CHUNK);
      await client.query("BEGIN");
      await client.query(
        `INSERT INTO "QuizAttempt" ("id", "profileId", "quizVersion", "status", "startedAt", "updatedAt", "completedAt", "scoringVersion")
         SELECT id, profile, $3, 'completed', done - interval '10 minutes', done, done, $4
         FROM unnest($1::text[], $2::text[], $5::timestamp(3)[]) AS t(id, profile, done)`,
        [slice.map((a) => a.id), slice.map((a) => a.profileId), quiz.version, pool[0]!.result.scoringVersion, slice.map((a) => a.completedAt.toISOString().replace("Z", ""))],
      );
      const ids = new Set(slice.map((a) => a.id));
      const rows = scores.filter((r) => ids.has(r.attemptId));
      await client.query(
        `INSERT INTO "StrategyScore" ("id", "attemptId", "strategy", "score", "band", "answered", "total")
         SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::float8[], $5::text[], $6::int[], $7::int[])`,
        [rows.map((r) => r.id), rows.map((r) => r.attemptId), rows.map((r) => r.strategy), rows.map((r) => r.score), rows.map((r) => r.band), rows.map((r) => r.answered), rows.map((r) => r.total)],
      );
      await client.query("COMMIT");
    }
  } finally {
    await client.end();
  }
}

/** How Prisma wrote a date into this SQLite file (text or milliseconds), as a function. */
function sqliteDateFormat(sample: unknown): (date: Date) => string | number {
  if (typeof sample === "number") return (date) => date.getTime();
  if (typeof sample === "string" && /^\d{4}-\d\d-\d\dT[\d:.]+Z$/.test(sample)) return (date) => date.toISOString();
  if (typeof sample === "string" && /^\d{4}-\d\d-\d\dT[\d:.]+\+00:00$/.test(sample)) return (date) => date.toISOString().replace("Z", "+00:00");
  if (typeof sample === "string" && /^\d{4}-\d\d-\d\d [\d:.]+$/.test(sample)) return (date) => date.toISOString().replace("T", " ").replace("Z", "");
  throw new Error(`unrecognised SQLite date form: ${JSON.stringify(sample)}`);
}

type Probe = { route: string; status: number; bytes: number; rscBytes: number };

/** One GET: its status, body size and how much of it is the RSC payload (`self.__next_f.push` scripts). */
async function probe(app: App, path: string, cookie: string): Promise<Probe> {
  // Tried again once: a kept-alive connection may have been closed by the server during the seeding.
  const get = () => fetch(app.url + path, { headers: { cookie } });
  const response = await get().catch(() => get());
  const html = await response.text();
  let rscBytes = 0;
  for (const [script] of html.matchAll(/<script[^>]*>self\.__next_f\.push\([\s\S]*?<\/script>/g)) rscBytes += Buffer.byteLength(script);
  return { route: path, status: response.status, bytes: Buffer.byteLength(html), rscBytes };
}

/**
 * p50 of the small and the big profile's request, one request at a time, taken in turns (small,
 * big, big, small, …) rather than one run after the other: on a machine shared with other work,
 * a burst of load then falls on both alike instead of on whichever ran during it.
 */
async function p50Pair(app: App, paths: [string, string], cookies: [string, string], labels: [string, string]): Promise<[LoadResult, LoadResult]> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const get = (which: 0 | 1) =>
    new Promise<{ ms: number; status: number }>((resolve, reject) => {
      const started = performance.now();
      const request = http.get(app.url + paths[which], { agent, headers: { cookie: cookies[which] } }, (response) => {
        response.on("data", () => {});
        response.on("end", () => resolve({ ms: performance.now() - started, status: response.statusCode ?? 0 }));
        response.on("error", reject);
      });
      request.on("error", reject);
    });
  const order = (round: number): (0 | 1)[] => (round % 2 === 0 ? [0, 1] : [1, 0]);
  for (let round = 0; round < 5; round++) for (const which of order(round)) await get(which);
  const figures: [{ ms: number; status: number }[], { ms: number; status: number }[]] = [[], []];
  const errors = [0, 0];
  const started = performance.now();
  for (let round = 0; round < REQUESTS; round++) {
    for (const which of order(round)) {
      try {
        figures[which].push(await get(which));
      } catch {
        errors[which]!++;
      }
    }
  }
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  const result = (which: 0 | 1): LoadResult => {
    const sorted = figures[which].map((figure) => figure.ms).sort((a, b) => a - b);
    const at = (q: number) => Math.round(sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? 0);
    return {
      route: labels[which],
      // Each profile had about half of the run's time.
      requestsPerSecond: Math.round((figures[which].length / (seconds / 2)) * 10) / 10,
      p50: at(0.5),
      p99: at(0.99),
      total: figures[which].length,
      non2xx: figures[which].filter((figure) => figure.status < 200 || figure.status >= 300).length,
      errors: errors[which]!,
    };
  };
  return [result(0), result(1)];
}

type RouteFigures = { name: string; small: LoadResult; big: LoadResult; smallProbe: Probe; bigProbe: Probe };

/**
 * Where the export engineer's measurement goes: export of the big profile's results (memory
 * added to the server) and /api/health's p99 during it. Returns ratios and notes to add.
 */
async function measureExport(_app: App, _big: Visitor): Promise<{ ratios: Ratio[]; notes: string[] }> {
  return { ratios: [], notes: [] };
}

async function runOn(provider: "sqlite" | "postgresql"): Promise<{ results: LoadResult[]; ratios: Ratio[]; notes: string[] }> {
  let dropPostgres: (() => Promise<void>) | undefined;
  let databaseUrl: string | undefined;
  if (provider === "postgresql") {
    const server = process.env.BENCH_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
    const database = await createThrowawayPostgres(server, "drawbridge_bench_growth");
    databaseUrl = database.url;
    dropPostgres = database.drop;
  }
  let app: App | undefined;
  let db: Db | undefined;
  try {
    app = await startApp({ databaseUrl });
    const database: DatabaseConfig =
      provider === "sqlite" ? { provider, url: `file:${app.dbPath}`, filePath: app.dbPath } : { provider, url: databaseUrl! };
    db = createDb(database);
    console.log(`\n[${provider}] server up at ${app.url}; seeding…`);
    const started = Date.now();
    // The session check runs on the first request; the rest of the seeding goes straight to the database.
    const pool = scorePool(1000, 7);
    const small = await visitor(app, db, "small", SMALL, pool);
    const big = await visitor(app, db, "big", BIG, pool);
    await seedOthers(provider, app, databaseUrl, pool);
    const total = await db.quizAttempt.count({ where: { status: "completed" } });
    const seedSeconds = (Date.now() - started) / 1000;
    console.log(`[${provider}] seeded ${total} finished results in ${seedSeconds.toFixed(1)} s.`);

    const routes = [
      { name: "/me", path: () => "/me" },
      { name: "/me/compare (two results)", path: (v: Visitor) => `/me/compare?from=${v.first}&to=${v.latest}` },
      { name: "/results/<latest>", path: (v: Visitor) => `/results/${v.latest}` },
      { name: "/me/results (all results, page 1)", path: () => "/me/results" },
    ];
    const figures: RouteFigures[] = [];
    for (const route of routes) {
      const [smallProbe, bigProbe] = [await probe(app, route.path(small), small.cookie), await probe(app, route.path(big), big.cookie)];
      const [smallRun, bigRun] = await p50Pair(
        app,
        [route.path(small), route.path(big)],
        [small.cookie, big.cookie],
        [`[${provider}] ${route.name}, ${SMALL} results`, `[${provider}] ${route.name}, ${BIG} results`],
      );
      figures.push({ name: route.name, small: smallRun, big: bigRun, smallProbe, bigProbe });
    }

    const ratios: Ratio[] = [];
    const notes = [`[${provider}] seeded ${total} finished results in ${seedSeconds.toFixed(1)} s`];
    console.log(`\n[${provider}] one request at a time, ${REQUESTS} requests each after 5 discarded:\n`);
    for (const f of figures) {
      const answered = f.smallProbe.status === 200 && f.bigProbe.status === 200;
      const ratio = f.big.p50 / Math.max(f.small.p50, 1);
      const sizes =
        `page ${kib(f.smallProbe.bytes)} → ${kib(f.bigProbe.bytes)} ` +
        `(RSC payload ${kib(f.smallProbe.rscBytes)} → ${kib(f.bigProbe.rscBytes)})`;
      if (answered) {
        ratios.push({ label: `[${provider}] ${f.name} p50, ${BIG} ÷ ${SMALL} results`, value: ratio, target: `≤ ${TARGET}×`, met: ratio <= TARGET });
        notes.push(`[${provider}] ${f.name}: p50 ${f.small.p50} → ${f.big.p50} ms; ${sizes}`);
      } else {
        notes.push(`[${provider}] ${f.name}: answered ${f.smallProbe.status} / ${f.bigProbe.status}, not measured`);
      }
      console.log(
        `${f.name.padEnd(28)} p50 ${String(f.small.p50).padStart(5)} → ${String(f.big.p50).padStart(5)} ms  ` +
          `${answered ? `${ratio.toFixed(2)}× (goal ≤ ${TARGET}×) ${ratio <= TARGET ? "MET" : "NOT MET"}` : `status ${f.smallProbe.status}/${f.bigProbe.status}`}  ${sizes}`,
      );
    }
    const exported = await measureExport(app, big);
    ratios.push(...exported.ratios);
    notes.push(...exported.notes);
    const results = figures.flatMap((f) => [f.small, f.big]);
    const failed = results.filter((r) => r.errors > 0);
    for (const r of failed) notes.push(`ERROR ${r.route}: ${r.errors} connection errors`);
    return { results, ratios, notes };
  } catch (error) {
    if (app) console.error(`[${provider}] last server output:\n${app.output()}`);
    throw error;
  } finally {
    await db?.$disconnect();
    await app?.stop();
    await dropPostgres?.();
  }
}

async function main() {
  const providers = (process.env.BENCH_GROWTH_DATABASES ?? "sqlite,postgresql").split(",") as ("sqlite" | "postgresql")[];
  const results: LoadResult[] = [];
  const ratios: Ratio[] = [];
  const notes: string[] = [];
  let failed = false;
  for (const provider of providers) {
    try {
      const run = await runOn(provider);
      results.push(...run.results);
      ratios.push(...run.ratios);
      notes.push(...run.notes);
    } catch (error) {
      failed = true;
      process.exitCode = 1;
      notes.push(`ERROR [${provider}] ${error instanceof Error ? error.message : String(error)}`);
      console.error(`bench:growth on ${provider} failed:`, error);
    }
  }
  saveReport({
    name: "growth",
    about:
      `p50 (one request at a time, ${REQUESTS} requests) of a person's own pages with ${SMALL} and with ${BIG} results, ` +
      `${OTHERS} other results in the database; goal: big ÷ small ≤ ${TARGET}× per route.`,
    results,
    ratios,
    notes,
  });
  process.exitCode = failed ? 1 : 0;
}

void main();

// `npm run bench:export`: does downloading a long history ("all my data", /api/me/export) cost
// the server memory or slow everyone else down? For each database (SQLite always; PostgreSQL when
// BENCH_POSTGRES_URL or TEST_POSTGRES_URL names a server, on a fresh database made there and
// dropped after) it starts the production server, makes a real guest session, fills its profile
// with 500 finished quiz attempts, 40 reflections and 200 practice entries
// (scripts/lib/seed-export-profile.ts), then measures:
//   - the server's resident memory (VmRSS of the next-server process, from /proc) just before
//     the downloads (after a warm-up that includes one export of another, near-empty profile, so
//     the route's one-time start-up is not counted), at its peak while one client
//     (BENCH_EXPORT_CLIENTS) downloads the export back to back, and after;
//   - the p99 of GET /api/health at a steady 40 requests/s, quietly and during those downloads.
// Targets: at most 50 MiB added at the peak, and the health p99 during at most 3× quiet. The
// memory added by the first 5 downloads (what one profile may download in 10 minutes, the
// "exports-per-profile" limit, lifted here) is printed too: back to back for 10 s is 10-25
// downloads, and V8 lets that much garbage pile up before a full collection.
// BENCH_EXPORT_APP_DIR runs the server of another checkout (built, same package versions), to
// measure older code the same way; the seeding always uses this checkout's lib/data.
// Measurements, not tests: a missed target is reported, not a failure. Linux only (/proc).
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import { createThrowawayPostgres } from "./db/throwaway-postgres";
import { loadResult, printTable, saveReport, settings, startQuizSession, type App, type LoadResult, type Ratio } from "./lib/bench";
import { DEFAULT_HEAP_GROWING_PERCENT } from "../lib/config";
import { descendants } from "./lib/processes";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const appDir = resolve(process.env.BENCH_EXPORT_APP_DIR || root);
const ATTEMPTS = 500;
const REFLECTIONS = 40;
const PRACTICE_ENTRIES = 200;
/** How many clients download the export back to back (BENCH_EXPORT_CLIENTS, default 1: one person's download, repeated). */
const EXPORT_CLIENTS = Number(process.env.BENCH_EXPORT_CLIENTS || 1);
const HEALTH_RATE = 40;
const MEMORY_TARGET_MIB = 50;
const HEALTH_TARGET = 3;
const MiB = 1024 * 1024;

type Server = { url: string; serverPid: number; stop(): Promise<void> };

/** Resident memory of a process in bytes (VmRSS). */
function rss(pid: number): number {
  const kib = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
  if (!kib) throw new Error(`no VmRSS for process ${pid}`);
  return Number(kib) * 1024;
}

/** How many exports one profile may make in the limit's window (the server's "exports-per-profile"), or null where there is no such limit. */
function exportAllowance(): number | null {
  const allowed = /"exports-per-profile": \{ allowed: (\d+)/.exec(readFileSync(join(appDir, "lib/data/rate-limits.ts"), "utf8"))?.[1];
  return allowed ? Number(allowed) : null;
}

async function freePort(): Promise<number> {
  const { createServer } = await import("node:net");
  return new Promise((done) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });
}

async function startServer(databaseUrl: string, env: Record<string, string>): Promise<Server> {
  if (!existsSync(join(appDir, ".next/BUILD_ID"))) throw new Error(`${appDir} has no production build: run next build there first.`);
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const exportLimit = exportAllowance() !== null;
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
    cwd: appDir,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      ...env,
      NEXT_TELEMETRY_DISABLED: "1",
      PORT: String(port),
      APP_URL: url,
      DATABASE_URL: databaseUrl,
      // Downloads back to back are the point here, and the seeding saves a lot.
      RATE_LIMITS: ["saves-per-profile=1000000/60", ...(exportLimit ? ["exports-per-profile=1000000/60"] : [])].join(","),
    },
  });
  let output = "";
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-8000));
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  let running = true;
  const exited = new Promise<void>((done) => child.once("exit", () => ((running = false), done())));
  const stop = async () => {
    if (running && child.pid) {
      process.kill(-child.pid, "SIGTERM");
      const timer = setTimeout(() => child.pid && process.kill(-child.pid, "SIGKILL"), 5000);
      await exited;
      clearTimeout(timer);
    }
  };
  const deadline = Date.now() + 90_000;
  while ((await fetch(`${url}/api/health`).then((r) => r.status, () => 0)) !== 200) {
    if (!running || Date.now() > deadline) {
      await stop();
      throw new Error(`the server did not come up:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  const server = descendants(child.pid!).find((p) => /next-server|next start|next\/dist\/bin\/next/.test(p.command));
  if (!server) throw new Error("no next-server process found below the start script");
  return { url, serverPid: server.pid, stop };
}

/** Downloads the export and reads it to the end; returns its size in bytes. */
async function download(url: string, cookie: string): Promise<number> {
  const response = await fetch(`${url}/api/me/export`, { headers: { cookie } });
  if (response.status !== 200) throw new Error(`GET /api/me/export answered ${response.status}: ${(await response.text()).slice(0, 200)}`);
  return (await response.arrayBuffer()).byteLength;
}

async function healthP99(url: string, label: string, seconds: number): Promise<LoadResult> {
  const result = await autocannon({ url: `${url}/api/health`, connections: 4, overallRate: HEALTH_RATE, duration: seconds });
  return loadResult(label, result);
}

type Figures = { database: string; results: LoadResult[]; ratios: Ratio[]; notes: string[] };

async function measureOn(database: "SQLite" | "PostgreSQL", databaseUrl: string): Promise<Figures> {
  const { seconds } = settings();
  const env = { SESSION_SECRET: randomBytes(32).toString("base64url"), APP_ENCRYPTION_KEY: randomBytes(32).toString("hex") };
  const dataDir = mkdtempSync(join(tmpdir(), "drawbridge-bench-export-"));
  const server = await startServer(databaseUrl, { ...env, DATA_DIR: dataDir });
  try {
    console.log(`\n${database}: server up at ${server.url} (next-server pid ${server.serverPid}).`);
    const session = await startQuizSession({ url: server.url } as App);
    const seeded = spawnSync(
      process.execPath,
      ["--conditions=react-server", "--import", "tsx", "scripts/lib/seed-export-profile.ts", session.attemptId, String(ATTEMPTS - 1), String(REFLECTIONS), String(PRACTICE_ENTRIES)],
      { cwd: root, env: { ...process.env, ...env, DATA_DIR: dataDir, DATABASE_URL: databaseUrl }, encoding: "utf8" },
    );
    if (seeded.status !== 0) throw new Error(`seeding failed:\n${seeded.stderr.slice(-2000)}`);
    console.log(`Seeded: ${seeded.stdout.trim()}`);

    // Warm-up: the health route, and one export of another guest's near-empty profile, so the
    // export's code and query plans are loaded before "before": what is measured is what a long
    // history costs, not what the route's first use costs whatever the history.
    await healthP99(server.url, "warm-up", 2);
    const first = rss(server.serverPid);
    await download(server.url, (await startQuizSession({ url: server.url } as App)).cookie);
    const warmed = rss(server.serverPid);
    const quiet = await healthP99(server.url, `${database}: GET /api/health, quiet`, seconds);
    const before = rss(server.serverPid); // just before the downloads start

    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, rss(server.serverPid))), 20);
    let exporting = true;
    let downloads = 0;
    let bytes = 0;
    const started = Date.now();
    // Also the peak when as many exports as one profile may make (its allowance) have finished.
    const allowance = exportAllowance() ?? 5;
    let peakAtAllowance = 0;
    const loops = Array.from({ length: EXPORT_CLIENTS }, async () => {
      while (exporting) {
        bytes = await download(server.url, session.cookie);
        if (++downloads === allowance) peakAtAllowance = Math.max(peak, rss(server.serverPid));
      }
    });
    const during = await healthP99(server.url, `${database}: GET /api/health, during exports`, seconds);
    exporting = false;
    await Promise.all(loops);
    const exportSeconds = (Date.now() - started) / 1000;
    clearInterval(sampler);
    await new Promise((r) => setTimeout(r, 3000));
    const after = rss(server.serverPid);

    const added = (peak - before) / MiB;
    const addedByAllowance = peakAtAllowance ? (peakAtAllowance - before) / MiB : NaN;
    const ratio = during.p99 / Math.max(quiet.p99, 1);
    const notes = [
      `${database}: server heap growth ${process.env.HEAP_GROWING_PERCENT?.trim() || DEFAULT_HEAP_GROWING_PERCENT} % (HEAP_GROWING_PERCENT; 0 is V8's own choice).`,
      `${database}: ${downloads} exports of ${ATTEMPTS} results (${(bytes / MiB).toFixed(2)} MiB each) in ${exportSeconds.toFixed(1)} s by ${EXPORT_CLIENTS} client(s); server RSS ${(before / MiB).toFixed(0)} MiB before, ${(peak / MiB).toFixed(0)} MiB at the peak, ${(after / MiB).toFixed(0)} MiB 3 s after (${(first / MiB).toFixed(0)} MiB after the health warm-up, ${(warmed / MiB).toFixed(0)} MiB after the warm-up export of a near-empty profile).`,
    ];
    console.log(notes.join("\n"));
    return {
      database,
      results: [quiet, during],
      ratios: [
        {
          label: `${database}: memory added by the exports (${added.toFixed(1)} MiB) ÷ ${MEMORY_TARGET_MIB} MiB`,
          value: added / MEMORY_TARGET_MIB,
          target: "≤ 1×",
          met: added <= MEMORY_TARGET_MIB,
        },
        {
          label: `${database}: memory added by the first ${allowance} exports, one profile's allowance (${addedByAllowance.toFixed(1)} MiB) ÷ ${MEMORY_TARGET_MIB} MiB`,
          value: addedByAllowance / MEMORY_TARGET_MIB,
          target: "≤ 1×",
          met: addedByAllowance <= MEMORY_TARGET_MIB,
        },
        { label: `${database}: health p99 during exports ÷ quiet`, value: ratio, target: `≤ ${HEALTH_TARGET}×`, met: ratio <= HEALTH_TARGET },
      ],
      notes,
    };
  } finally {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function main(): Promise<number> {
  settings();
  if (!Number.isInteger(EXPORT_CLIENTS) || EXPORT_CLIENTS < 1) throw new Error("BENCH_EXPORT_CLIENTS must be a whole number ≥ 1.");
  const figures: Figures[] = [];
  const sqliteDir = mkdtempSync(join(tmpdir(), "drawbridge-bench-export-db-"));
  try {
    figures.push(await measureOn("SQLite", `file:${join(sqliteDir, "bench.db")}`));
  } finally {
    rmSync(sqliteDir, { recursive: true, force: true });
  }
  const postgres = process.env.BENCH_POSTGRES_URL || process.env.TEST_POSTGRES_URL;
  if (postgres) {
    const database = await createThrowawayPostgres(postgres, "drawbridge_bench_export");
    try {
      figures.push(await measureOn("PostgreSQL", database.url));
    } finally {
      await database.drop();
    }
  }
  const results = figures.flatMap((f) => f.results);
  printTable(results);
  const ratios = figures.flatMap((f) => f.ratios);
  for (const r of ratios) console.log(`${r.label}: ${r.value.toFixed(2)}× (target ${r.target}) ${r.met ? "met" : "NOT met"}`);
  const notes = figures.flatMap((f) => f.notes);
  if (!postgres) notes.push("PostgreSQL not measured: set BENCH_POSTGRES_URL (or TEST_POSTGRES_URL) to a server the bench may create a database on.");
  if (appDir !== root) notes.push(`Server run from ${appDir} (BENCH_EXPORT_APP_DIR).`);
  saveReport({
    name: "export",
    about: `One profile with ${ATTEMPTS} results, ${REFLECTIONS} reflections and ${PRACTICE_ENTRIES} practice entries; ${EXPORT_CLIENTS} client(s) download its export back to back while GET /api/health is probed at ${HEALTH_RATE} requests/s; the next-server process's RSS before and at its peak.`,
    results,
    ratios,
    notes,
  });
  return 0;
}

main().then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    console.error(`bench:export failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  },
);

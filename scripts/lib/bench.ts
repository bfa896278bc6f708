// Shared pieces of the load benchmarks (`npm run bench:*`): a throwaway production server on
// its own SQLite file, guest sessions obtained the way a browser gets them, autocannon runs
// with a warm-up, and the result table. Measurements, not tests: see scripts/bench-quiz.ts.
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import autocannon from "autocannon";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const require = createRequire(import.meta.url);

function envInt(name: string, fallback: number): number {
  const raw = process.env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a whole number ≥ 1 (got ${JSON.stringify(raw)}).`);
  return value;
}

export type Settings = { seconds: number; connections: number; floodConnections: number; warmupSeconds: number };
let cachedSettings: Settings | undefined;

/**
 * BENCH_SECONDS (default 10), BENCH_CONNECTIONS (default 50) and, for bench:abuse's flooding
 * client, BENCH_FLOOD_CONNECTIONS (default 10); every run warms up for 2 s first.
 */
export function settings(): Settings {
  cachedSettings ??= {
    seconds: envInt("BENCH_SECONDS", 10),
    connections: envInt("BENCH_CONNECTIONS", 50),
    floodConnections: envInt("BENCH_FLOOD_CONNECTIONS", 6),
    warmupSeconds: 2,
  };
  return cachedSettings;
}

export type App = {
  /** e.g. http://127.0.0.1:41234 (also the server's APP_URL, so Origin checks pass). */
  url: string;
  /** The throwaway SQLite file the server uses. */
  dbPath: string;
  /** The last few KB the server printed, for error messages. */
  output(): string;
  /** Ends the server's process group and removes the temp dir. Safe to call twice. */
  stop(): Promise<void>;
};

async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once("error", fail);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? done(address.port) : fail(new Error("no port"))));
    });
  });
}

function ensureBuild() {
  if (existsSync(join(root, ".next/BUILD_ID"))) return;
  console.log("No production build (.next/BUILD_ID): running next build…");
  const build = spawnSync(process.execPath, [require.resolve("next/dist/bin/next"), "build"], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (build.status !== 0) throw new Error("next build failed (see above).");
}

/**
 * Builds if needed, then runs `scripts/start.ts` (migrations + `next start`) on a free port
 * with a fresh SQLite file, data dir and session secret under a temp dir, and waits for
 * /api/health to answer 200. Ctrl-C during the bench still stops the server and cleans up.
 */
export async function startApp(options: { databaseUrl?: string } = {}): Promise<App> {
  ensureBuild();
  const dir = mkdtempSync(join(tmpdir(), "drawbridge-bench-"));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const dbPath = join(dir, "bench.db");
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
    cwd: root,
    detached: true, // its own process group, so stop() reaches the Next server it spawns too
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      NEXT_TELEMETRY_DISABLED: "1",
      PORT: String(port),
      APP_URL: url,
      // A PostgreSQL database the caller made and will drop, or this run's own SQLite file.
      DATABASE_URL: options.databaseUrl ?? `file:${dbPath}`,
      DATA_DIR: dir,
      SESSION_SECRET: randomBytes(32).toString("base64url"),
    },
  });
  let output = "";
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-8000));
  child.stdout.on("data", keep);
  child.stderr.on("data", keep);
  const exited = new Promise<void>((done) => child.once("exit", () => done()));
  let running = true;
  void exited.then(() => (running = false));

  const signal = (name: NodeJS.Signals) => () => void stop().finally(() => process.exit(name === "SIGINT" ? 130 : 143));
  const onInt = signal("SIGINT");
  const onTerm = signal("SIGTERM");
  process.once("SIGINT", onInt);
  process.once("SIGTERM", onTerm);

  let stopping: Promise<void> | undefined;
  function stop(): Promise<void> {
    stopping ??= (async () => {
      process.off("SIGINT", onInt);
      process.off("SIGTERM", onTerm);
      const group = (sig: NodeJS.Signals) => {
        try {
          if (child.pid) process.kill(-child.pid, sig);
        } catch {
          // already gone
        }
      };
      if (running) {
        group("SIGTERM");
        const timer = setTimeout(() => group("SIGKILL"), 5000);
        await exited;
        clearTimeout(timer);
      }
      group("SIGKILL"); // anything of the group still left (the start script exits with Next)
      rmSync(dir, { recursive: true, force: true });
    })();
    return stopping;
  }

  try {
    const deadline = Date.now() + 60_000;
    for (;;) {
      if (!running) throw new Error(`the server exited before it was ready:\n${output}`);
      if (Date.now() > deadline) throw new Error(`/api/health did not answer 200 within 60 s:\n${output}`);
      const status = await fetch(`${url}/api/health`).then((r) => r.status, () => 0);
      if (status === 200) break;
      await new Promise((r) => setTimeout(r, 250));
    }
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, dbPath, output: () => output, stop };
}

let visitors = 0;

/**
 * A client address of its own for each simulated visitor, from the benchmarking range
 * 198.18.0.0/15 (RFC 2544), sent as X-Forwarded-For: per-address limits then see many
 * visitors, as they would in real use, not one client making them all.
 */
export function visitorAddress(): string {
  visitors++;
  return `198.18.${Math.floor(visitors / 250) % 250}.${(visitors % 250) + 1}`;
}

/**
 * Submits the first server-action form on `path` the way a browser without JavaScript does
 * (multipart POST with the `$ACTION_ID_…` field and a same-origin Origin header), from an
 * address of its own, and returns the redirect target and the cookies it set, as one `Cookie`
 * header value.
 */
export async function submitActionForm(url: string, path: string): Promise<{ status: number; location: string; cookie: string }> {
  const address = visitorAddress();
  const html = await (await fetch(url + path, { headers: { "x-forwarded-for": address } })).text();
  const action = /name="(\$ACTION_ID_[0-9a-f]+)"/.exec(html)?.[1];
  if (!action) throw new Error(`GET ${path} has no server-action form ($ACTION_ID_ field).`);
  const form = new FormData();
  form.set(action, "");
  const response = await fetch(url + path, {
    method: "POST",
    body: form,
    redirect: "manual",
    headers: { origin: url, "x-forwarded-for": address },
  });
  await response.arrayBuffer();
  const location = response.headers.get("location");
  return {
    status: response.status,
    location: location ? new URL(location, url).pathname : "",
    cookie: response.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; "),
  };
}

export type QuizSession = { cookie: string; attemptId: string };

/** A guest session with a quiz attempt, made through the real start form (POST /quiz). */
export async function startQuizSession(app: App): Promise<QuizSession> {
  const { status, location, cookie } = await submitActionForm(app.url, "/quiz");
  const attemptId = /^\/quiz\/([^/]+)\/1$/.exec(location)?.[1];
  if (status !== 303 || !attemptId || !cookie) {
    throw new Error(`POST /quiz (start) answered ${status}, location ${location || "none"}, ${cookie ? "a" : "no"} cookie.`);
  }
  return { cookie, attemptId };
}

export type LoadResult = {
  route: string;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  total: number;
  non2xx: number;
  errors: number;
};

export function loadResult(route: string, r: autocannon.Result): LoadResult {
  return {
    route,
    requestsPerSecond: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    total: r.requests.total,
    non2xx: r.non2xx,
    errors: r.errors,
  };
}

/**
 * Runs autocannon for the warm-up (discarded), then for the measured `settings().seconds`,
 * with `settings().connections` unless `options` names its own.
 * `options` is called once per run, so per-run state (e.g. setupClient counters) starts fresh.
 */
export async function measure(route: string, options: () => autocannon.Options): Promise<LoadResult> {
  const { connections, seconds, warmupSeconds } = settings();
  const run = (duration: number) => autocannon({ connections, duration, ...options() });
  await run(warmupSeconds);
  return loadResult(route, await run(seconds));
}

export function printTable(results: LoadResult[]) {
  const header = ["route", "req/s", "p50 ms", "p99 ms", "requests", "non-2xx", "errors"];
  const rows = results.map((r) => [
    r.route,
    r.requestsPerSecond.toFixed(1),
    String(r.p50),
    String(r.p99),
    String(r.total),
    String(r.non2xx),
    String(r.errors),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  for (const row of [header, ...rows]) {
    console.log(row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join("  "));
  }
}

/** True when non-2xx responses plus connection errors stay within 1% of the requests. */
export function withinErrorBudget(r: LoadResult): boolean {
  return r.non2xx + r.errors <= 0.01 * Math.max(r.total, 1);
}

export type Chunk = { path: string; bytes: number; gzipBytes: number };
export type FirstLoadJs = { route: string; chunks: Chunk[]; bytes: number; gzipBytes: number };

const bundleStatsFile = ".next/diagnostics/route-bundle-stats.json";

/**
 * First-load JavaScript of app routes (e.g. "/about", "/lessons/[slug]/[step]") in the current
 * build. Next 16 no longer prints sizes; it writes `.next/diagnostics/route-bundle-stats.json`
 * with, per route, the chunk files a first visit loads and their uncompressed total (no gzip
 * figure, no noModule polyfill). Gzip sizes are computed here, per chunk, at zlib's default
 * level (what `next start`'s compression sends). Throws when the file is missing, lacks a
 * route, or does not describe the chunks now under .next/ (a build overwritten half-way).
 */
export function firstLoadJs(routes: string[]): FirstLoadJs[] {
  const file = join(root, bundleStatsFile);
  if (!existsSync(file)) throw new Error(`${bundleStatsFile} is missing: rebuild with \`next build\` (Next 16, Turbopack).`);
  const stats = JSON.parse(readFileSync(file, "utf8")) as unknown;
  if (!Array.isArray(stats)) throw new Error(`${bundleStatsFile}: expected a list of routes.`);
  const entries = stats as { route?: unknown; firstLoadUncompressedJsBytes?: unknown; firstLoadChunkPaths?: unknown }[];
  return routes.map((route) => {
    const entry = entries.find((e) => e.route === route);
    const paths = entry?.firstLoadChunkPaths;
    if (!entry || !Array.isArray(paths) || !paths.every((p): p is string => typeof p === "string")) {
      throw new Error(`${bundleStatsFile} has no chunk list for ${route}.`);
    }
    const chunks = paths.map((path): Chunk => {
      const absolute = join(root, path);
      if (!existsSync(absolute)) throw new Error(`${bundleStatsFile} lists ${path}, which is not there: the build changed under it.`);
      const content = readFileSync(absolute);
      return { path, bytes: content.length, gzipBytes: gzipSync(content).length };
    });
    const bytes = chunks.reduce((sum, c) => sum + c.bytes, 0);
    if (typeof entry.firstLoadUncompressedJsBytes === "number" && entry.firstLoadUncompressedJsBytes !== bytes) {
      throw new Error(
        `${bundleStatsFile} gives ${route} ${entry.firstLoadUncompressedJsBytes} bytes, its chunks now add up to ${bytes}: the build changed under it.`,
      );
    }
    return { route, chunks, bytes, gzipBytes: chunks.reduce((sum, c) => sum + c.gzipBytes, 0) };
  });
}

/** The scripts a modern browser loads from a page's HTML: `<script src>` tags, noModule ones left out. */
export function pageScripts(html: string): string[] {
  const scripts: string[] = [];
  for (const [tag] of html.matchAll(/<script\b[^>]*>/gi)) {
    const src = /\ssrc="([^"]+)"/i.exec(tag)?.[1];
    if (src && !/\snomodule\b/i.test(tag)) scripts.push(src);
  }
  return scripts;
}

export const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

/** The current build's id (.next/BUILD_ID), to notice a rebuild during a run. */
export function buildId(): string {
  return readFileSync(join(root, ".next/BUILD_ID"), "utf8").trim();
}

export type Ratio = { label: string; value: number; target: string; met: boolean };

/** What one benchmark found, for `npm run bench` to gather into bench/RESULTS.md. */
export type BenchReport = {
  name: string;
  /** One line: what was measured and against what. */
  about: string;
  results: LoadResult[];
  ratios: Ratio[];
  /** Further figures and warnings, one line each. */
  notes: string[];
};

/** Leaves the report as BENCH_REPORT_DIR/<name>.json when `npm run bench` asks for it; otherwise does nothing. */
export function saveReport(report: BenchReport) {
  const dir = process.env.BENCH_REPORT_DIR;
  if (dir) writeFileSync(join(dir, `${report.name}.json`), JSON.stringify(report, null, 2));
}

/** Starts the app, runs one benchmark against it, stops the app; the exit code says how it went. */
export async function runBench(name: string, main: (app: App) => Promise<number>): Promise<void> {
  let app: App | undefined;
  try {
    settings(); // a bad BENCH_* value fails here, before anything starts
    app = await startApp();
    console.log(`Server up at ${app.url} on a fresh SQLite database.`);
    process.exitCode = await main(app);
  } catch (error) {
    console.error(`${name} failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  } finally {
    await app?.stop();
  }
}

// `npm run bench:abuse`: does one abusive client slow everyone else down?
//
// Starts the built app on a throwaway SQLite database and makes SESSIONS real guest sessions
// with a quiz attempt each (the start form, each from an address of its own). Then measures,
// for BENCH_SECONDS (10 s) after a 2 s warm-up, what a few people using the app see:
//   GET /api/health                             PROBE_RATE req/s over PROBE_CONNECTIONS connections
//   PUT /api/quiz/attempts/<id>/answers/<item>  the same, round-robin over the sessions
// first quietly, then while one client floods at full speed with BENCH_FLOOD_CONNECTIONS (6, as many
// as a browser opens to one host)
// connections, in turn:
//   POST /api/auth/sign-in/email        a fresh email and a wrong password each time
//   POST /api/lessons/<slug>/progress   without a cookie (each one makes a guest profile)
//   POST /api/auth/sign-in/anonymous    without a cookie (the same, through the auth API)
// from FLOOD_ADDRESSES.length addresses (X-Forwarded-For). Prints each p99, the ratio loaded ÷
// quiet (target ≤ 3×), and how many flood requests got 429 and what the others got.
// Exits 0 whether the target is met or not (a measurement), and non-zero when the server won't
// start or stops answering, or a probe request fails outright (connection errors, 5xx).
import autocannon from "autocannon";
import Database from "better-sqlite3";
import items from "../content/quiz/items.json";
import {
  loadResult,
  printTable,
  runBench,
  saveReport,
  settings,
  startQuizSession,
  type App,
  type LoadResult,
  type QuizSession,
} from "./lib/bench";

const TARGET_RATIO = 3;
/** A few people at a steady pace: fixed-rate probes measure latency, not how fast they can push. */
const PROBE_RATE = 20;
const PROBE_CONNECTIONS = 4;
/** Sessions the answer probe takes turns with, so no one profile writes more than a person would. */
const SESSIONS = 40;
/** "A few addresses": the flooding client rotates through these (TEST-NET-3). */
const FLOOD_ADDRESSES = ["203.0.113.10", "203.0.113.11", "203.0.113.12", "203.0.113.13"];
const LESSON = "the-pattern-from-inside";
const itemIds = items.items.map((item) => item.id);

/** Guest profiles in the server's database, read directly (read-only) from its SQLite file. */
function guestProfiles(app: App): number {
  const db = new Database(app.dbPath, { readonly: true, fileMustExist: true });
  try {
    return db.prepare('SELECT COUNT(*) FROM "Profile" WHERE "isAnonymous" = 1').pluck().get() as number;
  } finally {
    db.close();
  }
}

type Probes = { health: LoadResult; answer: LoadResult; answerStatuses: Map<number, number> };

/** Both probes at once, each at PROBE_RATE, for the warm-up and then the measured seconds. */
async function probe(app: App, sessions: QuizSession[], phase: string): Promise<Probes> {
  const { seconds, warmupSeconds } = settings();
  let turn = 0;
  const answerStatuses = new Map<number, number>();
  const run = (duration: number, count: boolean) =>
    Promise.all([
      autocannon({ url: `${app.url}/api/health`, connections: PROBE_CONNECTIONS, overallRate: PROBE_RATE, duration }),
      autocannon({
        url: app.url,
        connections: PROBE_CONNECTIONS,
        overallRate: PROBE_RATE,
        duration,
        requests: [
          {
            method: "PUT",
            setupRequest(request) {
              const session = sessions[turn % sessions.length]!;
              const itemId = itemIds[Math.floor(turn / sessions.length) % itemIds.length]!;
              turn++;
              return {
                ...request,
                path: `/api/quiz/attempts/${session.attemptId}/answers/${itemId}`,
                headers: { ...request.headers, cookie: session.cookie, "content-type": "application/json", origin: app.url },
                body: JSON.stringify({ value: (turn % 5) + 1 }),
              };
            },
            onResponse(status) {
              if (count) answerStatuses.set(status, (answerStatuses.get(status) ?? 0) + 1);
            },
          },
        ],
      }),
    ]);
  await run(warmupSeconds, false);
  const [health, answer] = await run(seconds, true);
  return {
    health: unanswered(loadResult(`GET /api/health (${phase})`, health)),
    answer: unanswered(loadResult(`PUT …/answers/:item (${phase})`, answer)),
    answerStatuses,
  };
}

/**
 * autocannon only counts the answers that came within the run. When none came at all, the
 * server kept every probe waiting longer than the run: its latency is at least that long.
 */
function unanswered(r: LoadResult): LoadResult {
  if (r.total > 0) return r;
  const atLeast = settings().seconds * 1000;
  return { ...r, route: `${r.route}, none answered`, p50: atLeast, p99: atLeast };
}

type FloodKind = "sign-in with a fresh email" | "cookie-less lesson progress" | "anonymous sign-in";
type Flood = { stop(): Promise<autocannon.Result>; statuses: Map<FloodKind, Map<number, number>> };

/** One client hammering the routes that create things or hash passwords, until stopped. */
function startFlood(app: App): Flood {
  const statuses = new Map<FloodKind, Map<number, number>>();
  let sent = 0;
  const address = () => FLOOD_ADDRESSES[sent++ % FLOOD_ADDRESSES.length]!;
  const json = (extra: Record<string, string> = {}) => ({ "content-type": "application/json", origin: app.url, ...extra });
  const counted = (kind: FloodKind) => (status: number) => {
    const byStatus = statuses.get(kind) ?? new Map<number, number>();
    byStatus.set(status, (byStatus.get(status) ?? 0) + 1);
    statuses.set(kind, byStatus);
  };
  const request = (kind: FloodKind, path: string, body: () => unknown): autocannon.Request => ({
    method: "POST",
    setupRequest: (req) => ({ ...req, path, headers: { ...req.headers, ...json({ "x-forwarded-for": address() }) }, body: JSON.stringify(body()) }),
    onResponse: counted(kind),
  });
  let done!: (result: autocannon.Result) => void;
  const finished = new Promise<autocannon.Result>((resolve) => (done = resolve));
  const instance = autocannon(
    {
      url: app.url,
      connections: settings().floodConnections,
      duration: 3600, // until stopped
      requests: [
        request("sign-in with a fresh email", "/api/auth/sign-in/email", () => ({
          email: `flood-${sent}-${Math.random().toString(36).slice(2)}@example.org`,
          password: "not the right password",
        })),
        request("cookie-less lesson progress", `/api/lessons/${LESSON}/progress`, () => ({ step: 1 })),
        request("anonymous sign-in", "/api/auth/sign-in/anonymous", () => ({})),
      ],
    },
    (error, result) => (error ? done({ errors: 1 } as autocannon.Result) : done(result)),
  );
  return {
    statuses,
    stop() {
      instance.stop();
      return finished;
    },
  };
}

const ms = (value: number) => `${value} ms`;
const ratioOf = (loaded: number, quiet: number) => loaded / Math.max(quiet, 1); // autocannon's latencies are whole ms

async function main(app: App): Promise<number> {
  const { floodConnections: connections, seconds, warmupSeconds } = settings();
  const sessions: QuizSession[] = [];
  for (let i = 0; i < SESSIONS; i++) sessions.push(await startQuizSession(app));
  console.log(`${sessions.length} guest sessions with an attempt each. Measuring quietly…`);

  const quiet = await probe(app, sessions, "quiet");
  console.log(`Quiet done. Flooding with ${connections} connections from ${FLOOD_ADDRESSES.length} addresses…`);
  const guestsBefore = guestProfiles(app);
  const floodStarted = Date.now();
  const flood = startFlood(app);
  await new Promise((resolve) => setTimeout(resolve, warmupSeconds * 1000));
  const loaded = await probe(app, sessions, "flooded");
  const floodResult = await flood.stop();
  const floodSeconds = (Date.now() - floodStarted) / 1000;
  const guestsMade = guestProfiles(app) - guestsBefore;
  const alive = await fetch(`${app.url}/api/health`).then((r) => r.status, () => 0);

  console.log(
    `\nProbes at ${PROBE_RATE} req/s each over ${PROBE_CONNECTIONS} connections, ${seconds} s after a ${warmupSeconds} s warm-up (Node ${process.version}):\n`,
  );
  const results = [quiet.health, loaded.health, quiet.answer, loaded.answer];
  printTable(results);
  const ratios = [
    { label: "GET /api/health p99, flooded ÷ quiet", value: ratioOf(loaded.health.p99, quiet.health.p99) },
    { label: "answer save p99, flooded ÷ quiet", value: ratioOf(loaded.answer.p99, quiet.answer.p99) },
  ].map((r) => ({ ...r, target: `≤ ${TARGET_RATIO}×`, met: r.value <= TARGET_RATIO }));
  console.log("");
  for (const r of ratios) console.log(`${r.label} = ${r.value.toFixed(2)}× (target ${r.target}): ${r.met ? "PASS" : "ABOVE"}`);
  console.log(
    `p99: health ${ms(quiet.health.p99)} → ${ms(loaded.health.p99)}, answer save ${ms(quiet.answer.p99)} → ${ms(loaded.answer.p99)}`,
  );

  const notes: string[] = [];
  const describe = (byStatus: Map<number, number> | undefined) => {
    const all = [...(byStatus ?? new Map<number, number>()).entries()].sort(([a], [b]) => a - b);
    const total = all.reduce((sum, [, n]) => sum + n, 0);
    const limited = byStatus?.get(429) ?? 0;
    const others = all.filter(([status]) => status !== 429).map(([status, n]) => `${n}×${status}`);
    return `${total} requests: ${limited}×429, others ${others.join(", ") || "none"}`;
  };
  let floodTotal = 0;
  let floodLimited = 0;
  for (const [kind, byStatus] of flood.statuses) {
    for (const [status, n] of byStatus) {
      floodTotal += n;
      if (status === 429) floodLimited += n;
    }
    notes.push(`flood, ${kind}: ${describe(byStatus)}`);
  }
  notes.push(
    `flood in all: ${floodTotal} requests (${(floodResult.requests?.average ?? 0).toFixed(0)} req/s), ${floodLimited} got 429, ` +
      `${floodTotal - floodLimited} did not; ${floodResult.errors ?? 0} connection errors/timeouts`,
  );
  notes.push(`guest profiles the flood created: ${guestsMade} in ${floodSeconds.toFixed(1)} s (${(guestsMade / floodSeconds).toFixed(1)}/s)`);
  notes.push(`answer saves while flooded: ${describe(loaded.answerStatuses)}; quiet: ${describe(quiet.answerStatuses)}`);
  const scheduled = PROBE_RATE * seconds;
  for (const r of results) {
    if (r.total < scheduled / 2) {
      notes.push(`${r.route}: ${r.total} of ~${scheduled} scheduled requests answered within the run; its p99 is a lower bound`);
    }
  }
  console.log("");
  for (const note of notes) console.log(note);

  const failures: string[] = [];
  if (alive !== 200) failures.push(`after the flood, GET /api/health answered ${alive || "nothing"}`);
  for (const r of results) if (r.errors > 0) failures.push(`${r.route}: ${r.errors} connection errors/timeouts`);
  for (const [phase, statuses] of [["quiet", quiet.answerStatuses], ["flooded", loaded.answerStatuses]] as const) {
    const serverErrors = [...statuses].filter(([status]) => status >= 500).reduce((sum, [, n]) => sum + n, 0);
    if (serverErrors > 0) failures.push(`answer saves (${phase}): ${serverErrors} server errors`);
  }
  if (quiet.health.non2xx > 0 || loaded.health.non2xx > 0) failures.push("GET /api/health answered other than 200");
  saveReport({
    name: "abuse",
    about:
      `p99 of GET /api/health and of an answer save (each ${PROBE_RATE} req/s), quiet and while one client floods sign-ins ` +
      `and guest creation with ${connections} connections from ${FLOOD_ADDRESSES.length} addresses.`,
    results,
    ratios,
    notes: [...notes, ...failures.map((failure) => `ERROR ${failure}`)],
  });
  for (const failure of failures) console.error(`ERROR ${failure}`);
  if (failures.length > 0) console.error(`\nLast server output:\n${app.output()}`);
  return failures.length > 0 ? 1 : 0;
}

void runBench("bench:abuse", main);

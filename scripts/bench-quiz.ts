// `npm run bench:quiz`: how fast the production app saves quiz answers, next to /api/health.
//
// Starts the built app on a throwaway SQLite database, gets one guest session + attempt per
// connection through the real start form (POST /quiz), then loads
//   PUT /api/quiz/attempts/<id>/answers/<item>  (each connection its own cookie and attempt)
//   GET /api/health
// with BENCH_CONNECTIONS (50) connections for BENCH_SECONDS (10 s) each, after a 2 s warm-up.
// Target: answer saves ≥ 0.5× health's requests/s. Exits 0 below target (a measurement), and
// non-zero when the server won't start, > 1% of responses are errors, or answers went missing.
import Database from "better-sqlite3";
import items from "../content/quiz/items.json";
import {
  measure,
  printTable,
  runBench,
  saveReport,
  settings,
  startQuizSession,
  withinErrorBudget,
  type App,
  type QuizSession,
} from "./lib/bench";

const TARGET_RATIO = 0.5;
const itemIds = items.items.map((item) => item.id);

async function main(app: App): Promise<number> {
  const { connections, seconds, warmupSeconds } = settings();
  const sessions: QuizSession[] = [];
  for (let i = 0; i < connections; i++) sessions.push(await startQuizSession(app));

  const probe = await fetch(`${app.url}/api/quiz/attempts/${sessions[0]!.attemptId}/answers/${itemIds[0]}`, {
    method: "PUT",
    headers: { cookie: sessions[0]!.cookie, "content-type": "application/json", origin: app.url },
    body: JSON.stringify({ value: 3 }),
  });
  if (probe.status !== 200) throw new Error(`a first answer PUT answered ${probe.status}: ${await probe.text()}`);
  console.log(`${sessions.length} guest sessions, each with its own attempt; a probe PUT answered 200.`);

  // Which (attempt, item) pairs were sent, and which were acknowledged with 200.
  const sent = new Set<string>([`${sessions[0]!.attemptId}/${itemIds[0]}`]);
  const acknowledged = new Set<string>(sent);

  const answers = await measure("PUT /api/quiz/attempts/:id/answers/:item", () => {
    let nextClient = 0;
    return {
      url: app.url,
      setupClient(client) {
        const session = sessions[nextClient++ % sessions.length]!;
        let n = 0;
        let inFlight = "";
        client.setRequests([
          {
            method: "PUT",
            setupRequest(request) {
              const itemId = itemIds[n % itemIds.length]!;
              const value = ((n + Math.floor(n / itemIds.length)) % 5) + 1; // 1–5, shifting each round
              n++;
              inFlight = `${session.attemptId}/${itemId}`;
              sent.add(inFlight);
              return {
                ...request,
                path: `/api/quiz/attempts/${session.attemptId}/answers/${itemId}`,
                headers: { ...request.headers, cookie: session.cookie, "content-type": "application/json", origin: app.url },
                body: JSON.stringify({ value }),
              };
            },
            onResponse(status) {
              if (status === 200) acknowledged.add(inFlight);
            },
          },
        ]);
      },
    };
  });
  const health = await measure("GET /api/health", () => ({ url: `${app.url}/api/health` }));

  console.log(`\n${connections} connections, ${seconds} s each after a ${warmupSeconds} s warm-up (Node ${process.version}):\n`);
  printTable([answers, health]);
  const ratio = answers.requestsPerSecond / health.requestsPerSecond;
  console.log(
    `\nanswer saves ÷ health = ${ratio.toFixed(2)}× (target ≥ ${TARGET_RATIO}×): ${ratio >= TARGET_RATIO ? "PASS" : "BELOW"}`,
  );

  // Every acknowledged answer is stored, and nothing is stored that was never sent. (A request
  // still in flight when a run ended may be stored without its 200 having been seen.)
  const db = new Database(app.dbPath, { readonly: true, fileMustExist: true });
  const stored = db.prepare('SELECT "attemptId" || \'/\' || "itemId" AS pair FROM "QuizAnswer"').pluck().all() as string[];
  db.close();
  const storedSet = new Set(stored);
  const missing = [...acknowledged].filter((pair) => !storedSet.has(pair)).length;
  const unexpected = stored.filter((pair) => !sent.has(pair)).length;
  const storedOk = stored.length > 0 && missing === 0 && unexpected === 0;
  console.log(
    `stored answers: ${stored.length} QuizAnswer rows; ${acknowledged.size} distinct (attempt, item) pairs acknowledged, ` +
      `${sent.size} sent; missing ${missing}, unexpected ${unexpected}: ${storedOk ? "OK" : "FAILED"}`,
  );

  const failures = [answers, health].filter((r) => !withinErrorBudget(r)).map((r) => `${r.route}: over 1% non-2xx/errors`);
  if (!storedOk) failures.push("stored answers do not match the answers written");
  saveReport({
    name: "quiz",
    about: `Saving a quiz answer vs. GET /api/health, ${connections} connections, ${seconds} s each (throughput).`,
    results: [answers, health],
    ratios: [{ label: "answer saves ÷ health (req/s)", value: ratio, target: `≥ ${TARGET_RATIO}×`, met: ratio >= TARGET_RATIO }],
    notes: [
      `stored answers: ${stored.length} rows; ${acknowledged.size} pairs acknowledged, ${sent.size} sent; missing ${missing}, unexpected ${unexpected}: ${storedOk ? "OK" : "FAILED"}`,
      ...failures.map((failure) => `ERROR ${failure}`),
    ],
  });
  for (const failure of failures) console.error(`ERROR ${failure}`);
  if (failures.length > 0) console.error(`\nLast server output:\n${app.output()}`);
  return failures.length > 0 ? 1 : 0;
}

void runBench("bench:quiz", main);

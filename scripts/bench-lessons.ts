// `npm run bench:lessons`: how a lesson step page compares with a trivial prerendered page,
// served and shipped.
//
// Starts the built app on a throwaway SQLite database, then loads
//   GET /lessons/the-pattern-from-inside/2  (a step with a reflection form island)
//   GET /about                              (a trivial prerendered page)
// with BENCH_CONNECTIONS (50) connections for BENCH_SECONDS (10 s) each, after a 2 s warm-up,
// and reads both routes' first-load JavaScript (gzip) from the build output.
// Targets: lesson req/s ≥ 0.8× /about's; lesson first-load JS ≤ /about's + 15 KiB.
// Exits 0 below target (a measurement), and non-zero when the server won't start, > 1% of
// responses are errors, or the build output can't be read (or changed during the run).
import {
  buildId,
  firstLoadJs,
  kib,
  measure,
  pageScripts,
  printTable,
  runBench,
  saveReport,
  settings,
  withinErrorBudget,
  type App,
  type FirstLoadJs,
} from "./lib/bench";

const TARGET_RATIO = 0.8;
const TARGET_EXTRA_JS_KIB = 15;

const lessonPage = { path: "/lessons/the-pattern-from-inside/2", route: "/lessons/[slug]/[step]" };
const trivialPage = { path: "/about", route: "/about" };

/** Fetches a page once: it must answer 200; says how it was served and which scripts it loads. */
async function probe(app: App, path: string) {
  const response = await fetch(app.url + path);
  const html = await response.text();
  if (response.status !== 200) throw new Error(`GET ${path} answered ${response.status}.`);
  const prerendered = response.headers.has("x-nextjs-prerender") || response.headers.has("x-nextjs-cache");
  return { html, prerendered, scripts: pageScripts(html) };
}

/** Warns when the HTML a browser gets loads other scripts than the build's stats list. */
function compareScripts(js: FirstLoadJs, scripts: string[]): string[] {
  const listed = new Set(js.chunks.map((c) => c.path.replace(/^\.next\//, "/_next/")));
  const served = new Set(scripts.map((src) => new URL(src, "http://x").pathname));
  const extra = [...served].filter((s) => !listed.has(s));
  const missing = [...listed].filter((s) => !served.has(s));
  if (extra.length === 0 && missing.length === 0) return [];
  return [
    `WARNING ${js.route}: the served HTML's scripts differ from the stats file` +
      (extra.length ? `; also loads ${extra.join(", ")}` : "") +
      (missing.length ? `; does not load ${missing.join(", ")}` : ""),
  ];
}

async function main(app: App): Promise<number> {
  const { connections, seconds, warmupSeconds } = settings();
  const build = buildId();
  const [lessonJs, trivialJs] = firstLoadJs([lessonPage.route, trivialPage.route]) as [FirstLoadJs, FirstLoadJs];

  const lessonProbe = await probe(app, lessonPage.path);
  const trivialProbe = await probe(app, trivialPage.path);
  const notes = [...compareScripts(lessonJs, lessonProbe.scripts), ...compareScripts(trivialJs, trivialProbe.scripts)];
  if (!/<textarea\b/.test(lessonProbe.html)) notes.push(`WARNING ${lessonPage.path} has no reflection form (textarea): not representative.`);
  for (const [path, p] of [
    [lessonPage.path, lessonProbe],
    [trivialPage.path, trivialProbe],
  ] as const) {
    if (!p.prerendered) notes.push(`NOTE ${path} was rendered per request (no x-nextjs-prerender / x-nextjs-cache header).`);
  }
  console.log(
    `${lessonPage.path}: ${kib(Buffer.byteLength(lessonProbe.html))} HTML; ${trivialPage.path}: ${kib(Buffer.byteLength(trivialProbe.html))} HTML ` +
      `(${lessonProbe.prerendered && trivialProbe.prerendered ? "both prerendered" : "see notes"}).`,
  );

  const lesson = await measure(`GET ${lessonPage.path}`, () => ({ url: app.url + lessonPage.path }));
  const trivial = await measure(`GET ${trivialPage.path}`, () => ({ url: app.url + trivialPage.path }));

  console.log(`\n${connections} connections, ${seconds} s each after a ${warmupSeconds} s warm-up (Node ${process.version}):\n`);
  printTable([lesson, trivial]);
  const ratio = lesson.requestsPerSecond / trivial.requestsPerSecond;
  console.log(
    `\nlesson step ÷ /about = ${ratio.toFixed(2)}× (target ≥ ${TARGET_RATIO}×): ${ratio >= TARGET_RATIO ? "PASS" : "BELOW"}`,
  );

  // First-load JavaScript, as the build lists it per route (gzip computed per chunk).
  const shared = new Set(trivialJs.chunks.map((c) => c.path));
  const added = lessonJs.chunks.filter((c) => !shared.has(c.path));
  const extra = lessonJs.gzipBytes - trivialJs.gzipBytes;
  console.log(`\nFirst-load JavaScript (gzip; uncompressed in brackets), from .next/diagnostics/route-bundle-stats.json:`);
  for (const js of [lessonJs, trivialJs]) {
    console.log(`  ${js.route.padEnd(24)} ${kib(js.gzipBytes).padStart(10)}  (${kib(js.bytes)}, ${js.chunks.length} chunks)`);
  }
  console.log(
    `  lesson step − /about     ${kib(extra).padStart(10)}  (target ≤ ${TARGET_EXTRA_JS_KIB} KiB): ` +
      `${extra <= TARGET_EXTRA_JS_KIB * 1024 ? "PASS" : "BELOW"}`,
  );
  const removed = trivialJs.chunks.filter((c) => !lessonJs.chunks.some((l) => l.path === c.path));
  for (const c of added) console.log(`    + ${c.path}  ${kib(c.gzipBytes)} (${kib(c.bytes)})`);
  for (const c of removed) console.log(`    − ${c.path}  ${kib(c.gzipBytes)} (${kib(c.bytes)})`);

  const failures = [lesson, trivial].filter((r) => !withinErrorBudget(r)).map((r) => `${r.route}: over 1% non-2xx/errors`);
  if (buildId() !== build) failures.push("the build (.next/BUILD_ID) changed during the run: measure again");
  saveReport({
    name: "lessons",
    about: `A lesson step page vs. a trivial prerendered page (/about), ${connections} connections, ${seconds} s each, and first-load JavaScript.`,
    results: [lesson, trivial],
    ratios: [
      { label: "lesson step ÷ /about (req/s)", value: ratio, target: `≥ ${TARGET_RATIO}×`, met: ratio >= TARGET_RATIO },
    ],
    notes: [
      `first-load JavaScript (gzip): lesson step ${kib(lessonJs.gzipBytes)}, /about ${kib(trivialJs.gzipBytes)}, ` +
        `difference ${kib(extra)} (target ≤ ${TARGET_EXTRA_JS_KIB} KiB): ${extra <= TARGET_EXTRA_JS_KIB * 1024 ? "PASS" : "BELOW"}`,
      ...notes,
      ...failures.map((failure) => `ERROR ${failure}`),
    ],
  });
  if (notes.length > 0) console.log("");
  for (const note of notes) console.log(note);
  for (const failure of failures) console.error(`ERROR ${failure}`);
  if (failures.length > 0) console.error(`\nLast server output:\n${app.output()}`);
  return failures.length > 0 ? 1 : 0;
}

void runBench("bench:lessons", main);

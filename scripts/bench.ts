// `npm run bench`: every benchmark in turn (bench:quiz, bench:lessons, bench:abuse, bench:growth), each on a
// fresh production server of its own, then bench/RESULTS.md with the machine, the figures and
// the ratios of each. BENCH_SECONDS and BENCH_CONNECTIONS apply to all of them. Run it on an
// otherwise idle machine: the figures are only as quiet as the machine was.
// Exits non-zero when any benchmark failed (a target missed is a measurement, not a failure).
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, platform, release, tmpdir, totalmem } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { buildId, settings, type BenchReport } from "./lib/bench";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const benches: { name: string; script: string; title: string; conditions?: string[] }[] = [
  { name: "quiz", script: "scripts/bench-quiz.ts", title: "Quiz answers (`npm run bench:quiz`)" },
  { name: "lessons", script: "scripts/bench-lessons.ts", title: "Lesson pages (`npm run bench:lessons`)" },
  { name: "abuse", script: "scripts/bench-abuse.ts", title: "Abuse under load (`npm run bench:abuse`)" },
  { name: "growth", script: "scripts/bench-growth.ts", title: "A long history (`npm run bench:growth`)", conditions: ["--conditions=react-server"] },
  { name: "export", script: "scripts/bench-export.ts", title: "Export of a long history (`npm run bench:export`)" },
];

const load = () => loadavg().map((n) => n.toFixed(2)).join(", ");

function main(): number {
  const { seconds, connections, floodConnections, warmupSeconds } = settings();
  const started = new Date();
  const loadAtStart = load();
  const reports = mkdtempSync(join(tmpdir(), "drawbridge-bench-reports-"));
  const outcomes: { title: string; status: number | null; report: BenchReport | null }[] = [];
  try {
    for (const bench of benches) {
      console.log(`\n=== ${bench.title} ===\n`);
      const run = spawnSync(process.execPath, [...(bench.conditions ?? []), "--import", "tsx", bench.script], {
        cwd: root,
        stdio: "inherit",
        env: { ...process.env, BENCH_REPORT_DIR: reports },
      });
      const file = join(reports, `${bench.name}.json`);
      const report = existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as BenchReport) : null;
      outcomes.push({ title: bench.title, status: run.status, report });
    }
  } finally {
    rmSync(reports, { recursive: true, force: true });
  }

  const cpu = cpus();
  const lines = [
    "# Benchmark results",
    "",
    `Written by \`npm run bench\` on ${started.toISOString().slice(0, 16).replace("T", " ")} UTC. Figures from another`,
    "machine, or from this one while it was busy, are not comparable: compare the ratios, and measure again.",
    "",
    "## Machine",
    "",
    "| cores | CPU | memory | Node.js | OS | load average (1, 5, 15 min) at start / end |",
    "| --- | --- | --- | --- | --- | --- |",
    `| ${cpu.length} | ${cpu[0]?.model.trim() ?? "unknown"} | ${(totalmem() / 2 ** 30).toFixed(1)} GiB | ${process.version} | ${platform()} ${release()} | ${loadAtStart} / ${load()} |`,
    "",
    `Settings: BENCH_SECONDS=${seconds}, BENCH_CONNECTIONS=${connections}, BENCH_FLOOD_CONNECTIONS=${floodConnections}, a ${warmupSeconds} s warm-up before each measurement; build \`${existsSync(join(root, ".next/BUILD_ID")) ? buildId() : "none"}\`, SQLite.`,
  ];
  for (const { title, status, report } of outcomes) {
    lines.push("", `## ${title}`, "");
    if (!report) {
      lines.push(`No figures: it failed (exit ${status ?? "killed"}) before measuring; its output above says why.`);
      continue;
    }
    lines.push(report.about, "", "| route | req/s | p50 ms | p99 ms | requests | non-2xx | errors |", "| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
    for (const r of report.results) {
      lines.push(`| ${r.route} | ${r.requestsPerSecond.toFixed(1)} | ${r.p50} | ${r.p99} | ${r.total} | ${r.non2xx} | ${r.errors} |`);
    }
    lines.push("");
    for (const r of report.ratios) lines.push(`- **${r.label}: ${r.value.toFixed(2)}×** (target ${r.target}): ${r.met ? "met" : "not met"}`);
    for (const note of report.notes) lines.push(`- ${note}`);
    if (status !== 0) lines.push(`- The run failed (exit ${status ?? "killed"}): see the notes marked ERROR.`);
  }
  mkdirSync(join(root, "bench"), { recursive: true });
  writeFileSync(join(root, "bench/RESULTS.md"), `${lines.join("\n")}\n`);
  console.log(`\nWrote bench/RESULTS.md (${outcomes.filter((o) => o.status === 0).length} of ${outcomes.length} benchmarks ran cleanly).`);
  return outcomes.every((o) => o.status === 0) ? 0 : 1;
}

process.exitCode = main();

import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { quiz, quizVersions } from "@/lib/content/quiz";

// `npm run items:report` as an operator runs it, against this project's test database.
function report(...args: string[]) {
  return spawnSync("npx", ["tsx", "--conditions=react-server", "scripts/items-report.ts", ...args], {
    env: { ...process.env },
    encoding: "utf8",
    timeout: 60_000,
  });
}

describe("npm run items:report", () => {
  it("prints the current version's analysis as Markdown from DATABASE_URL's database", () => {
    const run = report();
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.stdout.startsWith(`# Item analysis: quiz version ${quiz.version}\n`)).toBe(true);
    // Whatever other tests stored: either the figures, or the note that there are too few yet.
    expect(run.stdout).toMatch(/## Scales\n|Not enough data yet: \d+ finished attempts?; the analysis needs at least 30\./);
  });

  it("names the published versions when asked for one that never was", () => {
    const run = report("no-such-version");
    expect(run.status).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr.trim()).toBe(`There is no quiz version "no-such-version". Published versions: ${quizVersions.join(", ")} (current: ${quiz.version}).`);
  });
});

import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium, defineConfig } from "@playwright/test";
import { findChromium } from "./scripts/lib/chromium";
import { e2eServerEnvironment } from "./tests/e2e/support/run-data";

/** Asks the OS for a free port, synchronously, so the config can use it straight away. */
function findFreePort(): string {
  const script =
    "const s=require('node:net').createServer();s.listen(0,'127.0.0.1',()=>{process.stdout.write(String(s.address().port));s.close();});";
  return execFileSync(process.execPath, ["-e", script], { encoding: "utf8" }).trim();
}

// Set once in the main process; the test workers inherit it, so every process sees the same port.
process.env.E2E_PORT ??= findFreePort();
const port = Number(process.env.E2E_PORT);
const baseURL = `http://127.0.0.1:${port}`;
// The stand-in outside sites of tests/e2e/leave-quickly.spec.ts (support/neutral-site.mjs).
process.env.E2E_NEUTRAL_PORT ??= findFreePort();
const neutralPort = Number(process.env.E2E_NEUTRAL_PORT);
// A data directory of this run's own (tests/e2e/support/run-data.ts), made fresh in the main
// process and inherited by the workers: the e2e server's secrets and database live there, so
// no rows (rate-limit counts, accounts, results) carry over between runs, and the developer's
// data/ is never read. Every server a test starts inherits it as DATA_DIR unless given its own.
// Removed at the end of the run (tests/e2e/support/global-teardown.ts).
process.env.E2E_DATA_DIR ??= mkdtempSync(path.join(tmpdir(), "drawbridge-e2e-"));
process.env.DATA_DIR = process.env.E2E_DATA_DIR;

// CHROMIUM_PATH when set, else Debian's Chromium, else Playwright's own: the finder that
// scripts/test-browser-setup.ts (run by `npm run test:e2e` first) uses, which installs one when
// there is none. A CHROMIUM_PATH naming no file is passed on, for Playwright to say so.
const chromiumFound = findChromium({ chromiumPath: process.env.CHROMIUM_PATH, exists: existsSync, playwrightChromium: () => chromium.executablePath() });
const executablePath = chromiumFound && "path" in chromiumFound ? chromiumFound.path : process.env.CHROMIUM_PATH;

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: "list",
  globalTeardown: "./tests/e2e/support/global-teardown.ts",
  forbidOnly: Boolean(process.env.CI),
  use: {
    baseURL,
    browserName: "chromium",
    trace: "retain-on-failure",
    launchOptions: {
      executablePath,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
      ],
    },
  },
  projects: [{ name: "chromium" }],
  webServer: [
    {
      // A fresh database each run, in the run's own data directory (results of earlier runs
      // would change what the pages say: from 200 finished results on, score ranges come from
      // the results themselves), then migrations, then `next start` on the build that
      // `npm run test:e2e` made.
      command: "npx tsx scripts/start.ts",
      url: `${baseURL}/api/health`,
      reuseExistingServer: false,
      timeout: 120_000,
      stdout: "pipe",
      stderr: "pipe",
      // Shared with the seed process that writes tests' preconditions (support/seed.ts).
      env: e2eServerEnvironment(),
    },
    {
      command: `node tests/e2e/support/neutral-site.mjs ${neutralPort}`,
      url: `http://127.0.0.1:${neutralPort}/`,
      reuseExistingServer: false,
    },
  ],
});

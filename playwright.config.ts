import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { defineConfig } from "@playwright/test";
import { ITEMS_EDITOR_EMAIL } from "./tests/e2e/support/admin";

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

// Debian's Chromium on these machines; CHROMIUM_PATH to choose another; otherwise Playwright's own.
const executablePath = process.env.CHROMIUM_PATH ?? (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: "list",
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
      // A fresh database each run (results of earlier runs would change what the pages say:
      // from 200 finished results on, score ranges come from the results themselves), then
      // migrations, then `next start` on the build that `npm run test:e2e` made.
      command: "rm -f data/e2e/drawbridge-e2e.db data/e2e/drawbridge-e2e.db-wal data/e2e/drawbridge-e2e.db-shm && npx tsx scripts/start.ts",
      url: `${baseURL}/api/health`,
      reuseExistingServer: false,
      timeout: 120_000,
      stdout: "pipe",
      stderr: "pipe",
      env: {
        PORT: String(port),
        DATABASE_URL: "file:./data/e2e/drawbridge-e2e.db",
        NODE_ENV: "production",
        NEXT_TELEMETRY_DISABLED: "1",
        // Every browser here comes from 127.0.0.1, so allow more guests
        // per address than one real address would start (README, "Limits"; the product keeps 200/h).
        RATE_LIMITS: "new-guests-per-address=2000/3600",
        // A neutral site on this machine (support/neutral-site.mjs): no request leaves it.
        QUICK_EXIT_URL: `http://weather.localhost:${neutralPort}/today`,
        // The one account that may see /admin/items (tests/e2e/admin-items.spec.ts).
        ADMIN_EMAILS: ITEMS_EDITOR_EMAIL,
      },
    },
    {
      command: `node tests/e2e/support/neutral-site.mjs ${neutralPort}`,
      url: `http://127.0.0.1:${neutralPort}/`,
      reuseExistingServer: false,
    },
  ],
});

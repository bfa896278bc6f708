import path from "node:path";
import { ITEMS_EDITOR_EMAIL } from "./admin";

/**
 * The Playwright run's own data directory: playwright.config.ts makes a fresh one under the
 * system's temporary directory for every run (and removes it afterwards), and passes it to the
 * test workers as E2E_DATA_DIR. The e2e server keeps its session secret, encryption key and
 * SQLite database there, so nothing carries over from one run to the next and a developer's own
 * data/ is never touched.
 */
export function runDataDir(): string {
  const dir = process.env.E2E_DATA_DIR;
  if (!dir) throw new Error("E2E_DATA_DIR is not set: run the browser tests through playwright.config.ts (npx playwright test).");
  return dir;
}

/** The e2e server's SQLite file, for specs that write rows the app has no page for. */
export const runDatabaseFile = (): string => path.join(runDataDir(), "drawbridge-e2e.db");

/** DATABASE_URL of the e2e server. */
export const runDatabaseUrl = (): string => `file:${runDatabaseFile()}`;

/** The e2e server's address (the port playwright.config.ts chose for this run). */
export const runBaseUrl = (): string => `http://127.0.0.1:${process.env.E2E_PORT}`;

/**
 * The e2e server's environment (playwright.config.ts): also what the seed process
 * (support/seed-process.ts) runs with, so it signs cookies and reads rows exactly as the server does.
 */
export function e2eServerEnvironment(): Record<string, string> {
  return {
    PORT: String(process.env.E2E_PORT),
    DATABASE_URL: runDatabaseUrl(),
    DATA_DIR: runDataDir(),
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    // Every browser here comes from 127.0.0.1, so allow more guests
    // per address than one real address would start (README, "Limits"; the product keeps 200/h).
    RATE_LIMITS: "new-guests-per-address=2000/3600",
    // A neutral site on this machine (support/neutral-site.mjs): no request leaves it.
    QUICK_EXIT_URL: `http://weather.localhost:${process.env.E2E_NEUTRAL_PORT}/today`,
    // The one account that may see /admin/items (tests/e2e/admin-items.spec.ts).
    ADMIN_EMAILS: ITEMS_EDITOR_EMAIL,
    // The operator's clean-up of unused accounts, on: /privacy must say so (tests/e2e/privacy.spec.ts).
    DELETE_UNUSED_ACCOUNTS_AFTER_DAYS: "365",
  };
}

import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test, type Browser, type Page } from "@playwright/test";
import Database from "better-sqlite3";
import { expectNoAxeViolations } from "./support/axe";
import { finishQuiz } from "./support/quiz";
import { OwnServer } from "./support/own-server";
import { saveScreenshots } from "./support/screenshots";

// Someone who has taken the quiz every week for years: one result finished through lib/data,
// 499 earlier ones written straight into the database with the same rows a finish writes. On a
// server and database of this file's own: 500 finished results of the current version would
// otherwise give every other spec's score ranges the results' own figures instead of the
// defaults they expect (from 200 finished results on; lib/data/reliability.ts).
const WEEK = 7 * 24 * 60 * 60 * 1000;

// In order, in one worker, so the file starts one server.
test.describe.configure({ mode: "default", timeout: 240_000 });

let dir: string;
let server: OwnServer | undefined;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  dir = mkdtempSync(path.join(tmpdir(), "drawbridge-long-history-"));
  server = await OwnServer.start(`file:${databaseFile()}`, dir);
});

test.afterAll(async () => {
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const databaseFile = () => path.join(dir, "app.db");

/** A browser context on this file's server, as the page fixture would be on the shared one. */
async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ baseURL: server!.url });
  return context.newPage();
}

function addEarlierResults(attemptId: string, count: number) {
  const database = new Database(databaseFile(), { fileMustExist: true, timeout: 10_000 });
  try {
    const finished = database
      .prepare(`SELECT "profileId", "quizVersion", "completedAt", "scoringVersion" FROM "QuizAttempt" WHERE "id" = ?`)
      .get(attemptId) as { profileId: string; quizVersion: string; completedAt: string | number; scoringVersion: string };
    const scores = database
      .prepare(`SELECT "strategy", "score", "band", "answered", "total" FROM "StrategyScore" WHERE "attemptId" = ?`)
      .all(attemptId) as { strategy: string; score: number | null; band: string | null; answered: number; total: number }[];
    // Dates in whichever form the app stored the real one.
    const latest = typeof finished.completedAt === "number" ? finished.completedAt : Date.parse(finished.completedAt);
    const stored = (ms: number) => {
      if (typeof finished.completedAt === "number") return ms;
      const iso = new Date(ms).toISOString();
      return finished.completedAt.endsWith("+00:00") ? iso.replace("Z", "+00:00") : finished.completedAt.includes(" ") ? iso.replace("T", " ").replace("Z", "") : iso;
    };
    const attempt = database.prepare(
      `INSERT INTO "QuizAttempt" ("id", "profileId", "quizVersion", "status", "startedAt", "updatedAt", "completedAt", "scoringVersion") VALUES (?, ?, ?, 'completed', ?, ?, ?, ?)`,
    );
    const score = database.prepare(
      `INSERT INTO "StrategyScore" ("id", "attemptId", "strategy", "score", "band", "answered", "total") VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
    database.transaction(() => {
      for (let n = 1; n <= count; n++) {
        const id = randomUUID();
        const at = stored(latest - n * WEEK);
        attempt.run(id, finished.profileId, finished.quizVersion, at, at, at, finished.scoringVersion);
        // Control swings between low and high every few weeks; the rest stay as they were.
        const swing = Math.floor(n / 3) % 2 === 0 ? 20 : 80;
        for (const s of scores) {
          const value = s.strategy === "control" ? swing : s.score;
          const band = s.strategy === "control" ? (swing >= 65 ? "high" : "low") : s.band;
          score.run(randomUUID(), id, s.strategy, value, band, s.answered, s.total);
        }
      }
    })();
  } finally {
    database.close();
  }
}

async function axeLightAndDark(page: Page, url: string, label: string) {
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    await page.goto(url);
    await expectNoAxeViolations(page, `${label} (${colorScheme})`);
  }
}

test("with 500 results, /me shows the ten newest, charts an evenly spread 16 and says so, and every result is a page away", async ({ browser }) => {
  const page = await newPage(browser);
  const latest = await finishQuiz(page, () => 3, server);
  addEarlierResults(latest, 499);

  await page.goto("/me");
  const results = page.locator("section", { has: page.getByRole("heading", { name: "Your quiz results" }) });
  await expect(results.getByRole("listitem")).toHaveCount(10);
  await expect(results.locator("details")).toHaveCount(0);
  await expect(results.getByRole("listitem").first()).toContainText("Result 500");
  await expect(page.getByText(/showing 16 of 500 results, evenly spread/)).toBeVisible();
  const chart = page.locator('svg[data-strategy="control"]');
  await expect(chart.locator("circle[data-score]")).toHaveCount(16);
  await expect(chart).toHaveAttribute("aria-label", /^[^:]+ across 16 of your 500 results, evenly spread, oldest first/);
  // The compare choices are the ten newest, not all 500 twice.
  await expect(page.getByLabel("Earlier result").locator("option")).toHaveCount(10);
  // Nothing per result hidden in the page: the HTML stays small.
  const html = await (await page.request.get("/me")).text();
  expect(html.length).toBeLessThan(400_000);

  await axeLightAndDark(page, "/me", "/me with 500 results");
  await saveScreenshots(page, "/me", "long-history-me", "light");

  // All results, ten to a page, with plain links between pages (no script needed).
  await page.goto("/me");
  await page.getByRole("link", { name: "See all 500 results" }).click();
  await expect(page).toHaveURL("/me/results");
  await expect(page.getByText("Results 500 to 491 of 500, page 1 of 50")).toBeVisible();
  await page.getByRole("link", { name: "Older results" }).click();
  await expect(page).toHaveURL("/me/results?page=2");
  await expect(page.getByText("Results 490 to 481 of 500, page 2 of 50")).toBeVisible();
  await axeLightAndDark(page, "/me/results?page=2", "/me/results, page 2");
  await saveScreenshots(page, "/me/results?page=2", "long-history-results", "light");
  await saveScreenshots(page, "/me/results?page=2", "long-history-results", "dark");
  expect((await page.goto("/me/results?page=51"))?.status()).toBe(404);
  expect((await page.goto("/me/results?page=abc"))?.status()).toBe(404);

  // An old result beside the latest: exactly those two, by link.
  await page.goto("/me/results?page=50");
  await page.getByRole("link", { name: "Compare Result 1 with your latest" }).click();
  await expect(page).toHaveURL(new RegExp(`/me/compare\\?from=[^&]+&to=${latest}$`));
  await expect(page.getByRole("heading", { name: "Two results side by side" })).toBeVisible();
  await expect(page.getByRole("table", { name: /and the change/ })).toBeVisible();

  // Without JavaScript the pages work the same.
  const plain = await browser.newPage({ baseURL: server!.url, javaScriptEnabled: false, storageState: await page.context().storageState() });
  await plain.goto("/me/results?page=2");
  await plain.getByRole("link", { name: "Newer results" }).click();
  await expect(plain).toHaveURL("/me/results");
  await plain.close();
});

test("any two results, on different pages, can be chosen from the list of all and compared, without JavaScript", async ({ browser }) => {
  const page = await newPage(browser);
  const latest = await finishQuiz(page, () => 3, server);
  addEarlierResults(latest, 24); // 25 results: pages of 10, 10 and 5
  const plain = await browser.newPage({ baseURL: server!.url, javaScriptEnabled: false, storageState: await page.context().storageState() });
  const box = (title: string) => plain.getByRole("checkbox", { name: `Choose ${title} to compare` });
  const dateOf = (title: string) => plain.locator("li", { has: box(title) }).locator("time").innerText();
  const compare = plain.getByRole("button", { name: "Compare the chosen two" });
  const message = plain.locator("#choose-message");

  // The oldest, on the last page: ticked alone, it comes back chosen, and the list says what is missing.
  await plain.goto("/me/results");
  const latestDate = await dateOf("Result 25");
  await plain.getByRole("link", { name: "Oldest" }).click();
  await expect(plain.getByText("Results 5 to 1 of 25, page 3 of 3")).toBeVisible();
  const oldestDate = await dateOf("Result 1");
  await compare.click();
  await expect(message).toHaveText("No result is chosen yet. Tick the box beside two results, then compare them.");
  await box("Result 1").check();
  await compare.click();
  await expect(plain).toHaveURL(/\/me\/results\?page=3&choose=[^&]+&checked=1#choose$/);
  await expect(message).toHaveText(`Result 1 (${oldestDate}) is chosen. Choose one more to compare it with, on this page or another: it stays chosen as you move between pages.`);
  await expect(box("Result 1")).toBeChecked();
  const oneChosen = new URL(plain.url());

  // On the newest page it stays chosen; ticking two more is one too many, and the list says so.
  await plain.getByRole("link", { name: "Newest" }).click();
  await expect(plain.getByText("Results 25 to 16 of 25, page 1 of 3")).toBeVisible();
  const held = plain.getByRole("group", { name: "Chosen on other pages" });
  await expect(held.getByRole("checkbox", { name: `Result 1 (${oldestDate})` })).toBeChecked();
  await box("Result 25").check();
  await box("Result 24").check();
  await compare.click();
  await expect(message).toHaveText("3 results are chosen. Choose exactly two: untick the ones you don’t need.");
  await expect(message).toHaveAttribute("role", "alert");
  const tooMany = new URL(plain.url());
  await box("Result 24").uncheck();
  await compare.click();

  // Exactly those two, side by side, the older first.
  await expect(plain).toHaveURL(new RegExp(`/me/compare\\?from=[^&]+&to=${latest}$`));
  await expect(plain.getByRole("heading", { name: "Two results side by side" })).toBeVisible();
  await expect(plain.getByText(`From ${oldestDate} to ${latestDate}.`, { exact: false })).toBeVisible();
  await expect(plain.getByRole("link", { name: "Result 1", exact: true })).toBeVisible();
  await expect(plain.getByRole("link", { name: "Result 25", exact: true })).toBeVisible();

  // An id that is not one of this person's results leads nowhere.
  expect((await plain.goto(`/me/compare?page=1&choose=${randomUUID()}&choose=${latest}`))?.status()).toBe(404);
  await plain.close();

  // The list with a choice under way, and with one too many, to axe and at phone and desktop widths.
  const oneChosenPath = `${oneChosen.pathname}${oneChosen.search}`;
  const tooManyPath = `${tooMany.pathname}${tooMany.search}`;
  await axeLightAndDark(page, oneChosenPath, "/me/results with one result chosen");
  await axeLightAndDark(page, tooManyPath, "/me/results with three chosen");
  await saveScreenshots(page, oneChosenPath, "long-history-choose-one", "light");
  await saveScreenshots(page, tooManyPath, "long-history-choose-three", "dark");
});

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./support/axe";
import { OwnServer } from "./support/own-server";
import { finishQuiz } from "./support/quiz";
import { saveScreenshots } from "./support/screenshots";
import { freshPostgresDatabase } from "./support/throwaway-postgres";

// "Bring back your data" as people meet it: an export downloaded in one browser, brought back in
// another through /me/import, with and without JavaScript, and from one kind of database to the
// other (SQLite → PostgreSQL → SQLite), every row accounted for.

type ExportFile = {
  quizAttempts: { id: string; status: string; startedAt: string }[];
  lessonProgress: { updatedAt: string }[];
  reflections: unknown[];
  practiceEntries: { id: string }[];
};

/** What must travel: everything but ids, sessions, the profile and when the file was made. */
function portable(text: string) {
  const file = JSON.parse(text) as ExportFile;
  return {
    results: file.quizAttempts
      .filter((attempt) => attempt.status === "completed")
      .map(({ id: _id, ...attempt }) => attempt)
      .sort((a, b) => a.startedAt.localeCompare(b.startedAt)),
    lessonProgress: file.lessonProgress.map(({ updatedAt: _updatedAt, ...progress }) => progress),
    reflections: file.reflections,
    practiceEntries: file.practiceEntries.map(({ id: _id, ...entry }) => entry),
  };
}

/** A history on the page's server: two finished results and a lesson read to step 2. */
async function makeHistory(page: Page) {
  await finishQuiz(page, (index) => 1 + (index % 5));
  await finishQuiz(page, (index) => 1 + ((index * 2) % 5));
  const recorded = page.waitForResponse((response) => response.url().includes("/progress") && response.request().method() !== "GET");
  await page.goto("/lessons/the-trade-off/2");
  await recorded;
}

/** Downloads "everything" from My journey, as a person would, and returns the file's path. */
async function downloadEverything(page: Page, base = ""): Promise<string> {
  await page.goto(`${base}/me`);
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download everything" }).click();
  return (await download).path();
}

async function bringBack(page: Page, file: string | { name: string; mimeType: string; buffer: Buffer }, base = "") {
  await page.goto(`${base}/me/import`);
  await page.getByLabel("Your export file").setInputFiles(file);
  await page.getByRole("button", { name: "Bring it back" }).click();
  await expect(page).toHaveURL(/\/me\/import\?/);
}

async function resultLinks(page: Page, base = "") {
  await page.goto(`${base}/me/results`);
  return page.locator('main li > a[href^="/results/"]').count();
}

async function newPage(browser: Browser, options: { javaScriptEnabled?: boolean } = {}) {
  const context = await browser.newContext({ baseURL: test.info().project.use.baseURL, ...options });
  return context.newPage();
}

test("an export comes back in another browser; the same file twice changes nothing; an edited file changes nothing", async ({ page, browser }) => {
  test.setTimeout(120_000);
  await makeHistory(page);
  const file = await downloadEverything(page);

  const other = await newPage(browser);
  await other.goto("/me/import");
  await expect(other.getByRole("heading", { level: 1 })).toHaveText("Bring back your data");
  await expect(other.getByText("Nothing is saved in this browser yet: a guest profile will be made to hold it.")).toBeVisible();
  for (const colorScheme of ["light", "dark"] as const) {
    await other.emulateMedia({ colorScheme });
    await other.reload();
    await expectNoAxeViolations(other, `/me/import (${colorScheme})`);
  }
  await saveScreenshots(other, "/me/import", "import-empty", "light");

  await bringBack(other, file);
  const status = other.getByRole("status");
  await expect(status).toContainText("Your data is back");
  await expect(status).toContainText("2 quiz results added");
  await expect(status).toContainText("Your place in 1 lesson brought forward");
  await expectNoAxeViolations(other, "/me/import after an import");
  await saveScreenshots(other, new URL(other.url()).pathname + new URL(other.url()).search, "import-done", "dark");
  expect(await resultLinks(other)).toBe(2);

  await bringBack(other, file);
  await expect(other.getByRole("status")).toContainText("2 quiz results were already here, so left as they are");
  await expect(other.getByRole("status")).not.toContainText("added");
  expect(await resultLinks(other)).toBe(2);

  // Edited by hand: an answer of 9. Refused beside the field; nothing changes.
  const edited = JSON.parse(readFileSync(file, "utf8")) as { quizAttempts: { answers: { value: number }[] }[] };
  edited.quizAttempts[0]!.answers[0]!.value = 9;
  await bringBack(other, { name: "edited.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(edited)) });
  const field = other.getByLabel("Your export file");
  await expect(field).toHaveAttribute("aria-invalid", "true");
  await expect(field).toHaveAccessibleDescription(/doesn’t follow the export format, so it may have been edited or damaged\. Nothing was imported\./);
  await expect(other.getByRole("status")).toHaveCount(0);
  await expectNoAxeViolations(other, "/me/import with a refused file");
  await saveScreenshots(other, new URL(other.url()).pathname + new URL(other.url()).search, "import-refused", "light");
  expect(await resultLinks(other)).toBe(2);

  // Not an export at all, and a newer format: each says so.
  await bringBack(other, { name: "notes.json", mimeType: "application/json", buffer: Buffer.from('{"hello": "world"}') });
  await expect(field).toHaveAccessibleDescription(/isn’t a Drawbridge export/);
  const newer = { ...JSON.parse(readFileSync(file, "utf8")), formatVersion: 2 };
  await bringBack(other, { name: "newer.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(newer)) });
  await expect(field).toHaveAccessibleDescription(/made by a newer version of Drawbridge \(format 2\)/);
  expect(await resultLinks(other)).toBe(2);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the import form is a plain form post that brings the file back", async ({ page, browser }) => {
    const maker = await newPage(browser, { javaScriptEnabled: true }); // the history is made as usual
    await makeHistory(maker);
    const file = await downloadEverything(maker);

    await bringBack(page, file);
    await expect(page.getByRole("status")).toContainText("2 quiz results added");
    expect(await resultLinks(page)).toBe(2);
  });
});

test("SQLite → PostgreSQL → SQLite: exported on one kind of database, brought back on a fresh one of the other, every row accounted for", async ({ page, browser }) => {
  test.setTimeout(240_000);
  const postgres = await freshPostgresDatabase("drawbridge_import");
  test.skip(!postgres, "No PostgreSQL: set TEST_POSTGRES_URL or install Debian's postgresql.");
  const dir = mkdtempSync(path.join(tmpdir(), "drawbridge-import-"));
  const servers: OwnServer[] = [];
  try {
    const [onPostgres, onSqlite] = await Promise.all([
      OwnServer.start(postgres!.url, path.join(dir, "pg")),
      OwnServer.start(`file:${path.join(dir, "fresh.db")}`, path.join(dir, "sqlite")),
    ]);
    servers.push(onPostgres, onSqlite);

    await makeHistory(page); // on the suite's own SQLite server
    const first = readFileSync(await downloadEverything(page), "utf8");

    const there = await newPage(browser);
    const firstPath = path.join(dir, "first.json");
    writeFileSync(firstPath, first);
    await bringBack(there, firstPath, onPostgres.url);
    await expect(there.getByRole("status")).toContainText("2 quiz results added");
    const second = readFileSync(await downloadEverything(there, onPostgres.url), "utf8");
    expect(portable(second)).toEqual(portable(first));

    const back = await newPage(browser);
    const secondPath = path.join(dir, "second.json");
    writeFileSync(secondPath, second);
    await bringBack(back, secondPath, onSqlite.url);
    await expect(back.getByRole("status")).toContainText("2 quiz results added");
    const third = readFileSync(await downloadEverything(back, onSqlite.url), "utf8");
    expect(portable(third)).toEqual(portable(first));
    const counts = portable(third);
    console.log(
      `import: SQLite → PostgreSQL → SQLite kept ${counts.results.length} results (${counts.results.reduce((n, r) => n + (r as unknown as { answers: unknown[] }).answers.length, 0)} answers), ${counts.lessonProgress.length} lesson(s) of progress`,
    );
  } finally {
    await Promise.all(servers.map((server) => server.stop()));
    await postgres!.drop();
    rmSync(dir, { recursive: true, force: true });
  }
});

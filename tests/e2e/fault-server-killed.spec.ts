// Fault test: the server is killed (SIGKILL: nothing flushes, nothing says goodbye) in the
// middle of a quiz and started again. Every answer the browser was told was saved is still
// there, and the quiz resumes at the first question left unanswered.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import Database from "better-sqlite3";
import { OwnServer } from "./support/own-server";
import { expectQuestion, items, scaleLabels } from "./support/quiz";

const ACKNOWLEDGED_FIRST = 12; // answered one by one, each save awaited
const IN_FLIGHT = 4; // answered quickly just before the kill; saved or not, never half-saved

const valueFor = (index: number) => 1 + ((index * 2) % 5);

test.describe.configure({ timeout: 120_000 });

let dir: string;
let server: OwnServer | undefined;

test.beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "drawbridge-killed-"));
  server = await OwnServer.start(`file:${path.join(dir, "app.db")}`, dir);
});

test.afterAll(async () => {
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

function storedAnswers(attemptId: string): Map<string, number> {
  const file = new Database(path.join(dir, "app.db"), { readonly: true });
  try {
    const rows = file.prepare(`SELECT "itemId", "value" FROM "QuizAnswer" WHERE "attemptId" = ?`).all(attemptId) as {
      itemId: string;
      value: number;
    }[];
    return new Map(rows.map((row) => [row.itemId, row.value]));
  } finally {
    file.close();
  }
}

test("after kill -9 mid-quiz and a restart, every acknowledged answer is kept and the quiz resumes where it stopped", async ({ page }) => {
  const app = server!;
  const acknowledged = new Map<string, number>();
  page.on("response", (response) => {
    const match = /\/api\/quiz\/attempts\/[^/]+\/answers\/([^/?]+)$/.exec(new URL(response.url()).pathname);
    if (match && response.request().method() === "PUT" && response.status() === 200) {
      acknowledged.set(decodeURIComponent(match[1]!), (response.request().postDataJSON() as { value: number }).value);
    }
  });

  await page.goto(`${app.url}/quiz`);
  await page.getByRole("button", { name: "Start the quiz" }).click();
  await expectQuestion(page, 1);
  const attemptId = new URL(page.url()).pathname.split("/")[2]!;

  for (let index = 0; index < ACKNOWLEDGED_FIRST; index++) {
    await expectQuestion(page, index + 1);
    const saved = page.waitForResponse((response) => response.request().method() === "PUT" && response.ok());
    await page.getByText(scaleLabels[valueFor(index) - 1]!, { exact: true }).click();
    await page.getByRole("button", { name: "Next" }).click();
    await saved;
  }
  for (let index = ACKNOWLEDGED_FIRST; index < ACKNOWLEDGED_FIRST + IN_FLIGHT; index++) {
    await expectQuestion(page, index + 1);
    await page.getByText(scaleLabels[valueFor(index) - 1]!, { exact: true }).click();
    await page.getByRole("button", { name: "Next" }).click();
  }
  await app.kill("SIGKILL");
  const acknowledgedAtKill = new Map(acknowledged);
  expect(acknowledgedAtKill.size).toBeGreaterThanOrEqual(ACKNOWLEDGED_FIRST);

  await app.restart();
  await page.goto(`${app.url}/quiz`);
  const stored = storedAnswers(attemptId);
  for (const [itemId, value] of acknowledgedAtKill) {
    expect(stored.get(itemId), `acknowledged answer to ${itemId} survived the kill`).toBe(value);
  }
  // Whatever else landed is an answer the visitor gave, in order: no gaps, no strangers.
  for (const [itemId, value] of stored) {
    const index = items.findIndex((item) => item.id === itemId);
    expect(index, `${itemId} is a quiz item`).toBeGreaterThanOrEqual(0);
    expect(index, `${itemId} was answered`).toBeLessThan(ACKNOWLEDGED_FIRST + IN_FLIGHT);
    expect(value).toBe(valueFor(index));
  }
  const firstUnanswered = items.findIndex((item) => !stored.has(item.id));
  expect(firstUnanswered).toBe(stored.size);

  await expect(page.getByText(`You’ve answered ${stored.size} of ${items.length}`)).toBeVisible();
  await page.getByRole("link", { name: "Continue where you left off" }).click();
  await expectQuestion(page, firstUnanswered + 1);
  for (let position = firstUnanswered; position >= 1; position--) {
    await page.getByRole("link", { name: "Back" }).click();
    await expectQuestion(page, position);
    await expect(page.getByRole("radio", { name: scaleLabels[valueFor(position - 1) - 1] })).toBeChecked();
  }
  console.log(
    `fault: server killed with SIGKILL after ${acknowledgedAtKill.size} acknowledged answers ` +
      `(${ACKNOWLEDGED_FIRST + IN_FLIGHT} given); ${acknowledgedAtKill.size} of ${acknowledgedAtKill.size} kept, ` +
      `${stored.size} stored, resumed at question ${firstUnanswered + 1}`,
  );
});

// Fault test: PostgreSQL stops under the running app and starts again. Meanwhile health says
// 503 with a reason and pages show the friendly error page (never a stack); afterwards health
// is 200 and saves work again, without restarting the app.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { OwnServer } from "./support/own-server";
import { expectQuestion, items, scaleLabels } from "./support/quiz";
import { postgresBinDir, ThrowawayPostgres } from "./support/throwaway-postgres";

const ANSWERED_BEFORE = 3;
const valueFor = (index: number) => 1 + ((index * 3) % 5);

test.describe.configure({ timeout: 180_000 });

const bin = postgresBinDir();
let postgres: ThrowawayPostgres | undefined;
let server: OwnServer | undefined;
let dataDir: string | undefined;

test.beforeAll(async () => {
  if (!bin) {
    console.log("fault: PostgreSQL outage test skipped: no PostgreSQL binaries under /usr/lib/postgresql (apt-get install postgresql)");
    return;
  }
  postgres = await ThrowawayPostgres.create(bin);
  dataDir = mkdtempSync(path.join(tmpdir(), "drawbridge-pg-app-"));
  server = await OwnServer.start(postgres.url, dataDir);
});

test.afterAll(async () => {
  await server?.stop();
  postgres?.destroy();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

async function answer(page: Page, index: number) {
  await expectQuestion(page, index + 1);
  const saved = page.waitForResponse((response) => response.request().method() === "PUT" && response.ok());
  await page.getByText(scaleLabels[valueFor(index) - 1]!, { exact: true }).click();
  await page.getByRole("button", { name: index === items.length - 1 ? "See my results" : "Next" }).click();
  await saved;
}

test("with PostgreSQL stopped, health is 503 and pages apologise; once it is back, saves work without restarting the app", async ({ page, request }) => {
  test.skip(!bin, "no PostgreSQL binaries under /usr/lib/postgresql");
  const app = server!;
  const db = postgres!;
  const appPid = app.pid;

  await page.goto(`${app.url}/quiz`);
  await page.getByRole("button", { name: "Start the quiz" }).click();
  for (let index = 0; index < ANSWERED_BEFORE; index++) await answer(page, index);
  const attemptId = new URL(page.url()).pathname.split("/")[2]!;
  expect((await request.get(`${app.url}/api/health`)).status()).toBe(200);

  db.stop();
  let healthChecks = 0;
  await expect
    .poll(async () => {
      healthChecks++;
      return (await request.get(`${app.url}/api/health`)).status();
    })
    .toBe(503);
  const health = await request.get(`${app.url}/api/health`);
  expect(health.status()).toBe(503);
  const body = (await health.json()) as { reason?: unknown };
  expect(typeof body.reason === "string" && body.reason.length > 0, "health says why").toBe(true);

  const pagesTried = ["/quiz", "/me", `/quiz/${attemptId}/${ANSWERED_BEFORE + 1}`];
  for (const pathname of pagesTried) {
    await page.goto(`${app.url}${pathname}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Something went wrong on our side");
    const text = await page.locator("body").innerText();
    expect(text, `${pathname} shows no error details`).not.toMatch(/\n\s+at |PrismaClient|ECONNREFUSED|Error:|prisma|postgres/i);
  }
  const lostSave = await request.put(`${app.url}/api/quiz/attempts/${attemptId}/answers/${items[ANSWERED_BEFORE]!.id}`, {
    data: { value: 3 },
  });
  expect(lostSave.ok(), "a save during the outage is not acknowledged").toBe(false);

  db.start();
  await expect.poll(async () => (await request.get(`${app.url}/api/health`)).status(), { timeout: 30_000 }).toBe(200);
  expect(app.pid, "the app was not restarted").toBe(appPid);

  await page.goto(`${app.url}/quiz`);
  await expect(page.getByText(`You’ve answered ${ANSWERED_BEFORE} of ${items.length}`)).toBeVisible();
  await page.getByRole("link", { name: "Continue where you left off" }).click();
  await answer(page, ANSWERED_BEFORE);
  await page.goto(`${app.url}/quiz`);
  await expect(page.getByText(`You’ve answered ${ANSWERED_BEFORE + 1} of ${items.length}`)).toBeVisible();

  console.log(
    `fault: PostgreSQL stopped and started under the running app: 503 after ${healthChecks} health check(s), ` +
      `friendly page on ${pagesTried.length} pages, 1 save refused during the outage, ` +
      `${ANSWERED_BEFORE} answers kept and 1 saved after recovery, app not restarted`,
  );
});

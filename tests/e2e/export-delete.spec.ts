import { readFile } from "node:fs/promises";
import path from "node:path";
import { expect, test, type BrowserContext, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./support/axe";
import { items } from "./support/quiz";
import { saveScreenshots, screenshotDir, screenshotWidths } from "./support/screenshots";

const reflectionStep = "/lessons/the-pattern-from-inside/5";
const answers = [4, 2, 5] as const;

/** Opens the lesson step with a reflection prompt; waits until the visit is recorded and any saved answer fetched. */
async function openReflectionStep(page: Page) {
  const recorded = page.waitForResponse((response) => response.url().includes("/progress") && response.ok());
  const fetched = page.waitForResponse((response) => response.url().includes("/reflections") && response.ok());
  await page.goto(reflectionStep);
  await Promise.all([recorded, fetched]);
}

/** A guest writes a reflection and answers the first three quiz questions. Returns the attempt's id. */
async function useDrawbridge(page: Page, reflection: string): Promise<string> {
  await openReflectionStep(page);
  await page.getByRole("textbox").fill(reflection);
  await expect(page.getByRole("status")).toHaveText("Saved");

  await page.goto("/quiz");
  await page.getByRole("button", { name: "Start the quiz" }).click();
  await expect(page).toHaveURL(/\/quiz\/[^/]+\/1$/);
  const attemptId = new URL(page.url()).pathname.split("/")[2]!;
  for (const [index, value] of answers.entries()) {
    const saved = await page.request.put(`/api/quiz/attempts/${attemptId}/answers/${items[index]!.id}`, { data: { value } });
    expect(saved.ok()).toBe(true);
  }
  return attemptId;
}

const hasSession = async (context: BrowserContext) =>
  (await context.cookies()).some((cookie) => cookie.name.includes("drawbridge.session_token"));

const confirmationBox = (page: Page) => page.getByLabel("To confirm, type the word delete");

test.describe.configure({ timeout: 90_000 });

test("exports everything as JSON, keeps it all after a wrong word, and deletes it all after 'delete'", async ({ page, context, browser }) => {
  const reflection = "I went quiet when he asked what was wrong.";
  const attemptId = await useDrawbridge(page, reflection);

  await page.goto("/me/delete");
  await expect(page).toHaveTitle("Delete everything · Drawbridge");
  const whatGoes = page.getByRole("list").filter({ hasText: "1 reflection" });
  await expect(whatGoes).toContainText("The answers of 1 quiz you haven’t finished");
  await expect(whatGoes).toContainText("Your place in 1 lesson");

  // The export: a file download from a plain link.
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download my data" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^drawbridge-export-\d{4}-\d{2}-\d{2}\.json$/);
  const exported = JSON.parse(await readFile((await download.path())!, "utf8"));
  expect(exported).toMatchObject({ format: "drawbridge-export", formatVersion: 1, profile: { kind: "guest" } });
  expect(exported.profile).not.toHaveProperty("email");
  expect(exported.reflections).toEqual([
    expect.objectContaining({ lessonSlug: "the-pattern-from-inside", promptId: expect.any(String), text: reflection }),
  ]);
  expect(exported.quizAttempts).toHaveLength(1);
  expect(exported.quizAttempts[0]).toMatchObject({ id: attemptId, status: "in_progress", completedAt: null, scores: [] });
  expect(exported.quizAttempts[0].answers.map(({ itemId, value }: { itemId: string; value: number }) => [itemId, value])).toEqual(
    answers.map((value, index) => [items[index]!.id, value]),
  );
  expect(exported.lessonProgress).toEqual([expect.objectContaining({ lessonSlug: "the-pattern-from-inside", stepReached: 5 })]);
  const response = await page.request.get("/api/me/export");
  expect(response.headers()).toMatchObject({
    "content-type": "application/json; charset=utf-8",
    "cache-control": "no-store",
    "content-disposition": expect.stringMatching(/^attachment; filename="drawbridge-export-\d{4}-\d{2}-\d{2}\.json"$/),
  });

  // A wrong word: said beside the field, and nothing deleted.
  await confirmationBox(page).fill("keep");
  await page.getByRole("button", { name: "Delete everything" }).click();
  await expect(page.locator("form").getByRole("alert")).toHaveText("That isn’t “delete”, so nothing has been deleted. Type the word to confirm.");
  await expect(confirmationBox(page)).toHaveAttribute("aria-invalid", "true");
  await expect(confirmationBox(page)).toHaveValue("keep");
  await expect(page).toHaveURL("/me/delete");
  expect((await page.request.get("/api/me/export")).status()).toBe(200);

  // The word itself, typed straight over the wrong one: everything goes, and the session with it.
  const cookiesBefore = await context.cookies();
  await expect(confirmationBox(page)).toBeFocused();
  await page.keyboard.type("delete");
  await expect(confirmationBox(page)).toHaveValue("delete");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL("/me/deleted");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Everything is deleted");
  await expect(page).toHaveTitle("Everything is deleted · Drawbridge");
  expect(await hasSession(context)).toBe(false);
  const after = await page.request.get("/api/me/export");
  expect(after.status()).toBe(404);
  expect(await after.json()).toEqual({ error: expect.stringContaining("nothing to download") });

  // Even the old cookies, kept and sent again, find nothing: the data is gone, not just forgotten.
  const replay = await browser.newContext();
  await replay.addCookies(cookiesBefore);
  expect((await replay.request.get("/api/me/export")).status()).toBe(404);
  const replayPage = await replay.newPage();
  await replayPage.goto("/me/delete");
  await expect(replayPage.getByRole("heading", { level: 1 })).toHaveText("Nothing to delete");
  expect((await replayPage.goto(`/results/${attemptId}`))?.status()).toBe(404);
  await replay.close();

  await openReflectionStep(page);
  await expect(page.getByRole("textbox")).toHaveValue("");
  await page.goto("/quiz");
  await expect(page.getByRole("button", { name: "Start the quiz" })).toBeVisible(); // no quiz to continue
});

test("with nothing stored, the page says so, and the export is a 404 that creates no profile", async ({ page, context }) => {
  await page.goto("/me/delete");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Nothing to delete");
  await expect(page.getByRole("link", { name: "Go to the home page" })).toHaveAttribute("href", "/");
  await expect(confirmationBox(page)).toHaveCount(0);
  const response = await page.request.get("/api/me/export");
  expect(response.status()).toBe(404);
  expect(response.headers()["content-type"]).toContain("application/json");
  expect(await context.cookies()).toEqual([]);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the confirmation is a plain form post: a wrong word is shown again, the word deletes", async ({ page, context }) => {
    await page.goto(reflectionStep);
    await page.getByRole("textbox").fill("Written without scripts.");
    await page.getByRole("button", { name: "Save reflection" }).click();
    await expect(page.getByRole("status")).toHaveText("Saved");

    await page.goto("/me/delete");
    await expect(page.getByRole("list").filter({ hasText: "1 reflection" })).toBeVisible();
    await page.getByRole("button", { name: "Delete everything" }).click();
    await expect(page.locator("form").getByRole("alert")).toHaveText("Type the word “delete” to confirm. Nothing has been deleted.");
    await confirmationBox(page).fill("delete it");
    await page.getByRole("button", { name: "Delete everything" }).click();
    await expect(page.locator("form").getByRole("alert")).toHaveText("That isn’t “delete”, so nothing has been deleted. Type the word to confirm.");
    await expect(confirmationBox(page)).toHaveValue("delete it");
    expect((await page.request.get("/api/me/export")).status()).toBe(200);

    await confirmationBox(page).fill(" Delete "); // as a phone keyboard might type it
    await page.getByRole("button", { name: "Delete everything" }).click();
    await expect(page).toHaveURL("/me/deleted");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Everything is deleted");
    expect(await hasSession(context)).toBe(false);
    expect((await page.request.get("/api/me/export")).status()).toBe(404);
  });
});

test("the deletion pages pass axe in light and dark; saves screenshots of them on phone and desktop to look at", async ({ page }) => {
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    await page.goto("/me/delete");
    await expectNoAxeViolations(page, `/me/delete, nothing stored (${colorScheme})`);
    await saveScreenshots(page, "/me/delete", "me-delete-empty", colorScheme);
  }

  await useDrawbridge(page, "Enough to have something to delete.");
  await page.goto("/me/deleted"); // not true yet, so not shown
  await expect(page).toHaveURL("/me/delete");
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    await page.goto("/me/delete");
    await expectNoAxeViolations(page, `/me/delete (${colorScheme})`);
    await saveScreenshots(page, "/me/delete", "me-delete", colorScheme);

    await confirmationBox(page).fill("no");
    await page.getByRole("button", { name: "Delete everything" }).click();
    await expect(page.locator("form").getByRole("alert")).toBeVisible();
    await expectNoAxeViolations(page, `/me/delete with a wrong word (${colorScheme})`);
    await expect(confirmationBox(page)).toBeFocused();
    for (const width of Object.values(screenshotWidths)) {
      await page.setViewportSize({ width, height: 900 });
      // From the top: scrolled down to the field, a full-page capture draws the hidden skip link mid-page.
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: path.join(screenshotDir, `me-delete-error-${width}-${colorScheme}.png`), fullPage: true });
    }
  }

  await confirmationBox(page).fill("delete");
  await page.getByRole("button", { name: "Delete everything" }).click();
  await expect(page).toHaveURL("/me/deleted");
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    await page.goto("/me/deleted");
    await expectNoAxeViolations(page, `/me/deleted (${colorScheme})`);
    await saveScreenshots(page, "/me/deleted", "me-deleted", colorScheme);
  }
});

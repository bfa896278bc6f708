import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "./support/axe";
import { expectedScores, expectQuestion, items, scaleLabels, strategyNames } from "./support/quiz";
import { saveScreenshots } from "./support/screenshots";

const pattern = (index: number) => 1 + ((index * 3) % 5);

// Walking all fifty questions, with axe scans and screenshots on the way, takes a while.
test.describe.configure({ timeout: 120_000 });

test("a whole quiz by keyboard alone gives the scores the item keying predicts", async ({ page }) => {
  await page.goto("/quiz");
  await expect(page).toHaveTitle(/Patterns quiz/);
  await page.getByRole("button", { name: "Start the quiz" }).focus();
  await page.keyboard.press("Enter");

  for (const [index] of items.entries()) {
    await expectQuestion(page, index + 1);
    await page.keyboard.press(String(pattern(index)));
    await expect(page.getByRole("radio", { name: scaleLabels[pattern(index) - 1] })).toBeChecked();
    await page.keyboard.press("Enter");
  }

  await expect(page).toHaveURL(/\/results\/[^/]+$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("What seems active for you right now");
  const expected = expectedScores(pattern);
  for (const [strategy, score] of Object.entries(expected)) {
    const row = page.getByRole("row", { name: new RegExp(`^${strategyNames[strategy]}`) });
    await expect(row.getByRole("cell").first()).toHaveText(score);
  }
  await expect(page.getByText("They are not percentiles")).toBeVisible();
  await expect(page.getByRole("link", { name: /Find help/ })).toHaveAttribute("href", "/help");
});

test("the first answer creates a guest session: an httpOnly, SameSite=Lax, Secure, signed cookie", async ({ page, context }) => {
  await page.goto("/quiz");
  expect(await context.cookies()).toEqual([]);
  await page.getByRole("button", { name: "Start the quiz" }).click();
  await expectQuestion(page, 1);
  const [session] = (await context.cookies()).filter((cookie) => cookie.name.includes("drawbridge.session_token"));
  expect(session).toMatchObject({ httpOnly: true, sameSite: "Lax", secure: true });
  expect(decodeURIComponent(session!.value)).toMatch(/^[^.]+\.[^.]+$/); // token.signature
});

test("arrow keys move between answers, and Back shows the earlier answer", async ({ page }) => {
  await page.goto("/quiz");
  await page.getByRole("button", { name: "Start the quiz" }).click();
  await expectQuestion(page, 1);
  await page.getByRole("radio", { name: "Almost never" }).focus();
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowDown");
  await expect(page.getByRole("radio", { name: "Sometimes" })).toBeChecked();
  await page.keyboard.press("Enter");
  await expectQuestion(page, 2);
  await page.getByRole("link", { name: "Back" }).click();
  await expectQuestion(page, 1);
  await expect(page.getByRole("radio", { name: "Sometimes" })).toBeChecked();
});

test("asks for an answer before moving on", async ({ page }) => {
  await page.goto("/quiz");
  await page.getByRole("button", { name: "Start the quiz" }).click();
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.locator("form").getByRole("alert")).toHaveText("Choose the answer that fits best, then go on.");
  await expectQuestion(page, 1);
});

test("a reload halfway resumes at the first unanswered item with every answer kept", async ({ page }) => {
  await page.goto("/quiz");
  await page.getByRole("button", { name: "Start the quiz" }).click();
  for (let index = 0; index < 10; index += 1) {
    await expectQuestion(page, index + 1);
    const saved = page.waitForResponse((response) => response.request().method() === "PUT" && response.ok());
    await page.getByText(scaleLabels[pattern(index) - 1]!, { exact: true }).click();
    await page.getByRole("button", { name: "Next" }).click();
    await saved;
  }
  await page.reload();
  await expectQuestion(page, 11);

  await page.goto("/quiz");
  await expect(page.getByText("You’ve answered 10 of 50")).toBeVisible();
  await page.getByRole("link", { name: "Continue where you left off" }).click();
  await expectQuestion(page, 11);
  for (let position = 10; position >= 1; position -= 1) {
    await page.getByRole("link", { name: "Back" }).click();
    await expectQuestion(page, position);
    await expect(page.getByRole("radio", { name: scaleLabels[pattern(position - 1) - 1] })).toBeChecked();
  }
});

test("someone else's attempt and result are not found", async ({ page, browser }) => {
  await page.goto("/quiz");
  await page.getByRole("button", { name: "Start the quiz" }).click();
  await expectQuestion(page, 1);
  const questionUrl = page.url();

  const stranger = await browser.newContext();
  const other = await stranger.newPage();
  const response = await other.goto(questionUrl);
  expect(response?.status()).toBe(404);
  const attemptId = new URL(questionUrl).pathname.split("/")[2];
  expect((await other.goto(`/results/${attemptId}`))?.status()).toBe(404);
  const put = await other.request.put(`/api/quiz/attempts/${attemptId}/answers/${items[0]!.id}`, { data: { value: 3 } });
  expect(put.status()).toBe(404);
  await stranger.close();
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("answers are plain form posts, errors show beside the question, and the quiz resumes", async ({ page }) => {
    await page.goto("/quiz");
    await page.getByRole("button", { name: "Start the quiz" }).click();
    await expectQuestion(page, 1);
    await page.getByRole("button", { name: "Next" }).click();
    await expect(page.locator("form").getByRole("alert")).toHaveText("Choose the answer that fits best, then go on.");
    await expectQuestion(page, 1);

    for (let index = 0; index < 4; index += 1) {
      await page.getByText(scaleLabels[pattern(index) - 1]!, { exact: true }).click();
      await page.getByRole("button", { name: "Next" }).click();
      await expectQuestion(page, index + 2);
    }
    await page.getByRole("link", { name: "Back" }).click();
    await expectQuestion(page, 4);
    await expect(page.getByRole("radio", { name: scaleLabels[pattern(3) - 1] })).toBeChecked();

    await page.goto("/quiz");
    await page.getByRole("link", { name: "Continue where you left off" }).click();
    await expectQuestion(page, 5);
  });
});

test("the quiz pages pass axe in light and dark; saves screenshots of them on phone and desktop to look at", async ({ page }) => {
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    await page.goto("/quiz");
    await expectNoAxeViolations(page, `/quiz (${colorScheme})`);
  }
  await page.getByRole("button", { name: "Start the quiz" }).click();
  await expectQuestion(page, 1);
  const questionPath = new URL(page.url()).pathname;
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    await page.reload();
    await expectNoAxeViolations(page, `a question (${colorScheme})`);
  }
  await saveScreenshots(page, questionPath, "quiz-question", "light");
  await saveScreenshots(page, questionPath, "quiz-question", "dark");

  for (const [index] of items.entries()) {
    const last = index === items.length - 1;
    const saved = last ? null : page.waitForResponse((response) => response.request().method() === "PUT");
    await page.getByText(scaleLabels[pattern(index) - 1]!, { exact: true }).click();
    await page.getByRole("button", { name: last ? "See my results" : "Next" }).click();
    await saved;
  }
  await expect(page).toHaveURL(/\/results\//);
  const resultsPath = new URL(page.url()).pathname;
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    await page.reload();
    await expectNoAxeViolations(page, `results (${colorScheme})`);
  }
  await saveScreenshots(page, resultsPath, "results", "light");
  await saveScreenshots(page, resultsPath, "results", "dark");
  await saveScreenshots(page, "/quiz", "quiz-start", "light");
});

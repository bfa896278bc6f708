import { expect, test, type Page } from "@playwright/test";
import Database from "better-sqlite3";
import { expectNoAxeViolations } from "./support/axe";
import { expectQuestion, finishQuiz, instruction, items, quizVersion, scaleLabels } from "./support/quiz";
import { runDatabaseFile } from "./support/run-data";
import { saveScreenshots } from "./support/screenshots";

// What someone sees when the quiz is updated while they are part-way through it: a kind word
// that the quiz changed, that their answers are kept with the version they gave them to, and one
// button to start the new version. The shared e2e server's SQLite file (playwright.config.ts)
// stands in for the deploy: the test marks an attempt as begun on the retired version.

const RETIRED = "2026.11-1";

function withDatabase<T>(work: (database: Database.Database) => T): T {
  const database = new Database(runDatabaseFile(), { fileMustExist: true, timeout: 10_000 });
  try {
    return work(database);
  } finally {
    database.close();
  }
}

/** As if the attempt had been begun before the update: it now belongs to the retired version. */
function beganOnRetiredVersion(attemptId: string) {
  const { changes } = withDatabase((database) =>
    database.prepare(`UPDATE "QuizAttempt" SET "quizVersion" = ? WHERE "id" = ?`).run(RETIRED, attemptId),
  );
  expect(changes).toBe(1);
}

function storedAttempt(attemptId: string) {
  return withDatabase((database) => {
    const attempt = database.prepare(`SELECT "quizVersion", "status" FROM "QuizAttempt" WHERE "id" = ?`).get(attemptId);
    const { n } = database.prepare(`SELECT count(*) AS n FROM "QuizAnswer" WHERE "attemptId" = ?`).get(attemptId) as { n: number };
    return { ...(attempt as { quizVersion: string; status: string }), answers: n };
  });
}

async function startQuiz(page: Page): Promise<string> {
  await page.goto("/quiz");
  await page.getByRole("button", { name: /^(Start the quiz|Start over|Start the new version)$/ }).click();
  await expectQuestion(page, 1);
  return new URL(page.url()).pathname.split("/")[2]!;
}

async function expectQuizUpdated(page: Page, answered: number) {
  await expect(page.getByRole("heading", { name: "The quiz has been updated" })).toBeVisible();
  await expect(page.getByText(`The ${answered} answers you gave are kept with the earlier version. Nothing has been deleted.`)).toBeVisible();
  await expect(page.getByRole("button", { name: "Start the new version" })).toBeVisible();
  await expect(page.getByRole("radio")).toHaveCount(0);
}

test("the instruction comes before the first statement and stays on every question in small type", async ({ page }) => {
  await page.goto("/quiz");
  await expect(page.getByText(instruction)).toBeVisible();
  await expect(page.getByText("from “Almost never” to “Almost always”")).toBeVisible();
  await startQuiz(page);
  await expect(page.getByText(instruction)).toBeVisible();
  // Read with the first statement by a screen reader.
  await expect(page.getByRole("group", { name: items[0]!.text })).toHaveAccessibleDescription(new RegExp(`^${instruction.replace(/[()?]/g, "\\$&")}`));
  await page.keyboard.press("3");
  await page.keyboard.press("Enter");
  await expectQuestion(page, 2);
  const small = page.getByText(instruction);
  await expect(small).toBeVisible();
  await expect(small).toHaveClass(/text-sm/);
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    await page.reload();
    await expectQuestion(page, 2);
    await expectNoAxeViolations(page, `question 2 with the instruction (${colorScheme})`);
  }
  const questionPath = new URL(page.url()).pathname;
  await saveScreenshots(page, questionPath, "quiz-question-2", "light");
  await page.goto(questionPath.replace(/\/2$/, "/1"));
  await saveScreenshots(page, questionPath.replace(/\/2$/, "/1"), "quiz-question-1", "light");
  await saveScreenshots(page, "/quiz", "quiz-start-instruction", "dark");
});

test("a page open since before the update: the next answer explains, keeps the answers and offers the new version", async ({ page }) => {
  // A long journey: four pages scanned with axe in light and dark, eight screenshots. It took
  // over 30 s once on a CI machine running two workers; it is not waiting on anything slow.
  test.setTimeout(90_000);
  const oldId = await startQuiz(page);
  for (let position = 1; position <= 3; position += 1) {
    const saved = page.waitForResponse((response) => response.request().method() === "PUT" && response.ok());
    await page.keyboard.press(String(position));
    await page.keyboard.press("Enter");
    await saved;
    await expectQuestion(page, position + 1);
  }
  beganOnRetiredVersion(oldId);

  // The page moves on at once; the save is refused with a reason, and the page reloads to explain.
  const refused = page.waitForResponse((response) => response.request().method() === "PUT");
  await page.keyboard.press("4");
  await page.keyboard.press("Enter");
  const response = await refused;
  expect(response.status()).toBe(409); // its reason is checked in the next test; the page has reloaded already
  await expectQuizUpdated(page, 3);
  expect(page.url()).toMatch(new RegExp(`/quiz/${oldId}/\\d+$`));
  expect(storedAttempt(oldId)).toEqual({ quizVersion: RETIRED, status: "in_progress", answers: 3 });

  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    await page.reload();
    await expectNoAxeViolations(page, `the quiz-updated notice on a question (${colorScheme})`);
  }
  const noticePath = new URL(page.url()).pathname;
  await saveScreenshots(page, noticePath, "quiz-updated-question", "light");
  await saveScreenshots(page, noticePath, "quiz-updated-question", "dark");

  // /quiz says the same, and a results address (where an older page sent a refused save) leads back here.
  await page.goto("/quiz");
  await expectQuizUpdated(page, 3);
  await expect(page.getByRole("link", { name: "Continue where you left off" })).toHaveCount(0);
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    await page.reload();
    await expectNoAxeViolations(page, `/quiz with the quiz-updated notice (${colorScheme})`);
  }
  await saveScreenshots(page, "/quiz", "quiz-updated-start", "light");
  await page.goto(`/results/${oldId}`);
  await expect(page).toHaveURL(`/quiz/${oldId}/1`);
  await expectQuizUpdated(page, 3);

  await page.getByRole("button", { name: "Start the new version" }).click();
  await expectQuestion(page, 1);
  await expect(page.getByText(instruction)).toBeVisible();
  const newId = new URL(page.url()).pathname.split("/")[2]!;
  expect(newId).not.toBe(oldId);
  expect(storedAttempt(newId)).toEqual({ quizVersion, status: "in_progress", answers: 0 });
  expect(storedAttempt(oldId)).toEqual({ quizVersion: RETIRED, status: "in_progress", answers: 3 });
  // Back on /quiz, the new attempt is the one to continue.
  await page.goto("/quiz");
  await expect(page.getByRole("heading", { name: "The quiz has been updated" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Continue where you left off" })).toBeVisible();
});

test("a save through the answers API on an old attempt is refused with a reason, nothing changed", async ({ page }) => {
  const oldId = await startQuiz(page);
  expect((await page.request.put(`/api/quiz/attempts/${oldId}/answers/${items[0]!.id}`, { data: { value: 2 } })).status()).toBe(200);
  beganOnRetiredVersion(oldId);
  const refused = await page.request.put(`/api/quiz/attempts/${oldId}/answers/${items[1]!.id}`, { data: { value: 4 } });
  expect(refused.status()).toBe(409);
  expect(await refused.json()).toMatchObject({ reason: "quiz-updated", quizVersion: RETIRED, error: expect.stringMatching(/updated/) });
  expect(storedAttempt(oldId)).toEqual({ quizVersion: RETIRED, status: "in_progress", answers: 1 });
});

test("a result scored on the earlier version stays readable on its page and on /me", async ({ page }) => {
  const id = await finishQuiz(page, (index) => 1 + (index % 5));
  beganOnRetiredVersion(id);
  await page.goto(`/results/${id}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("What seems active for you right now");
  await expect(page.getByRole("row")).not.toHaveCount(0);
  await page.goto("/me");
  await expect(page.locator(`a[href="/results/${id}"]`).first()).toBeVisible();
  expect(storedAttempt(id)).toMatchObject({ quizVersion: RETIRED, status: "completed" });
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the form post of an old attempt shows the explanation, and the new version starts", async ({ page }) => {
    const oldId = await startQuiz(page);
    await expect(page.getByText(instruction)).toBeVisible();
    await page.getByText(scaleLabels[1]!, { exact: true }).click();
    await page.getByRole("button", { name: "Next" }).click();
    await expectQuestion(page, 2);
    beganOnRetiredVersion(oldId);

    await page.getByText(scaleLabels[3]!, { exact: true }).click();
    await page.getByRole("button", { name: "Next" }).click();
    await expect(page.getByRole("heading", { name: "The quiz has been updated" })).toBeVisible();
    await expect(page.getByText("The one answer you gave is kept with the earlier version. Nothing has been deleted.")).toBeVisible();
    expect(storedAttempt(oldId)).toEqual({ quizVersion: RETIRED, status: "in_progress", answers: 1 });

    await page.getByRole("button", { name: "Start the new version" }).click();
    await expectQuestion(page, 1);
    const newId = new URL(page.url()).pathname.split("/")[2]!;
    expect(newId).not.toBe(oldId);
    expect(storedAttempt(oldId).answers).toBe(1);
  });
});

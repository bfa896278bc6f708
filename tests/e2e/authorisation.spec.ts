import { expect, test, type Page } from "@playwright/test";
import { expectedScores, finishQuiz, items } from "./support/quiz";

// Profile B, in its own browser, tries every page, route and action that takes an id on
// profile A's quiz attempts, results, reflections and practice entries. Every try is a 404,
// and afterwards A finds everything exactly as it was.

test.describe.configure({ timeout: 120_000 });

const firstPattern = (index: number) => 1 + (index % 5);
const secondPattern = (index: number) => 5 - (index % 5);
const reflection = "I kept the conversation light on purpose.";
const practice = {
  practisedOn: new Date().toISOString().slice(0, 10),
  whatHappened: "My sister asked about the weekend.",
  whatNoticed: "I wanted to keep it vague.",
  whatYouDid: "I told her the real plan.",
};

async function scoreCells(page: Page) {
  return page.getByRole("table").first().getByRole("row").allInnerTexts();
}

test("another profile gets 404 on every id of someone else's, and changes nothing", async ({ page, browser }) => {
  // A: two finished attempts, an unfinished one, a reflection and a practice entry.
  const first = await finishQuiz(page, firstPattern);
  const second = await finishQuiz(page, secondPattern);
  const resultBefore = await scoreCells(page);
  await page.goto("/quiz");
  await page.getByRole("button", { name: "Start the quiz" }).click();
  await expect(page).toHaveURL(/\/quiz\/[^/]+\/1$/);
  const open = new URL(page.url()).pathname.split("/")[2]!;
  expect((await page.request.put(`/api/quiz/attempts/${open}/answers/${items[0]!.id}`, { data: { value: 2 } })).ok()).toBe(true);
  await page.goto("/lessons/the-pattern-from-inside/5");
  await page.getByRole("textbox").fill(reflection);
  await expect(page.getByRole("status")).toHaveText("Saved", { timeout: 15_000 });
  const created = await page.request.post("/api/practice/catching-the-reflex/entries", { data: practice });
  expect(created.status()).toBe(201);
  const entryId = ((await created.json()) as { entry: { id: string } }).entry.id;

  // B: a separate browser with a guest profile of its own.
  const otherContext = await browser.newContext({ javaScriptEnabled: true });
  const other = await otherContext.newPage();
  await other.goto("/lessons/the-pattern-from-inside/5");
  await other.getByRole("textbox").fill("B's own words.");
  await expect(other.getByRole("status")).toHaveText("Saved", { timeout: 15_000 });

  const pages = [
    `/quiz/${open}/1`,
    `/quiz/${open}/2`,
    `/quiz/${first}/${items.length}`,
    `/results/${first}`,
    `/results/${second}`,
    `/me/compare?from=${first}&to=${second}`,
    `/me/compare?from=${first}&to=${first}`,
    // Chosen from the list of all results: the pair, or one held while the pages change.
    `/me/compare?page=1&choose=${first}&choose=${second}`,
    `/me/results?choose=${first}`,
  ];
  for (const path of pages) expect((await other.goto(path))?.status(), path).toBe(404);

  const api = other.request;
  const refusals = [
    await api.put(`/api/quiz/attempts/${open}/answers/${items[1]!.id}`, { data: { value: 5 } }),
    await api.put(`/api/quiz/attempts/${first}/answers/${items[0]!.id}`, { data: { value: 5 } }),
    await api.put(`/api/practice/entries/${entryId}`, { data: { ...practice, whatYouDid: "Overwritten by B" } }),
    await api.delete(`/api/practice/entries/${entryId}`),
  ];
  for (const response of refusals) expect(response.status(), response.url()).toBe(404);

  // Lists and the export are B's own: nothing of A's in them.
  const listed = JSON.stringify([
    await (await api.get("/api/practice/catching-the-reflex/entries")).json(),
    await (await api.get("/api/lessons/the-pattern-from-inside/reflections")).json(),
  ]);
  expect(listed).not.toContain(entryId);
  expect(listed).not.toContain(reflection);
  const exported = await api.get("/api/me/export");
  expect(exported.status()).toBe(200);
  const exportText = await exported.text();
  for (const secret of [first, second, open, entryId, reflection, practice.whatHappened]) expect(exportText).not.toContain(secret);

  // The server action behind the no-JavaScript quiz form, aimed at A's open attempt.
  const noScript = await browser.newContext({ javaScriptEnabled: false, storageState: await otherContext.storageState() });
  const form = await noScript.newPage();
  await form.goto("/quiz");
  await form.getByRole("button", { name: /^(Start the quiz|Start over)$/ }).click();
  await expect(form).toHaveURL(/\/quiz\/[^/]+\/1$/);
  await form.locator('input[name="attemptId"]').evaluate((input, id) => ((input as HTMLInputElement).value = id), open);
  await form.getByText("Almost always", { exact: true }).click();
  const posted = form.waitForResponse((response) => response.request().method() === "POST");
  await form.getByRole("button", { name: "Next" }).click();
  expect((await posted).status()).toBe(404);
  await noScript.close();
  await otherContext.close();

  // A's data is exactly as it was.
  await page.goto(`/results/${second}`);
  expect(await scoreCells(page)).toEqual(resultBefore);
  await page.goto(`/results/${first}`);
  const expectedFirst = expectedScores(firstPattern);
  await expect(page.getByRole("table").first()).toContainText(Object.values(expectedFirst)[0]!);
  const resumed = await page.request.get(`/quiz/${open}/2`);
  expect(resumed.status()).toBe(200);
  await page.goto(`/quiz/${open}/1`);
  await expect(page.getByRole("radio", { name: "Rarely" })).toBeChecked();
  const entries = (await (await page.request.get("/api/practice/catching-the-reflex/entries")).json()) as {
    entries: { id: string; whatYouDid: string }[];
  };
  expect(entries.entries).toEqual([expect.objectContaining({ id: entryId, whatYouDid: practice.whatYouDid })]);
  await page.goto("/lessons/the-pattern-from-inside/5");
  await expect(page.getByRole("textbox")).toHaveValue(reflection);
});

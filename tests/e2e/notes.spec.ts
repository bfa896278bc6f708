import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";

const reflectionStep = "/lessons/the-pattern-from-inside/5";

test("My journey downloads my reflections and practice entries as Markdown, in my own words", async ({ page, baseURL }) => {
  // Wait until the visit is recorded and any saved answer fetched, as a reader would see it settle.
  const recorded = page.waitForResponse((response) => response.url().includes("/progress") && response.ok());
  const fetched = page.waitForResponse((response) => response.url().includes("/reflections") && response.ok());
  await page.goto(reflectionStep);
  await Promise.all([recorded, fetched]);
  const reflection = "# Not a heading\nI went quiet when he asked what was wrong.";
  await page.getByRole("textbox").fill(reflection);
  await expect(page.getByRole("status")).toHaveText("Saved");
  const entry = { practisedOn: "2026-11-20", whatHappened: "A friend asked how I really was.", whatNoticed: "A joke ready.", whatYouDid: "Answered honestly." };
  const saved = await page.request.post("/api/practice/catching-the-reflex/entries", { data: entry, headers: { origin: baseURL! } });
  expect(saved.status()).toBe(201);

  await page.goto("/me");
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download my notes (Markdown)" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^drawbridge-notes-\d{4}-\d{2}-\d{2}\.md$/);
  const notes = await readFile((await download.path())!, "utf8");
  expect(notes).toMatch(/^# My notes from Drawbridge\n/);
  expect(notes).toContain("> # Not a heading\n> I went quiet when he asked what was wrong.");
  expect(notes).toContain("## Practice log\n\n### Catching the pull\n\n#### 20 November 2026");
  expect(notes).toContain("**What you did**\n\n> Answered honestly.");

  // Nothing saved in a fresh browser: nothing to download, and no profile made by asking.
  const fresh = await page.context().browser()!.newContext({ baseURL });
  expect((await fresh.request.get("/api/me/notes")).status()).toBe(404);
  await fresh.close();
});

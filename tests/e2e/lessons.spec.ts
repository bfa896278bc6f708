import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./support/axe";
import { finishQuiz, items } from "./support/quiz";
import { saveScreenshots } from "./support/screenshots";

const lessonsDir = path.join(__dirname, "..", "..", "content", "lessons");
const lessonFiles = readdirSync(lessonsDir).filter((name) => name.endsWith(".md")).sort();
const frontMatter = (field: string) =>
  lessonFiles.map((name) => new RegExp(`^${field}: (.+)$`, "m").exec(readFileSync(path.join(lessonsDir, name), "utf8"))?.[1]);
const slugs = frontMatter("slug").map((slug) => slug!);
const teaches = frontMatter("teaches");
const stepCount = (slug: string) =>
  readFileSync(path.join(lessonsDir, lessonFiles[slugs.indexOf(slug)]!), "utf8").match(/^## /gm)!.length;

const first = "the-pattern-from-inside";
const second = "the-trade-off";

/** Opens a step and waits until the visit is recorded. */
async function visit(page: Page, url: string) {
  const recorded = page.waitForResponse((response) => response.url().includes("/progress") && response.ok());
  await page.goto(url);
  await recorded;
}

test.describe.configure({ timeout: 90_000 });

test("reads lesson 1 from the first step to 'Lesson complete', by Next and by the arrow key", async ({ page }) => {
  const steps = stepCount(first);
  await visit(page, `/lessons/${first}`);
  await expect(page).toHaveURL(`/lessons/${first}/1`);
  for (let step = 1; step <= steps; step += 1) {
    await expect(page.getByText(`Step ${step} of ${steps}`)).toBeVisible();
    if (step === steps) break;
    const recorded = page.waitForResponse((response) => response.url().includes("/progress") && response.ok());
    if (step === 2) await page.keyboard.press("ArrowRight");
    else await page.getByRole("navigation", { name: "Lesson steps" }).getByRole("link", { name: "Next" }).click();
    await recorded;
  }
  await expect(page.getByRole("heading", { name: "Lesson complete" })).toBeVisible();
  await page.getByRole("link", { name: /^Next lesson/ }).click();
  await expect(page).toHaveURL(`/lessons/${second}/1`);
  await page.getByRole("navigation", { name: "Lesson steps" }).getByRole("link", { name: "All lessons" }).click();
  await expect(page).toHaveURL("/lessons");
});

test("a reflection saves itself, comes back after a reload, and an over-long one is refused", async ({ page }) => {
  await visit(page, `/lessons/${first}/5`);
  const box = page.getByRole("textbox");
  await box.fill("I stopped replying after she said she missed me.");
  await expect(page.getByRole("status")).toHaveText("Saved");
  await page.reload();
  await expect(box).toHaveValue("I stopped replying after she said she missed me.");

  await box.fill("x".repeat(5001));
  await page.getByRole("button", { name: "Save reflection" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "under 5,000 characters" })).toBeVisible();
  await expect(box).toHaveAttribute("aria-invalid", "true");
  await page.reload();
  await expect(box).toHaveValue("I stopped replying after she said she missed me.");
});

test("progress shows on /lessons and 'Continue' resumes at the right step", async ({ page }) => {
  await page.goto("/lessons");
  await expect(page.getByRole("link", { name: "Continue where you left off" })).toHaveCount(0);
  for (let step = 1; step <= stepCount(first); step += 1) await visit(page, `/lessons/${first}/${step}`);
  for (let step = 1; step <= 3; step += 1) await visit(page, `/lessons/${second}/${step}`);
  await visit(page, `/lessons/${second}/1`); // re-reading an early step keeps the place

  await page.goto("/lessons");
  const path = page.getByRole("region", { name: "The path" });
  await expect(path.getByRole("listitem").nth(0)).toContainText("Done");
  await expect(path.getByRole("listitem").nth(1)).toContainText(`Step 3 of ${stepCount(second)}`);
  await expect(path.getByRole("listitem").nth(2)).toContainText("Not started");
  await page.getByRole("link", { name: "Continue where you left off" }).click();
  await expect(page).toHaveURL(`/lessons/${second}/3`);
});

test("someone else's progress and reflections stay theirs", async ({ page, browser }) => {
  await visit(page, `/lessons/${first}/5`);
  await page.getByRole("textbox").fill("Only mine.");
  await expect(page.getByRole("status")).toHaveText("Saved");

  const stranger = await browser.newContext();
  const other = await stranger.newPage();
  await visit(other, `/lessons/${first}/5`);
  await expect(other.getByRole("textbox")).toHaveValue("");
  await other.goto("/lessons");
  // Reaching the last step completes the lesson for the stranger; their own progress, not ours.
  await expect(other.getByRole("region", { name: "The path" }).getByRole("listitem").nth(1)).toContainText("Not started");
  await stranger.close();
});

test("unknown lessons and steps are not found", async ({ page }) => {
  expect((await page.goto("/lessons/no-such-lesson"))?.status()).toBe(404);
  expect((await page.goto(`/lessons/${first}/99`))?.status()).toBe(404);
  expect((await page.goto(`/lessons/${first}/0`))?.status()).toBe(404);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("a reflection saves with a plain form post and is there when you come back", async ({ page, browser }) => {
    await page.goto(`/lessons/${first}/5`);
    await page.getByRole("textbox").fill("Written without scripts.");
    await page.getByRole("button", { name: "Save reflection" }).click();
    await expect(page).toHaveURL(`/lessons/${first}/5`);
    await expect(page.getByRole("textbox")).toHaveValue("Written without scripts.");
    await expect(page.getByRole("status")).toHaveText("Saved");

    // The same visitor, later, in a browser that runs scripts.
    const later = await browser.newContext({ storageState: await page.context().storageState(), javaScriptEnabled: true });
    const again = await later.newPage();
    await again.goto(`/lessons/${first}/5`);
    await expect(again.getByRole("textbox")).toHaveValue("Written without scripts.");
    await later.close();
  });
});

test("the lessons pass axe: the path, and one step of every lesson, light and dark", async ({ page }) => {
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    await page.goto("/lessons");
    await expectNoAxeViolations(page, `/lessons (${colorScheme})`);
  }
  for (const [index, slug] of slugs.entries()) {
    await page.emulateMedia({ colorScheme: index % 2 ? "dark" : "light" });
    await page.goto(`/lessons/${slug}/${stepCount(slug)}`);
    await expectNoAxeViolations(page, `/lessons/${slug}/${stepCount(slug)}`);
  }
  for (const colorScheme of ["light", "dark"] as const) {
    await saveScreenshots(page, "/lessons", "lessons-path", colorScheme);
    await saveScreenshots(page, `/lessons/${first}/5`, "lesson-step", colorScheme);
  }
});

test("a finished quiz puts the lessons its top strategies point to under 'Suggested for you'", async ({ page }) => {
  await page.goto("/lessons");
  await expect(page.getByRole("region", { name: "Suggested for you" })).toHaveCount(0);

  const strategies: Record<string, { readFirst: string[]; capacities: string[] }> = JSON.parse(
    readFileSync(path.join(__dirname, "..", "..", "content", "quiz", "strategies.json"), "utf8"),
  );
  // The lesson that teaches a capacity says so in its front matter.
  const teacherOf = (capacity: string) => slugs[teaches.indexOf(capacity)]!;
  // Control answered as strongly as possible, everything else as weakly: control is the one top strategy.
  const value = (item: (typeof items)[number]) => ((item.strategy === "control") === (item.keyed === "plus") ? 5 : 1);

  await finishQuiz(page, (index) => value(items[index]!));
  // The results page first sends control to lesson 11, the one that explains it.
  await expect(
    page.getByRole("region", { name: "Where to start" }).getByRole("link", { name: "Lesson 11: The same fear, in other clothes" }),
  ).toHaveAttribute("href", "/lessons/the-other-strategies");

  await page.goto("/lessons");
  const suggested = page.getByRole("region", { name: "Suggested for you" });
  // The same as the results: the lesson that explains control first, then those that teach its capacities.
  const expected = [
    ...new Set([...strategies.control!.readFirst, ...strategies.control!.capacities.map(teacherOf)].map((slug) => `/lessons/${slug}/1`)),
  ];
  expect(expected[0]).toBe("/lessons/the-other-strategies/1");
  await expect(suggested.getByRole("link")).toHaveCount(expected.length);
  for (const [index, href] of expected.entries()) {
    await expect(suggested.getByRole("link").nth(index)).toHaveAttribute("href", href);
  }
});

test("a reflection saved while the page's first save is still on its way lands in the same guest profile", async ({ page }) => {
  // A slow first answer: the progress save that creates the guest profile takes 2 s to come back.
  await page.route("**/api/lessons/*/progress", async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 2000));
    await route.continue();
  });
  await page.goto(`/lessons/${first}/5`);
  await page.getByRole("textbox").fill("Saved before the cookie came back.");
  await page.getByRole("button", { name: "Save reflection" }).click();
  await expect(page.getByRole("status")).toHaveText("Saved", { timeout: 15_000 });

  // One guest holds both: the step reached and the reflection.
  await page.goto("/me");
  await expect(page.getByRole("region", { name: "Your reflections", exact: true })).toContainText("Saved before the cookie came back.");
  await expect(page.getByRole("region", { name: "Your lessons", exact: true }).getByRole("listitem").first()).toContainText("Done");
});

test("a reflection typed just before leaving the step is saved all the same", async ({ page }) => {
  await visit(page, `/lessons/${first}/5`);
  await page.getByRole("textbox").fill("Typed, then straight on.");
  const saved = page.waitForResponse((response) => response.request().method() === "POST" && "next-action" in response.request().headers());
  await page.getByRole("navigation", { name: "Lesson steps" }).getByRole("link", { name: "Previous" }).click();
  await expect(page).toHaveURL(`/lessons/${first}/4`);
  await saved;
  await page.goto(`/lessons/${first}/5`);
  await expect(page.getByRole("textbox")).toHaveValue("Typed, then straight on.");
});

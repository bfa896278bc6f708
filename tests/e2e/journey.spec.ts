import { expect, test, type Locator, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./support/axe";
import { expectedReading, expectedScores, finishQuiz, realChangeFrom, strategyNames } from "./support/quiz";
import { saveScreenshots } from "./support/screenshots";

// Two different answer patterns, so every strategy's score (and its change) is known from the keying.
const firstPattern = (index: number) => 1 + ((index * 3) % 5);
const secondPattern = (index: number) => 1 + ((index * 2) % 5);

const lessonOne = { slug: "the-pattern-from-inside", title: "Wanting closeness, and pulling away", steps: 5 };
const lessonOnePrompt = "Think of the last time you pulled back from someone. What had happened just before, and what did you do next?";
const reflection = "My friend said she’d missed me, and I said I was busy all week.";
const practice = {
  practisedOn: "2026-11-20",
  whatHappened: "My brother hugged me goodbye for longer than usual.",
  whatNoticed: "I wanted to make a joke straight away.",
  whatYouDid: "I let the hug last, and said I’d call on Sunday.",
};

test.describe.configure({ timeout: 150_000 });

/**
 * "+7about the same, within the quiz’s margin" or "−30a real change: lower than before", worked
 * out here from the two expected scores and the default margin.
 */
function expectedChange(before: string, after: string): string {
  const delta = Number(after) - Number(before);
  const text = delta === 0 ? "no change" : delta > 0 ? `+${delta}` : `−${Math.abs(delta)}`;
  const verdict =
    Math.abs(delta) < realChangeFrom
      ? "about the same, within the quiz’s margin"
      : `a real change: ${delta > 0 ? "higher" : "lower"} than before`;
  return text + verdict;
}

const section = (page: Page, name: string) => page.getByRole("region", { name, exact: true });
const rowheader = (table: Locator, strategy: string) =>
  table.page().getByRole("rowheader", { name: strategyNames[strategy], exact: true });
/** A strategy's figures in the trend table: the cells of its row. */
const rowCells = (table: Locator, strategy: string) =>
  table.getByRole("row").filter({ has: rowheader(table, strategy) }).getByRole("cell");
/** A strategy's figures in the comparison: its row group (the name has a row of its own). */
const groupCells = (table: Locator, strategy: string) =>
  table.locator("tbody").filter({ has: rowheader(table, strategy) }).getByRole("cell");

async function expectEmptyJourney(page: Page) {
  await page.goto("/me");
  await expect(page).toHaveTitle(/My journey/);
  await expect(page.getByRole("heading", { level: 1, name: "My journey" })).toBeVisible();
  const results = section(page, "Your quiz results");
  await expect(results).toContainText("You haven’t finished the patterns quiz yet");
  await expect(results.getByRole("link", { name: "Start the quiz" })).toHaveAttribute("href", "/quiz");
  await expect(section(page, "How your scores move")).toContainText("Once you finish the quiz");
  await expect(section(page, "How your scores move").getByRole("img")).toHaveCount(0);
  await expect(section(page, "Compare two results")).toHaveCount(0);
  await expect(section(page, "Your lessons").getByRole("link", { name: "Start lesson 1" })).toHaveAttribute(
    "href",
    `/lessons/${lessonOne.slug}/1`,
  );
  await expect(section(page, "Your reflections")).toContainText("Nothing written yet");
  await expect(section(page, "Your practice log")).toContainText("No practice entries yet");
  await expect(section(page, "Your data")).toContainText("Nothing is saved for this browser yet");
}

test("a first-time visitor sees kind empty states, and reading the page creates no profile", async ({ page, context }) => {
  await expectEmptyJourney(page);
  expect((await context.cookies()).filter((cookie) => cookie.name.includes("drawbridge"))).toEqual([]);
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    await page.reload();
    await expectNoAxeViolations(page, `/me, empty (${colorScheme})`);
  }
  await saveScreenshots(page, "/me", "journey-empty", "light");
  await saveScreenshots(page, "/me", "journey-empty", "dark");
  // Without two results there is nothing to compare, and the page says how to get there.
  await page.goto("/me/compare");
  await expect(page.getByText("There’s nothing to compare yet.")).toBeVisible();
});

test("two quizzes, a reflection and a practice entry all show on /me, and two results compare", async ({ page, browser }) => {
  const first = await finishQuiz(page, firstPattern);

  // One result: single points, and no comparison on offer yet.
  await page.goto("/me");
  await expect(section(page, "How your scores move")).toContainText("So far there is one result");
  await expect(section(page, "Compare two results")).toHaveCount(0);

  const second = await finishQuiz(page, secondPattern);
  const before = expectedScores(firstPattern);
  const after = expectedScores(secondPattern);

  const saved = page.waitForResponse((response) => response.url().includes("/progress") && response.ok());
  await page.goto(`/lessons/${lessonOne.slug}/${lessonOne.steps}`);
  await saved;
  await page.getByRole("textbox").fill(reflection);
  await expect(page.getByRole("status")).toHaveText("Saved");
  const entry = await page.request.post("/api/practice/catching-the-reflex/entries", { data: practice });
  expect(entry.status()).toBe(201);

  await page.goto("/me");

  // Results, newest first, each leading to its own page with what stood out.
  const results = section(page, "Your quiz results").getByRole("listitem");
  await expect(results).toHaveCount(2);
  await expect(results.nth(0)).toContainText("Result 2");
  await expect(results.nth(0).getByRole("link")).toHaveAttribute("href", `/results/${second}`);
  await expect(results.nth(0)).toContainText(
    `${strategyNames["passive-aggressiveness"]} (${expectedReading(Number(after["passive-aggressiveness"])).reading})`,
  );
  await expect(results.nth(1)).toContainText("Result 1");
  await expect(results.nth(1).getByRole("link")).toHaveAttribute("href", `/results/${first}`);
  await expect(results.nth(1)).toContainText(`${strategyNames.control} (${expectedReading(Number(before.control)).reading})`);

  // A chart per strategy with both scores in its text alternative, and the same numbers in the table.
  const trend = section(page, "How your scores move");
  await expect(trend.getByRole("img")).toHaveCount(5);
  const table = trend.getByRole("table", { name: /Your scores at each result, oldest first/ });
  for (const strategy of Object.keys(before)) {
    const chart = trend.getByRole("img", { name: new RegExp(`^${strategyNames[strategy]} across your 2 results`) });
    await expect(chart).toHaveAttribute(
      "aria-label",
      new RegExp(`, ${before[strategy]} \\(likely \\d+ to \\d+, [^)]+\\)\\. .*, ${after[strategy]} \\(likely \\d+ to \\d+, [^)]+\\); `),
    );
    const cells = rowCells(table, strategy);
    await expect(cells.nth(0)).toHaveText(new RegExp(`^${before[strategy]}range \\d+–\\d+$`));
    await expect(cells.nth(1)).toHaveText(new RegExp(`^${after[strategy]}range \\d+–\\d+(about the same|real change: (higher|lower))$`));
  }

  // Lesson 1 read to its last step; the reflection under lesson 1; the entry under its capacity.
  await expect(section(page, "Your lessons").getByRole("listitem").first()).toContainText("Done");
  const reflections = section(page, "Your reflections");
  await expect(reflections.getByRole("heading", { name: `Lesson 1: ${lessonOne.title}` })).toBeVisible();
  await expect(reflections.getByRole("listitem")).toHaveCount(1);
  await expect(reflections.getByRole("listitem")).toContainText(lessonOnePrompt);
  await expect(reflections.getByRole("listitem")).toContainText(reflection);
  const log = section(page, "Your practice log");
  await expect(log.getByRole("heading", { name: "Catching the pull" })).toBeVisible();
  const logged = log.getByRole("article", { name: "20 November 2026" });
  await expect(logged).toContainText(practice.whatHappened);
  await expect(logged).toContainText(practice.whatYouDid);
  await expect(section(page, "Your data").getByRole("link", { name: "Download everything" })).toHaveAttribute("href", "/api/me/export");
  await expect(section(page, "Your data").getByRole("link", { name: "Delete everything" })).toHaveAttribute("href", "/me/delete");

  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    await page.reload();
    await expectNoAxeViolations(page, `/me, full (${colorScheme})`);
  }
  await saveScreenshots(page, "/me", "journey-full", "light");
  await saveScreenshots(page, "/me", "journey-full", "dark");

  // Compare: the two newest are chosen already; the change is the later score minus the earlier.
  await page.goto("/me");
  const form = section(page, "Compare two results").getByRole("form", { name: "Choose two results to compare" });
  await expect(form.getByLabel("Earlier result")).toHaveValue(first);
  await expect(form.getByLabel("Later result")).toHaveValue(second);
  await form.getByRole("button", { name: "Compare these two" }).click();
  await expect(page).toHaveURL(`/me/compare?from=${first}&to=${second}`);
  const compareUrl = new URL(page.url()).pathname + new URL(page.url()).search;
  await expect(page.getByRole("heading", { level: 1, name: "Two results side by side" })).toBeVisible();
  const compared = page.getByRole("table", { name: /and the change/ });
  for (const strategy of Object.keys(before)) {
    const cells = groupCells(compared, strategy);
    await expect(cells.nth(0)).toHaveText(new RegExp(`^${before[strategy]}range `));
    await expect(cells.nth(1)).toHaveText(new RegExp(`^${after[strategy]}range `));
    await expect(cells.nth(2)).toHaveText(expectedChange(before[strategy]!, after[strategy]!));
  }
  // Picked the other way round, the earlier result still sits on the left.
  await page.goto(`/me/compare?from=${second}&to=${first}`);
  await expect(groupCells(compared, "control").nth(0)).toHaveText(new RegExp(`^${before.control}range `));
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    await page.goto(compareUrl);
    await expectNoAxeViolations(page, `/me/compare (${colorScheme})`);
  }
  await saveScreenshots(page, compareUrl, "journey-compare", "light");
  await saveScreenshots(page, compareUrl, "journey-compare", "dark");

  // The same result twice: the choice again, with a clear message beside it.
  await page.goto(`/me/compare?from=${first}&to=${first}`);
  const again = page.getByRole("form", { name: "Choose two results to compare" });
  await expect(again.getByRole("alert")).toContainText("Choose two different results to compare.");
  await expect(page.getByLabel("Earlier result")).toHaveAttribute("aria-invalid", "true");
  await expectNoAxeViolations(page, "/me/compare, same result twice");
  // Ids that aren't this profile's results lead nowhere.
  expect((await page.goto(`/me/compare?from=${first}&to=no-such-result`))?.status()).toBe(404);
  expect((await page.goto(`/me/compare?from=${first}&to=${encodeURIComponent("../x")}`))?.status()).toBe(404);
  expect((await page.goto(`/me/compare?from=${first}`))?.status()).toBe(404);

  // Without JavaScript, the compare form is a plain GET and works all the same.
  const noScript = await browser.newContext({ storageState: await page.context().storageState(), javaScriptEnabled: false });
  const plain = await noScript.newPage();
  await plain.goto("/me");
  await plain.getByRole("button", { name: "Compare these two" }).click();
  await expect(plain).toHaveURL(`/me/compare?from=${first}&to=${second}`);
  await expect(groupCells(plain.getByRole("table", { name: /and the change/ }), "overfunctioning").nth(2)).toHaveText(
    expectedChange(before.overfunctioning!, after.overfunctioning!),
  );
  await noScript.close();

  // Someone else: the comparison isn't found, and their own journey is empty.
  const stranger = await browser.newContext({ javaScriptEnabled: true });
  const other = await stranger.newPage();
  expect((await other.goto(compareUrl))?.status()).toBe(404);
  await expectEmptyJourney(other);
  await stranger.close();
});

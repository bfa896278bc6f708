import { expect, test, type Locator, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./support/axe";
import { expectedReading, expectedScores, finishQuiz, items, strategyNames } from "./support/quiz";
import { saveScreenshots } from "./support/screenshots";

// Every answer "Sometimes": every strategy scores 50, whose range (37–63) crosses the line at 40.
const sometimes = () => 3;
// Everything "Almost always", then everything "Almost never": plus items swing from 100 to 0 and the two
// reversed items of each strategy the other way, so every score moves by far more than the margin.
const always = () => 5;
const never = () => 1;
// "Sometimes" throughout but one answer a step higher: one strategy moves by a few points.
const oneStepUp = (index: number) => (index === 0 ? 4 : 3);

test.describe.configure({ timeout: 180_000 });

const rowheader = (table: Locator, strategy: string) =>
  table.page().getByRole("rowheader", { name: strategyNames[strategy], exact: true });
const groupCells = (table: Locator, strategy: string) =>
  table.locator("tbody").filter({ has: rowheader(table, strategy) }).getByRole("cell");

async function axeLightAndDark(page: Page, url: string, label: string) {
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    await page.goto(url);
    await expectNoAxeViolations(page, `${label} (${colorScheme})`);
  }
}

test("the results show whole scores, each with its likely range, straddle wording and 'about equally active'", async ({ page }) => {
  const attemptId = await finishQuiz(page, sometimes);
  const expected = expectedScores(sometimes);
  const table = page.getByRole("table", { name: /Your scores by strategy/ });
  for (const [strategy, score] of Object.entries(expected)) {
    expect(score).toBe("50");
    const { range, reading } = expectedReading(Number(score));
    const cells = page.getByRole("row", { name: new RegExp(`^${strategyNames[strategy]}`) }).getByRole("cell");
    await expect(cells).toHaveText([score, range, reading]);
    expect(reading).toBe("between low and moderate");
  }
  await expect(table).not.toContainText(/\d\.\d/);
  // The chart says the same to a screen reader, and draws each range.
  const chart = page.getByRole("img", { name: /^Bar chart of your five scores/ });
  await expect(chart).toHaveAttribute("aria-label", new RegExp(`${strategyNames.control} 50 \\(likely 37 to 63\\), between low and moderate`));
  await expect(chart.locator("[data-range='37-63']")).toHaveCount(5);
  // Five equal scores are not ranked against each other.
  const start = page.getByRole("region", { name: "Where to start" }).or(page.locator("section[aria-labelledby='first']"));
  await expect(start.getByTestId("equally-active")).toContainText("are about equally active for you");
  await expect(page.getByText("The ranges are an estimate until enough people have taken this version of the quiz.")).toBeVisible();
  await expect(page.getByRole("link", { name: "How the quiz works" })).toHaveAttribute("href", "/quiz/how-it-works");
  await expect(page.locator("main")).not.toContainText(/\b\d+\.\d\b/);

  await axeLightAndDark(page, `/results/${attemptId}`, "/results with ranges");
  await saveScreenshots(page, `/results/${attemptId}`, "margins-results", "light");
  await saveScreenshots(page, `/results/${attemptId}`, "margins-results", "dark");
});

test("a big difference reads as a real change, a small one as about the same, and the trend marks the real ones", async ({ page }) => {
  const high = await finishQuiz(page, always);
  const low = await finishQuiz(page, never);
  const middle = await finishQuiz(page, sometimes);
  const nudged = await finishQuiz(page, oneStepUp);

  await page.goto(`/me/compare?from=${high}&to=${low}`);
  const compared = page.getByRole("table", { name: /and the change/ });
  const before = expectedScores(always);
  const after = expectedScores(never);
  for (const strategy of Object.keys(before)) {
    const cells = groupCells(compared, strategy);
    const delta = Number(after[strategy]) - Number(before[strategy]);
    expect(delta).toBeLessThan(-19);
    await expect(cells.nth(0)).toHaveText(
      `${before[strategy]}range ${expectedReading(Number(before[strategy])).range}${expectedReading(Number(before[strategy])).reading}`,
    );
    await expect(cells.nth(2)).toHaveText(`−${-delta}a real change: lower than before`);
  }
  const bigUrl = `/me/compare?from=${high}&to=${low}`;
  await axeLightAndDark(page, bigUrl, "/me/compare, a real change");
  await saveScreenshots(page, bigUrl, "margins-compare-real", "light");
  await saveScreenshots(page, bigUrl, "margins-compare-real", "dark");

  const smallUrl = `/me/compare?from=${middle}&to=${nudged}`;
  await page.emulateMedia({ colorScheme: "light" });
  await page.goto(smallUrl);
  const nudgedScores = expectedScores(oneStepUp);
  const moved = items[0]!.strategy;
  expect(Number(nudgedScores[moved]) - 50).toBeGreaterThan(0);
  for (const strategy of Object.keys(nudgedScores)) {
    const delta = Number(nudgedScores[strategy]) - 50;
    await expect(groupCells(compared, strategy).nth(2)).toHaveText(
      `${delta === 0 ? "no change" : `+${delta}`}about the same, within the quiz’s margin`,
    );
  }
  await axeLightAndDark(page, smallUrl, "/me/compare, about the same");
  await saveScreenshots(page, smallUrl, "margins-compare-same", "light");

  // On /me, each trend chart rings the one real change (always → never) and the table says it in words.
  await page.goto("/me");
  const trend = page.getByRole("region", { name: "How your scores move", exact: true });
  const chart = trend.getByRole("img", { name: new RegExp(`^${strategyNames[moved]} across your 4 results`) });
  await expect(chart.locator("[data-real-change]")).toHaveCount(2); // 100-ish → 0-ish, then 0-ish → 50
  await expect(chart).toHaveAttribute("aria-label", /a real change: lower than before/);
  const table = trend.getByRole("table", { name: /Your scores at each result/ });
  const cells = table.getByRole("row").filter({ has: rowheader(table, moved) }).getByRole("cell");
  await expect(cells.nth(1)).toContainText("real change: lower");
  await expect(cells.nth(3)).toContainText("about the same");
  await axeLightAndDark(page, "/me", "/me with real changes");
  await saveScreenshots(page, "/me", "margins-journey", "light");
  await saveScreenshots(page, "/me", "margins-journey", "dark");
});

test("How the quiz works explains scores, ranges and real change, with the current figures and their basis", async ({ page }) => {
  await page.goto("/quiz");
  await page.getByRole("link", { name: "How the quiz works" }).click();
  await expect(page).toHaveURL("/quiz/how-it-works");
  await expect(page).toHaveTitle(/How the quiz works/);
  await expect(page.getByRole("heading", { level: 1, name: "How the quiz works" })).toBeVisible();
  await expect(page.getByText("It is not a validated clinical instrument")).toBeVisible();
  await expect(page.getByText("SEM = SD × √(1 − α)")).toBeVisible();
  await expect(page.getByText("RC = (later score − earlier score) ÷ (√2 × SEM)")).toBeVisible();
  await expect(page.getByText(/an estimate until enough people have taken this version of the quiz \(200 finished results\)/)).toBeVisible();
  const figures = page.getByRole("table", { name: /Reliability of each strategy’s score/ });
  await expect(figures.getByRole("row")).toHaveCount(6);
  await expect(figures.getByRole("row", { name: new RegExp(`^${strategyNames.control}`) }).getByRole("cell")).toHaveText([
    String(items.filter((item) => item.strategy === "control").length),
    ".80",
    "15.0",
    "± 13",
    "19 or more",
  ]);
  await expect(page.getByText(/Jacobson, N\. S\., & Truax, P\. \(1991\)/)).toBeVisible();

  await axeLightAndDark(page, "/quiz/how-it-works", "/quiz/how-it-works");
  await saveScreenshots(page, "/quiz/how-it-works", "how-it-works", "light");
  await saveScreenshots(page, "/quiz/how-it-works", "how-it-works", "dark");
});

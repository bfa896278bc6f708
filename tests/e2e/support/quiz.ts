import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, type Page } from "@playwright/test";
import { seedFinishedQuiz, type SeedTarget } from "./seed";

type Item = { id: string; strategy: string; keyed: "plus" | "minus"; text: string };

const contentDir = path.join(__dirname, "..", "..", "..", "content", "quiz");
const itemsFile = JSON.parse(readFileSync(path.join(contentDir, "items.json"), "utf8")) as { version: string; instruction: string; items: Item[] };
export const items: Item[] = itemsFile.items;
/** The question every item answers (time frame and who), shown before the first item and on each screen. */
export const instruction: string = itemsFile.instruction;
export const quizVersion: string = itemsFile.version;
export const strategyNames: Record<string, string> = Object.fromEntries(
  Object.entries(JSON.parse(readFileSync(path.join(contentDir, "strategies.json"), "utf8")) as Record<string, { name: string }>).map(
    ([id, text]) => [id, text.name],
  ),
);
export const scaleLabels = ["Almost never", "Rarely", "Sometimes", "Often", "Almost always"];

/**
 * The score each strategy should get, worked out here from the item keying alone
 * (independently of lib/scoring): 100·(mean − 1)/4 with a minus item's v counted as 6 − v,
 * rounded half up to a whole number (as shown since scoring version 2).
 */
export function expectedScores(valueFor: (index: number) => number): Record<string, string> {
  const sums = new Map<string, { total: number; count: number }>();
  items.forEach((item, index) => {
    const v = valueFor(index);
    const keyed = item.keyed === "plus" ? v : 6 - v;
    const entry = sums.get(item.strategy) ?? { total: 0, count: 0 };
    sums.set(item.strategy, { total: entry.total + keyed, count: entry.count + 1 });
  });
  return Object.fromEntries(
    // 100·(mean − 1)/4 = 25·points/count with points = total − count; rounded half up in integers.
    [...sums].map(([strategy, { total, count }]) => [strategy, String(Math.floor((50 * (total - count) + count) / (2 * count)))]),
  );
}

export async function expectQuestion(page: Page, position: number) {
  await expect(page.getByText(`Question ${position} of ${items.length}`)).toBeVisible();
  await expect(page.getByRole("group", { name: items[position - 1]!.text })).toBeVisible();
}

/**
 * A finished quiz with these answers for the page's browser (its guest or account, or a new
 * guest whose session cookie it then carries), written through lib/data as the quiz's routes
 * write it (support/seed.ts), on the shared e2e server or `server`; then opens its results
 * (relative to the page's baseURL). Returns the attempt id. Tests of the quiz
 * itself click through it instead.
 */
export async function finishQuiz(page: Page, valueFor: (index: number) => number, server?: SeedTarget): Promise<string> {
  const attemptId = await seedFinishedQuiz(
    page.context(),
    items.map((_, index) => valueFor(index)),
    server,
  );
  await page.goto(`/results/${attemptId}`);
  await expect(page).toHaveURL(`/results/${attemptId}`);
  return attemptId;
}

/**
 * The quiz's default margin and real-change threshold, worked out here from the documented
 * defaults (α .80, SD 15): margin ±13 (1.96 · 15 · √.2 = 13.15), and a change is real from
 * 1.96 · √2 · 6.708 = 18.59, so 19 points.
 */
export const defaultMargin = Math.round(1.96 * 15 * Math.sqrt(0.2));
export const realChangeFrom = Math.ceil(1.96 * Math.SQRT2 * 15 * Math.sqrt(0.2));

/** How a score's range reads against the bands (low < 40 ≤ moderate < 65 ≤ high). */
export function expectedReading(score: number): { range: string; reading: string } {
  const low = Math.max(0, score - defaultMargin);
  const high = Math.min(100, score + defaultMargin);
  const band = (value: number) => (value >= 65 ? "high" : value >= 40 ? "moderate" : "low");
  const [from, to] = [band(low), band(high)];
  const reading = from === to ? from : from === "low" && to === "high" ? "anywhere from low to high" : `between ${from} and ${to}`;
  return { range: `${low}–${high}`, reading };
}

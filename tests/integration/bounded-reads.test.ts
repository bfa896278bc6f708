// A long history must not make a person's pages read more: /me reads one page of the newest
// results and an evenly spread sample for its charts, /me/compare exactly the two it shows.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { CurrentProfile } from "@/lib/data/profiles";
import { quiz } from "@/lib/content/quiz";
import { db } from "@/lib/db";
import {
  evenlySpreadPositions,
  getNumberedResults,
  listResults,
  listResultsPage,
  listTrendResults,
  RESULTS_PER_PAGE,
  TREND_POINTS,
} from "@/lib/data/quiz-attempts";
import { makeGuestProfile } from "./support/profiles";

const WEEK = 7 * 24 * 60 * 60 * 1000;
const START = Date.UTC(2017, 0, 2, 10);

/** `count` finished results, one a week from START; result n scores n % 101 on control. */
async function seedHistory(profile: CurrentProfile, count: number): Promise<string[]> {
  const ids = Array.from({ length: count }, () => randomUUID());
  for (let start = 0; start < count; start += 250) {
    const slice = ids.slice(start, start + 250);
    await db().quizAttempt.createMany({
      data: slice.map((id, i) => ({
        id,
        profileId: profile.id,
        quizVersion: quiz.version,
        status: "completed",
        completedAt: new Date(START + (start + i) * WEEK),
        scoringVersion: "test",
      })),
    });
    await db().strategyScore.createMany({
      data: slice.map((id, i) => {
        const score = (start + i + 1) % 101;
        return { attemptId: id, strategy: "control", score, band: score >= 65 ? "high" : score >= 40 ? "moderate" : "low", answered: 6, total: 6 };
      }),
    });
  }
  return ids; // oldest first: ids[n - 1] is result n
}

describe("bounded reads for a 500-result history", () => {
  let long: CurrentProfile;
  let ids: string[];
  beforeAll(async () => {
    long = await makeGuestProfile();
    ids = await seedHistory(long, 500);
    // Someone else's history sits in the same tables.
    await seedHistory(await makeGuestProfile(), 30);
  });

  it("a page of results holds at most ten, newest first, numbered in the whole history", async () => {
    const first = await listResultsPage(long, 1);
    expect(first).toMatchObject({ total: 500, page: 1, pages: 50, latestId: ids[499] });
    expect(first.results).toHaveLength(RESULTS_PER_PAGE);
    expect(first.results.map((r) => r.number)).toEqual([500, 499, 498, 497, 496, 495, 494, 493, 492, 491]);
    expect(first.results.map((r) => r.id)).toEqual(ids.slice(490).reverse());

    const third = await listResultsPage(long, 3);
    expect(third.results.map((r) => r.number)).toEqual([480, 479, 478, 477, 476, 475, 474, 473, 472, 471]);
    expect(third.latestId).toBe(ids[499]);
    const last = await listResultsPage(long, 50);
    expect(last.results.map((r) => r.id)).toEqual(ids.slice(0, 10).reverse());
    // Past the end it shows the last page rather than nothing.
    expect((await listResultsPage(long, 999)).page).toBe(50);
    // The same results, scores and all, that the full list holds.
    const everything = await listResults(long);
    expect(third.results.map(({ number: _n, ...result }) => result)).toEqual(everything.slice(20, 30));
  });

  it("the trend sample is TREND_POINTS (16) results evenly spread, first and latest included, with their right scores", async () => {
    const sample = await listTrendResults(long);
    expect(sample.total).toBe(500);
    expect(sample.results).toHaveLength(TREND_POINTS);
    const positions = evenlySpreadPositions(500);
    expect(positions[0]).toBe(1);
    expect(positions.at(-1)).toBe(500);
    expect(sample.results.map((r) => r.number)).toEqual(positions);
    expect(sample.results.map((r) => r.id)).toEqual(positions.map((n) => ids[n - 1]));
    // Each point carries its own stored score: result n scored n % 101.
    for (const result of sample.results) {
      const control = result.strategies.find((s) => s.strategy === "control");
      expect(control).toMatchObject({ status: "scored", score: result.number % 101 });
    }
    // Evenly spread: no gap between neighbours differs from another by more than one.
    const gaps = positions.slice(1).map((p, i) => p - positions[i]!);
    expect(Math.max(...gaps) - Math.min(...gaps)).toBeLessThanOrEqual(1);
  });

  it("a short history is drawn whole", async () => {
    const short = await makeGuestProfile();
    const shortIds = await seedHistory(short, 5);
    const sample = await listTrendResults(short);
    expect(sample).toMatchObject({ total: 5 });
    expect(sample.results.map((r) => r.id)).toEqual(shortIds);
    expect((await listTrendResults(await makeGuestProfile())).results).toEqual([]);
  });

  it("compare reads exactly the two results asked for, numbered, and never another profile's", async () => {
    const pair = await getNumberedResults(long, [ids[0]!, ids[249]!]);
    expect(pair.map((r) => [r.id, r.number]).sort((a, b) => Number(a[1]) - Number(b[1]))).toEqual([
      [ids[0], 1],
      [ids[249], 250],
    ]);
    const someoneElse = await makeGuestProfile();
    expect(await getNumberedResults(someoneElse, [ids[0]!, ids[249]!])).toEqual([]);
    expect(await getNumberedResults(long, ["no-such-result"])).toEqual([]);
  });
});

import { randomUUID } from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { analyseQuiz } from "@/lib/data/item-analysis";
import { forgetCachedReliability, quizReliability } from "@/lib/data/reliability";
import { analyseItems, DEFAULT_SCALE_RELIABILITY, MIN_RESULTS_FOR_RELIABILITY, STRATEGIES } from "@/lib/scoring";
import { seedSimulatedAttempts } from "@/scripts/lib/seed-simulated-attempts";
import { impliedAlpha, simulateRespondents, syntheticQuiz } from "@/scripts/lib/simulate-respondents";

// Made-up quiz versions of their own (ten items per strategy), so the finished attempts of the
// real quiz that other test files store never mix in; quizForVersion learns the one below.
const { reliabilityQuiz } = vi.hoisted(() => ({ reliabilityQuiz: { version: "" } as { version: string } }));
vi.mock("@/lib/content/quiz", async (importOriginal) => {
  const original = await importOriginal<typeof import("@/lib/content/quiz")>();
  return {
    ...original,
    quizForVersion: (version: string) => (version === reliabilityQuiz.version ? reliabilityQuiz : original.quizForVersion(version)),
  };
});

describe("item analysis of stored attempts", () => {
  it("flags a mis-keyed item, and α on simulated answers lands near the model's", async () => {
    const quiz = syntheticQuiz(`sim-${randomUUID()}`, 10);
    const attempts = simulateRespondents(quiz, { count: 400, seed: 11, miskeyed: ["pa-04"], skipRate: 0.02 });
    await seedSimulatedAttempts(db(), quiz, attempts);

    // Read in small batches (the pagination is exercised), and yet the same as all at once.
    const analysis = await analyseQuiz(quiz, 64);
    const inMemory = analyseItems(quiz, attempts);
    if (analysis.status !== "analysed" || inMemory.status !== "analysed") throw new Error("400 attempts are enough");
    expect(analysis.attemptCount).toBe(400);
    analysis.scales.forEach((scale, i) => {
      expect(scale.alpha).toBeCloseTo(inMemory.scales[i]!.alpha!, 9);
      expect(scale.completeCount).toBe(inMemory.scales[i]!.completeCount);
      scale.items.forEach((item, j) => expect(item.itemRest).toBeCloseTo(inMemory.scales[i]!.items[j]!.itemRest!, 9));
    });

    const flagged = analysis.scales.flatMap((scale) => scale.items.filter((item) => item.flags.includes("negative-item-rest")).map((item) => item.id));
    expect(flagged).toEqual(["pa-04"]);
    const passive = analysis.scales.find((scale) => scale.strategy === "passive-aggressiveness")!;
    expect(passive.items.find((item) => item.id === "pa-04")!.flags).toContain("alpha-rises-without");

    for (const scale of analysis.scales) {
      if (scale.strategy === "passive-aggressiveness") {
        // The keying error costs the scale a lot of its consistency.
        expect(scale.alpha!).toBeLessThan(impliedAlpha(quiz, scale.strategy) - 0.05);
        continue;
      }
      // About .86 by the model; 400 attempts put α within a few hundredths of it (its SE is about .01).
      expect(Math.abs(scale.alpha! - impliedAlpha(quiz, scale.strategy))).toBeLessThan(0.035);
      expect(scale.alphaInterval!.lower).toBeLessThan(scale.alpha!);
      expect(scale.alphaInterval!.upper).toBeGreaterThan(scale.alpha!);
    }
    // The model's factors correlate at most .45, so no pair of scales is flagged as one thing.
    expect(analysis.scaleCorrelations.filter((pair) => pair.high)).toEqual([]);
  });

  it("says there is not enough data below 30 finished attempts, and ignores unfinished ones", async () => {
    const quiz = syntheticQuiz(`sim-${randomUUID()}`, 10);
    const profileId = await seedSimulatedAttempts(db(), quiz, simulateRespondents(quiz, { count: 29, seed: 3 }));
    await db().quizAttempt.create({ data: { profileId, quizVersion: quiz.version } }); // in progress
    expect(await analyseQuiz(quiz)).toEqual({ quizVersion: quiz.version, attemptCount: 29, status: "not-enough-data", minimum: 30 });
  });
});

describe("quizReliability", () => {
  it("uses the defaults until the version has 200 finished results, then its own α and SD", async () => {
    const quiz = syntheticQuiz(`sim-${randomUUID()}`, 10);
    reliabilityQuiz.version = quiz.version;
    Object.assign(reliabilityQuiz, quiz);
    forgetCachedReliability();
    const attempts = simulateRespondents(quiz, { count: MIN_RESULTS_FOR_RELIABILITY + 1, seed: 5 });
    await seedSimulatedAttempts(db(), quiz, attempts.slice(0, MIN_RESULTS_FOR_RELIABILITY - 1));

    const before = await quizReliability(quiz.version);
    expect(before.basis).toEqual({ kind: "defaults" });
    expect(before.scales.control).toEqual(DEFAULT_SCALE_RELIABILITY);

    await seedSimulatedAttempts(db(), quiz, attempts.slice(MIN_RESULTS_FOR_RELIABILITY - 1, MIN_RESULTS_FOR_RELIABILITY));
    // Still the cached figures until the cache is emptied (or RELIABILITY_CACHE_MS passes).
    expect((await quizReliability(quiz.version)).basis).toEqual({ kind: "defaults" });
    forgetCachedReliability();

    const after = await quizReliability(quiz.version);
    expect(after.basis).toEqual({ kind: "results", count: MIN_RESULTS_FOR_RELIABILITY });
    const analysis = analyseItems(quiz, attempts.slice(0, MIN_RESULTS_FOR_RELIABILITY));
    if (analysis.status !== "analysed") throw new Error("analysed");
    for (const strategy of STRATEGIES) {
      const scale = analysis.scales.find((s) => s.strategy === strategy)!;
      expect(after.scales[strategy].alpha).toBeCloseTo(scale.alpha!, 12);
      expect(after.scales[strategy].sd).toBeCloseTo(scale.scoreSd!, 12);
      expect(after.scales[strategy].alpha).not.toBeCloseTo(DEFAULT_SCALE_RELIABILITY.alpha, 2);
    }
  });

  it("gives the defaults for a version never published", async () => {
    forgetCachedReliability();
    expect((await quizReliability("no-such-version")).basis).toEqual({ kind: "defaults" });
  });
});

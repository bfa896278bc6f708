import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  analyseItems,
  feldtInterval,
  fDistributionQuantile,
  ItemAnalysisAccumulator,
  MIN_ATTEMPTS_FOR_ITEM_ANALYSIS,
  STRATEGIES,
  type AttemptAnswers,
  type Quiz,
  type Strategy,
} from "@/lib/scoring";

// The fixed dataset and psych::alpha's figures for it: tests/fixtures/item-analysis (alpha.R made expected.json).
const fixtures = join(import.meta.dirname, "..", "..", "fixtures", "item-analysis");
const csv = (name: string) =>
  readFileSync(join(fixtures, name), "utf8")
    .trim()
    .split("\n")
    .map((line) => line.split(","));

const [, ...itemRows] = csv("items.csv");
const quiz: Quiz = {
  version: "fixture-1",
  items: itemRows.map(([id, strategy, keyed]) => ({ id: id!, strategy: strategy as Strategy, keyed: keyed as "plus" | "minus", text: `Item ${id}` })),
  pointsTo: Object.fromEntries(STRATEGIES.map((s) => [s, { readFirst: [], capacities: [], lessons: [] }])) as unknown as Quiz["pointsTo"],
};
const [header, ...answerRows] = csv("answers.csv");
const attempts: AttemptAnswers[] = answerRows.map((row) =>
  Object.fromEntries(header!.flatMap((id, i) => (row[i] ? [[id, Number(row[i])]] : []))),
);

type Expected = {
  attemptCount: number;
  scales: {
    strategy: Strategy;
    completeCount: number;
    alpha: number;
    alphaLower: number;
    alphaUpper: number;
    psychTotalMean: number;
    psychTotalSd: number;
    scoredCount: number;
    scoreMean: number;
    scoreSd: number;
    items: { id: string; mean: number; sd: number; itemRest: number; alphaIfDropped: number }[];
  }[];
  scaleCorrelations: { a: Strategy; b: Strategy; count: number; r: number }[];
};
const expected = JSON.parse(readFileSync(join(fixtures, "expected.json"), "utf8")) as Expected;

const close = (actual: number | null | undefined, wanted: number) => {
  expect(actual).not.toBeNull();
  expect(Math.abs(actual! - wanted)).toBeLessThan(1e-6);
};

describe("the item analysis, against R's psych::alpha on the fixed dataset", () => {
  const analysis = analyseItems(quiz, attempts);
  if (analysis.status !== "analysed") throw new Error("The fixture has enough attempts to analyse.");

  it("counts the attempts and, per scale, the complete ones behind α", () => {
    expect(analysis.attemptCount).toBe(expected.attemptCount);
    for (const want of expected.scales) {
      const scale = analysis.scales.find((s) => s.strategy === want.strategy)!;
      expect(scale.completeCount).toBe(want.completeCount);
      expect(scale.scoredCount).toBe(want.scoredCount);
    }
  });

  it.each(expected.scales.map((s) => [s.strategy, s] as const))("matches α, its Feldt interval, the score mean and SD of %s", (strategy, want) => {
    const scale = analysis.scales.find((s) => s.strategy === strategy)!;
    close(scale.alpha, want.alpha);
    close(scale.alphaInterval?.lower, want.alphaLower);
    close(scale.alphaInterval?.upper, want.alphaUpper);
    close(scale.scoreMean, want.scoreMean);
    close(scale.scoreSd, want.scoreSd);
    // psych's total mean and sd are of the mean keyed answer of the complete attempts.
    close(scale.items.reduce((sum, item) => sum + item.mean!, 0) / scale.items.length, want.psychTotalMean);
  });

  it.each(expected.scales.map((s) => [s.strategy, s] as const))("matches every item's mean, SD, r.drop and α if dropped in %s", (strategy, want) => {
    const scale = analysis.scales.find((s) => s.strategy === strategy)!;
    expect(scale.items.map((item) => item.id)).toEqual(want.items.map((item) => item.id));
    want.items.forEach((wantItem, i) => {
      const item = scale.items[i]!;
      close(item.mean, wantItem.mean);
      close(item.sd, wantItem.sd);
      close(item.itemRest, wantItem.itemRest);
      close(item.alphaIfDropped, wantItem.alphaIfDropped);
    });
  });

  it("matches the correlations between the scale scores (pairwise, as cor() gives them)", () => {
    expect(analysis.scaleCorrelations).toHaveLength(10);
    for (const want of expected.scaleCorrelations) {
      const pair = analysis.scaleCorrelations.find((c) => c.a === want.a && c.b === want.b)!;
      expect(pair.count).toBe(want.count);
      close(pair.r, want.r);
    }
  });

  it("flags the mis-keyed item, and only items whose figures call for it", () => {
    const misKeyed = analysis.scales.find((s) => s.strategy === "conflict-avoidance")!.items.find((item) => item.id === "cf-04")!;
    expect(misKeyed.itemRest).toBeLessThan(0);
    expect(misKeyed.flags).toEqual(["negative-item-rest", "alpha-rises-without"]);
    for (const scale of analysis.scales) {
      for (const item of scale.items) {
        expect(item.flags.includes("negative-item-rest")).toBe(item.itemRest! < 0);
        expect(item.flags.includes("low-item-rest")).toBe(item.itemRest! >= 0 && item.itemRest! < 0.3);
        expect(item.flags.includes("alpha-rises-without")).toBe(item.alphaIfDropped! > scale.alpha!);
      }
    }
  });
});

describe("the item analysis's rules", () => {
  it("says there is not enough data under 30 attempts, and analyses from 30", () => {
    const few = analyseItems(quiz, attempts.slice(0, MIN_ATTEMPTS_FOR_ITEM_ANALYSIS - 1));
    expect(few).toEqual({ quizVersion: "fixture-1", attemptCount: 29, status: "not-enough-data", minimum: 30 });
    expect(analyseItems(quiz, attempts.slice(0, MIN_ATTEMPTS_FOR_ITEM_ANALYSIS)).status).toBe("analysed");
  });

  it("gives the same figures however the attempts arrive in batches", () => {
    const accumulator = new ItemAnalysisAccumulator(quiz);
    for (const answers of [...attempts].reverse()) accumulator.add(answers);
    const reversed = accumulator.result();
    const whole = analyseItems(quiz, attempts);
    if (reversed.status !== "analysed" || whole.status !== "analysed") throw new Error("analysed");
    reversed.scales.forEach((scale, i) => {
      expect(scale.alpha).toBeCloseTo(whole.scales[i]!.alpha!, 10);
      expect(scale.scoreSd).toBeCloseTo(whole.scales[i]!.scoreSd!, 10);
    });
  });

  it("flags two scales whose scores correlate above .70", () => {
    // Every conflict-avoidance answer copies the intimacy-avoidance item beside it, keyed alike.
    const copied = attempts.map((answers) => {
      const next: Record<string, number> = { ...answers };
      for (let n = 1; n <= 5; n++) {
        const from = answers[`ia-0${n}`];
        if (from === undefined) delete next[`cf-0${n}`];
        else next[`cf-0${n}`] = from;
      }
      return next;
    });
    const analysis = analyseItems(quiz, copied);
    if (analysis.status !== "analysed") throw new Error("analysed");
    const flagged = analysis.scaleCorrelations.filter((pair) => pair.high).map((pair) => `${pair.a}/${pair.b}`);
    expect(flagged).toEqual(["intimacy-avoidance/conflict-avoidance"]);
  });

  it("ignores answers the quiz does not know or cannot score", () => {
    const noisy = attempts.map((answers) => ({ ...answers, "zz-01": 3, "ia-01": answers["ia-01"] === undefined ? 9 : answers["ia-01"] }));
    const a = analyseItems(quiz, noisy);
    const b = analyseItems(quiz, attempts);
    expect(a).toEqual(b);
  });
});

describe("the F quantiles behind Feldt's interval", () => {
  it("match R's qf", () => {
    // qf(.975, 79, 316), qf(.025, 79, 316), qf(.025, 2, 3) from R 4.2.2.
    expect(fDistributionQuantile(0.975, 79, 316)).toBeCloseTo(1.3937878827072101, 10);
    expect(fDistributionQuantile(0.025, 79, 316)).toBeCloseTo(0.6912318432227407, 10);
    expect(fDistributionQuantile(0.025, 2, 3)).toBeCloseTo(0.0255326789852114, 10);
  });

  it("narrow as more people answer", () => {
    const small = feldtInterval(0.8, 50, 10);
    const large = feldtInterval(0.8, 5000, 10);
    expect(small.lower).toBeLessThan(large.lower);
    expect(small.upper).toBeGreaterThan(large.upper);
    expect(large.lower).toBeLessThan(0.8);
    expect(large.upper).toBeGreaterThan(0.8);
  });
});

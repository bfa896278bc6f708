import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  DEFAULT_SCALE_RELIABILITY,
  STRATEGIES,
  aboutEquallyActive,
  changeVerdict,
  changeVerdictText,
  defaultReliability,
  leadingGroup,
  marginOfScore,
  rangeReadingText,
  rankStrategies,
  readRange,
  reliableChangeIndex,
  scoreRange,
  standardErrorOfMeasurement,
  standardDeviation,
  cronbachAlpha,
  wholeScore,
  type QuizReliability,
  type Strategy,
  type StrategyPointers,
  type StrategyResult,
} from "@/lib/scoring";

const scaleArb = fc.record({
  alpha: fc.double({ min: 0, max: 0.99, noNaN: true }),
  sd: fc.double({ min: 1, max: 40, noNaN: true }),
});
const scoreArb = fc.integer({ min: 0, max: 100 });

describe("margin properties", () => {
  it("gives an RC of 0 for equal scores, and RC(a, b) = −RC(b, a)", () => {
    fc.assert(
      fc.property(scoreArb, scoreArb, scaleArb, (a, b, scale) => {
        expect(reliableChangeIndex(a, a, scale)).toBe(0);
        expect(reliableChangeIndex(a, b, scale) + reliableChangeIndex(b, a, scale)).toBeCloseTo(0, 12);
      }),
    );
  });

  it("narrows the range as α rises (SD held)", () => {
    fc.assert(
      fc.property(
        scoreArb,
        fc.double({ min: 0, max: 0.98, noNaN: true }),
        fc.double({ min: 0.001, max: 0.02, noNaN: true }),
        fc.double({ min: 1, max: 40, noNaN: true }),
        (score, alpha, step, sd) => {
          const wide = scoreRange(score, { alpha, sd });
          const narrow = scoreRange(score, { alpha: alpha + step, sd });
          expect(narrow.margin).toBeLessThan(wide.margin);
          expect(narrow.upper - narrow.lower).toBeLessThanOrEqual(wide.upper - wide.lower);
          expect(narrow.high - narrow.low).toBeLessThanOrEqual(wide.high - wide.low);
        },
      ),
    );
  });

  it("keeps every range within 0–100 and around its score", () => {
    fc.assert(
      fc.property(scoreArb, scaleArb, (score, scale) => {
        const range = scoreRange(score, scale);
        for (const bound of [range.lower, range.upper, range.low, range.high]) {
          expect(bound).toBeGreaterThanOrEqual(0);
          expect(bound).toBeLessThanOrEqual(100);
        }
        expect(range.lower).toBeLessThanOrEqual(score);
        expect(range.upper).toBeGreaterThanOrEqual(score);
        expect(range.low).toBeLessThanOrEqual(score);
        expect(range.high).toBeGreaterThanOrEqual(score);
        expect(Number.isInteger(range.low) && Number.isInteger(range.high)).toBe(true);
      }),
    );
  });

  it("calls a change real exactly when |RC| ≥ 1.96, in the direction of the change", () => {
    fc.assert(
      fc.property(scoreArb, scoreArb, scaleArb, (a, b, scale) => {
        const verdict = changeVerdict(a, b, scale);
        const rc = reliableChangeIndex(a, b, scale);
        expect(verdict.kind).toBe(Math.abs(rc) >= 1.96 ? (b > a ? "higher" : "lower") : "same");
      }),
    );
  });

  it("treats two strategies as about equally active exactly when the same test finds no reliable difference", () => {
    fc.assert(
      fc.property(scoreArb, scoreArb, scaleArb, (a, b, scale) => {
        expect(aboutEquallyActive({ score: a, scale }, { score: b, scale })).toBe(changeVerdict(a, b, scale).kind === "same");
      }),
    );
  });
});

describe("the textbook formulas on a worked example", () => {
  // Six people's answers to a four-item scale (1–5), worked by hand (and checked in Python):
  // item variances (n − 1) 2, 0.8, 1.7667, 1.4667 (sum 6.0333); totals 6, 9, 13, 15, 19, 11 with
  // variance 20.9667; α = 4/3 · (1 − 6.0333/20.9667) = 0.949656; scores 25·(total − 4)/4 with
  // SD 6.25 · √20.9667 = 28.6184; SEM = 28.6184 · √(1 − 0.949656) = 6.42126; margin 12.5857.
  const rows = [
    [1, 2, 1, 2],
    [2, 2, 3, 2],
    [3, 3, 3, 4],
    [4, 4, 3, 4],
    [5, 4, 5, 5],
    [3, 3, 2, 3],
  ];
  it("SEM = SD·√(1 − α) and the margin 1.96·SEM, from data", () => {
    const scores = rows.map((row) => (25 * (row.reduce((sum, v) => sum + v, 0) - 4)) / 4);
    expect(scores).toEqual([12.5, 31.25, 56.25, 68.75, 93.75, 43.75]);
    const alpha = cronbachAlpha(rows);
    expect(alpha).toBeCloseTo(0.9496555378908319, 12);
    const sd = standardDeviation(scores);
    expect(sd).toBeCloseTo(28.618358035824954, 10);
    expect(standardErrorOfMeasurement({ alpha, sd })).toBeCloseTo(6.421264586426024, 10);
    expect(marginOfScore({ alpha, sd })).toBeCloseTo(12.585678589395007, 10);
    const range = scoreRange(56, { alpha, sd });
    expect([range.low, range.high]).toEqual([43, 69]);
  });

  it("with the defaults (α .80, SD 15): SEM 6.708, margin 13.15 (shown ±13), real change at 19 points", () => {
    const scale = DEFAULT_SCALE_RELIABILITY;
    expect(standardErrorOfMeasurement(scale)).toBeCloseTo(15 * Math.sqrt(0.2), 12);
    expect(standardErrorOfMeasurement(scale)).toBeCloseTo(6.7082, 4);
    const range = scoreRange(64, scale);
    expect(range.margin).toBeCloseTo(13.148, 3);
    expect([range.shownMargin, range.low, range.high]).toEqual([13, 51, 77]);
    // RC = 18 / (√2 · 6.708) = 1.897 → about the same; 19 → 2.003 → real.
    expect(reliableChangeIndex(40, 58, scale)).toBeCloseTo(18 / (Math.SQRT2 * 15 * Math.sqrt(0.2)), 12);
    expect(changeVerdict(40, 58, scale).kind).toBe("same");
    expect(changeVerdict(40, 59, scale).kind).toBe("higher");
    expect(changeVerdict(59, 40, scale).kind).toBe("lower");
  });

  it("uses each version's own SEM for results of two quiz versions", () => {
    const before = { alpha: 0.8, sd: 15 };
    const after = { alpha: 0.9, sd: 15 };
    const expected = 20 / Math.sqrt(15 ** 2 * 0.2 + 15 ** 2 * 0.1);
    expect(reliableChangeIndex(40, 60, before, after)).toBeCloseTo(expected, 12);
  });
});

describe("reading a range", () => {
  const scale = DEFAULT_SCALE_RELIABILITY;
  it("reads one band when the range stays inside it, and 'between' when it straddles a cut point", () => {
    expect(rangeReadingText(readRange(scoreRange(90, scale)))).toBe("high");
    expect(rangeReadingText(readRange(scoreRange(10, scale)))).toBe("low");
    expect(rangeReadingText(readRange(scoreRange(64, scale)))).toBe("between moderate and high");
    expect(rangeReadingText(readRange(scoreRange(30, scale)))).toBe("between low and moderate");
    expect(rangeReadingText(readRange(scoreRange(52, scale)))).toBe("anywhere from low to high");
    expect(rangeReadingText(readRange(scoreRange(52, { alpha: 0.95, sd: 10 })))).toBe("moderate");
  });

  it("shows old one-decimal scores as whole numbers that keep their stored band", () => {
    expect(wholeScore(64.9, "moderate")).toBe(64);
    expect(wholeScore(39.5, "low")).toBe(39);
    expect(wholeScore(64.4, "moderate")).toBe(64);
    expect(wholeScore(64.5, "high")).toBe(65);
    expect(wholeScore(65, "high")).toBe(65);
    expect(wholeScore(12.5, "low")).toBe(13);
    expect(wholeScore(52, "moderate")).toBe(52);
  });
});

describe("about equally active", () => {
  const pointers: StrategyPointers = { readFirst: [], capacities: [], lessons: [] };
  const quiz = { pointsTo: Object.fromEntries(STRATEGIES.map((s) => [s, pointers])) as Record<Strategy, StrategyPointers> };
  const results = (scores: number[]): StrategyResult[] =>
    STRATEGIES.map((strategy, i) => ({
      strategy,
      answered: 10,
      total: 10,
      status: "scored",
      score: scores[i]!,
      band: scores[i]! >= 65 ? "high" : scores[i]! >= 40 ? "moderate" : "low",
    }));
  const reliability: QuizReliability = defaultReliability("test");

  it("groups with the highest every strategy within 1.96·√(SEM₁² + SEM₂²) of it (18 points by default)", () => {
    expect(leadingGroup(results([70, 52, 51, 20, 10]), reliability)).toEqual(["intimacy-avoidance", "conflict-avoidance"]);
    expect(leadingGroup(results([70, 40, 30, 20, 10]), reliability)).toEqual(["intimacy-avoidance"]);
  });

  it("never splits strategies the quiz can't tell apart into 'where to start' and 'the rest'", () => {
    // By the band rule alone only the high one (66) would lead; 60 and 55 are within the margin.
    const scored = results([66, 60, 55, 30, 10]);
    expect(rankStrategies(quiz, scored).top).toEqual(["intimacy-avoidance"]);
    expect(rankStrategies(quiz, scored, reliability).top).toEqual([
      "intimacy-avoidance",
      "conflict-avoidance",
      "passive-aggressiveness",
    ]);
  });

  it("leaves the top alone when the highest stands clear of the rest", () => {
    const scored = results([90, 60, 55, 30, 10]);
    expect(rankStrategies(quiz, scored, reliability).top).toEqual(["intimacy-avoidance"]);
  });

  it("says each verdict in kind words", () => {
    expect(changeVerdictText({ kind: "lower" })).toBe("a real change: lower than before");
    expect(changeVerdictText({ kind: "higher" })).toBe("a real change: higher than before");
    expect(changeVerdictText({ kind: "same" })).toBe("about the same, within the quiz’s margin");
  });
});

import { describe, expect, it } from "vitest";
import { cronbachAlpha, mean, standardDeviation, variance } from "@/lib/scoring";

describe("the shared statistics", () => {
  it("give the sample mean, variance and SD", () => {
    expect(mean([2, 4, 4, 4, 5, 5, 7, 9])).toBe(5);
    expect(variance([2, 4, 4, 4, 5, 5, 7, 9])).toBeCloseTo(32 / 7, 12);
    expect(standardDeviation([1, 3])).toBeCloseTo(Math.SQRT2, 12);
  });

  it("give Cronbach's alpha by the textbook formula", () => {
    // Three items, four respondents. Item variances 2, 19/12 and 11/12 (sum 4.5); the
    // totals 6, 9, 11, 14 have variance 34/3; α = 3/2 · (1 − 4.5/(34/3)) = 1.5 · (1 − 27/68) = .9044…
    const rows = [
      [1, 2, 3],
      [3, 3, 3],
      [4, 3, 4],
      [4, 5, 5],
    ];
    expect(cronbachAlpha(rows)).toBeCloseTo(1.5 * (1 - 27 / 68), 12);
    // Identical items: perfectly consistent.
    expect(cronbachAlpha([[1, 1], [2, 2], [5, 5]])).toBeCloseTo(1, 12);
  });

  it("refuse what they cannot compute", () => {
    expect(() => mean([])).toThrow(RangeError);
    expect(() => variance([3])).toThrow(RangeError);
    expect(() => cronbachAlpha([[1, 2]])).toThrow(RangeError);
    expect(() => cronbachAlpha([[1, 2], [3]])).toThrow(RangeError);
  });
});

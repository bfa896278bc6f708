import { describe, expect, it } from "vitest";
import { analyseItems, STRATEGIES } from "@/lib/scoring";
import { cholesky, FACTOR_CORRELATIONS, impliedAlpha, simulateRespondents, syntheticQuiz } from "@/scripts/lib/simulate-respondents";

const quiz = syntheticQuiz("sim-unit", 10);

describe("the respondent simulator", () => {
  it("gives the same respondents for the same seed, and others for another", () => {
    const a = simulateRespondents(quiz, { count: 20, seed: 42 });
    expect(simulateRespondents(quiz, { count: 20, seed: 42 })).toEqual(a);
    expect(simulateRespondents(quiz, { count: 20, seed: 43 })).not.toEqual(a);
    for (const answers of a) for (const value of Object.values(answers)) expect([1, 2, 3, 4, 5]).toContain(value);
  });

  it("never skips so much that a scale cannot be scored", () => {
    for (const answers of simulateRespondents(quiz, { count: 200, seed: 1, skipRate: 0.5 })) {
      for (const strategy of STRATEGIES) {
        const items = quiz.items.filter((item) => item.strategy === strategy);
        expect(items.filter((item) => answers[item.id] !== undefined).length * 5).toBeGreaterThanOrEqual(items.length * 4);
      }
    }
  });

  it("implies α near the continuous formula, lower for weaker loadings, and lands near it on data", () => {
    const implied = impliedAlpha(quiz, "control");
    // Ten continuous items at λ = .65 give 4.225 / 4.8025 = .880; five categories cost a little.
    expect(implied).toBeGreaterThan(0.84);
    expect(implied).toBeLessThan(0.88);
    const weaker = impliedAlpha(quiz, "control", { loadings: Object.fromEntries(quiz.items.map((item) => [item.id, 0.4])) });
    expect(weaker).toBeLessThan(implied - 0.1);
    const analysis = analyseItems(quiz, simulateRespondents(quiz, { count: 3000, seed: 9 }));
    if (analysis.status !== "analysed") throw new Error("analysed");
    for (const scale of analysis.scales) expect(Math.abs(scale.alpha! - implied)).toBeLessThan(0.015);
  });

  it("uses factor correlations that form a valid correlation matrix", () => {
    expect(() => cholesky(FACTOR_CORRELATIONS)).not.toThrow();
    expect(() => cholesky([[1, 1.2], [1.2, 1]])).toThrow(RangeError);
  });
});

// @vitest-environment jsdom
import { render, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { StrategyScoresChart } from "@/components/charts/strategy-scores-chart";
import { ScoreTable } from "@/components/results/score-table";
import { reliabilityBasisText, shownScore, spokenScore } from "@/components/results/shown-score";
import { defaultReliability, STRATEGIES, type QuizReliability, type Strategy, type StrategyResult } from "@/lib/scoring";

const names: Record<Strategy, string> = {
  "intimacy-avoidance": "Intimacy avoidance",
  "conflict-avoidance": "Conflict avoidance",
  "passive-aggressiveness": "Passive-aggressiveness",
  control: "Control",
  overfunctioning: "Overfunctioning",
};
const stored: Record<Strategy, StrategyResult> = {
  "intimacy-avoidance": { strategy: "intimacy-avoidance", answered: 10, total: 10, status: "scored", score: 90, band: "high" },
  // A result stored with one decimal under scoring version 1: shown as 64, still moderate.
  "conflict-avoidance": { strategy: "conflict-avoidance", answered: 10, total: 10, status: "scored", score: 64.9, band: "moderate" },
  "passive-aggressiveness": { strategy: "passive-aggressiveness", answered: 10, total: 10, status: "scored", score: 52, band: "moderate" },
  control: { strategy: "control", answered: 10, total: 10, status: "scored", score: 6, band: "low" },
  overfunctioning: { strategy: "overfunctioning", answered: 3, total: 10, status: "not-enough-answers" },
};
const results = STRATEGIES.map((strategy) => stored[strategy]);
const reliability = defaultReliability("1");
const shown = Object.fromEntries(results.map((result) => [result.strategy, shownScore(result, reliability)]));

describe("the score table", () => {
  it("gives each whole score its likely range and reads a range that crosses a cut point as 'between'", () => {
    render(<ScoreTable results={results} shown={shown} names={names} />);
    const table = screen.getByRole("table", { name: /Your scores by strategy, 0 to 100, each with its likely range/ });
    const cells = (name: string) =>
      [...within(table).getByRole("rowheader", { name }).closest("tr")!.querySelectorAll("td")].map((cell) => cell.textContent);
    expect(cells("Intimacy avoidance")).toEqual(["90", "77–100", "high"]);
    expect(cells("Conflict avoidance")).toEqual(["64", "51–77", "between moderate and high"]);
    expect(cells("Passive-aggressiveness")).toEqual(["52", "39–65", "anywhere from low to high"]);
    expect(cells("Control")).toEqual(["6", "0–19", "low"]);
    expect(cells("Overfunctioning")).toEqual(["—", "—", "not enough answers (3 of 10)"]);
  });

  it("narrows the ranges when the quiz is more reliable, and says what they rest on", () => {
    const precise: QuizReliability = {
      quizVersion: "2",
      basis: { kind: "results", count: 312 },
      scales: { ...reliability.scales, "conflict-avoidance": { alpha: 0.95, sd: 10 } },
    };
    const entry = shownScore(stored["conflict-avoidance"], precise)!;
    expect([entry.score, entry.rangeText, entry.readingText]).toEqual([64, "60 to 68", "between moderate and high"]);
    expect(reliabilityBasisText(precise)).toBe("The ranges are based on 312 results of this version of the quiz.");
    expect(reliabilityBasisText(reliability)).toBe(
      "The ranges are an estimate until enough people have taken this version of the quiz.",
    );
  });
});

describe("the scores chart", () => {
  it("draws each scored strategy's range and shows whole numbers only", () => {
    const label = `Scores: ${results.map((result) => (shown[result.strategy] ? spokenScore(shown[result.strategy]!) : "not scored")).join("; ")}`;
    const { container } = render(<StrategyScoresChart results={results} shown={shown} names={names} label={label} />);
    const chart = screen.getByRole("img");
    expect(chart.getAttribute("aria-label")).toContain("64 (likely 51 to 77), between moderate and high");
    expect([...container.querySelectorAll("[data-range]")].map((range) => range.getAttribute("data-range"))).toEqual([
      "77-100",
      "51-77",
      "39-65",
      "0-19",
    ]);
    const texts = [...container.querySelectorAll("text")].map((text) => text.textContent);
    expect(texts).toContain("64 · range 51–77");
    expect(texts.some((text) => /\d\.\d/.test(text ?? ""))).toBe(false);
  });
});

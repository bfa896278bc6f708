// @vitest-environment jsdom
import { render, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { describeChange } from "@/components/journey/change";
import { CompareForm } from "@/components/journey/compare-form";
import { CompareTable } from "@/components/journey/compare-table";
import { numberResults } from "@/components/journey/format";
import { bandFor, STRATEGIES, type Strategy, type StrategyResult } from "@/lib/scoring";

const scored = (score: number, strategy: Strategy = "control"): StrategyResult => ({
  strategy,
  answered: 10,
  total: 10,
  status: "scored",
  score,
  band: bandFor(score),
});
const unscored = (strategy: Strategy = "control"): StrategyResult => ({
  strategy,
  answered: 2,
  total: 10,
  status: "not-enough-answers",
});

describe("describeChange", () => {
  it("says how far a score moved, with its sign, as a signal", () => {
    expect(describeChange(scored(48), scored(55))).toEqual({ kind: "up", delta: 7, text: "+7.0", words: "seems more active" });
    expect(describeChange(scored(60), scored(48))).toEqual({ kind: "down", delta: -12, text: "−12.0", words: "seems less active" });
    expect(describeChange(scored(52.5), scored(52.5))).toEqual({ kind: "same", delta: 0, text: "no change", words: "about the same" });
  });

  it("rounds to the scores' one decimal, so float error never shows", () => {
    expect(describeChange(scored(42.2), scored(42.3)).text).toBe("+0.1");
    expect(describeChange(scored(77.8), scored(70.3)).text).toBe("−7.5");
  });

  it("notes a move into another band", () => {
    expect(describeChange(scored(62.5), scored(67.5))).toMatchObject({ text: "+5.0", bands: { from: "moderate", to: "high" } });
    expect(describeChange(scored(40), scored(37.5))).toMatchObject({ text: "−2.5", bands: { from: "moderate", to: "low" } });
    expect(describeChange(scored(45), scored(55))).not.toHaveProperty("bands");
  });

  it("doesn't guess when either result had too few answers", () => {
    expect(describeChange(unscored(), scored(50))).toEqual({ kind: "not-comparable", text: "—", words: "not enough answers to compare" });
    expect(describeChange(scored(50), unscored()).kind).toBe("not-comparable");
  });
});

const names: Record<Strategy, string> = {
  "intimacy-avoidance": "Intimacy avoidance",
  "conflict-avoidance": "Conflict avoidance",
  "passive-aggressiveness": "Passive-aggressiveness",
  control: "Control",
  overfunctioning: "Overfunctioning",
};
const earlierScores: Record<Strategy, number | null> = {
  "intimacy-avoidance": 70,
  "conflict-avoidance": 48,
  "passive-aggressiveness": 30,
  control: 62.5,
  overfunctioning: null,
};
const laterScores: Record<Strategy, number> = {
  "intimacy-avoidance": 58,
  "conflict-avoidance": 55,
  "passive-aggressiveness": 30,
  control: 67.5,
  overfunctioning: 40,
};
const resultOf = (id: string, on: string, values: Record<Strategy, number | null>) => ({
  id,
  completedAt: new Date(on),
  strategies: STRATEGIES.map((strategy) => (values[strategy] === null ? unscored(strategy) : scored(values[strategy]!, strategy))),
});
const [later, earlier] = numberResults([
  resultOf("b", "2026-12-03T10:00:00Z", laterScores),
  resultOf("a", "2026-11-27T10:00:00Z", earlierScores),
]);

describe("CompareTable", () => {
  it("puts both results side by side per strategy with the change from the earlier to the later", () => {
    render(<CompareTable earlier={earlier!} later={later!} names={names} />);
    const table = screen.getByRole("table", { name: /Your scores on 27 November 2026 and 3 December 2026, and the change/ });
    expect(within(table).getAllByRole("columnheader").map((cell) => cell.textContent)).toEqual([
      "Result 127 Nov 2026",
      "Result 23 Dec 2026",
      "Change",
    ]);
    // Each strategy is a row group: its name on a row of its own, the figures below, tied to it by `headers`.
    const cells = (name: string) => {
      const header = within(table).getByRole("rowheader", { name });
      const figures = [...header.closest("tbody")!.querySelectorAll("td")];
      for (const cell of figures) expect(cell.getAttribute("headers")!.split(" ")).toContain(header.id);
      return figures.map((cell) => cell.textContent);
    };
    expect(cells("Intimacy avoidance")).toEqual(["70.0high", "58.0moderate", "−12.0seems less active, now moderate"]);
    expect(cells("Conflict avoidance")).toEqual(["48.0moderate", "55.0moderate", "+7.0seems more active"]);
    expect(cells("Passive-aggressiveness")).toEqual(["30.0low", "30.0low", "no changeabout the same"]);
    expect(cells("Control")).toEqual(["62.5moderate", "67.5high", "+5.0seems more active, now high"]);
    expect(cells("Overfunctioning")).toEqual(["not enough answers", "40.0moderate", "—not enough answers to compare"]);
    expect(within(table).getAllByRole("rowheader")).toHaveLength(5);
  });
});

describe("CompareForm", () => {
  it("is a plain GET form to /me/compare that offers the two newest by default", () => {
    render(<CompareForm results={[later!, earlier!]} />);
    const form = screen.getByRole("form", { name: "Choose two results to compare" });
    expect(form.getAttribute("method")).toBe("get");
    expect(form.getAttribute("action")).toBe("/me/compare");
    const from = within(form).getByLabelText<HTMLSelectElement>("Earlier result");
    const to = within(form).getByLabelText<HTMLSelectElement>("Later result");
    expect([from.name, from.value, to.name, to.value]).toEqual(["from", "a", "to", "b"]);
    expect([...from.options].map((option) => option.textContent)).toEqual(["3 December 2026 (Result 2)", "27 November 2026 (Result 1)"]);
    expect(within(form).getByRole("button", { name: "Compare these two" }).getAttribute("type")).toBe("submit");
  });

  it("shows what went wrong beside the choices, and keeps them", () => {
    render(<CompareForm results={[later!, earlier!]} from="b" to="b" error="Choose two different results to compare." />);
    expect(screen.getByRole("alert").textContent).toBe("Choose two different results to compare.");
    const from = screen.getByLabelText<HTMLSelectElement>("Earlier result");
    expect(from.value).toBe("b");
    expect(from.getAttribute("aria-invalid")).toBe("true");
    expect(from.getAttribute("aria-describedby")).toBe(screen.getByRole("alert").id);
  });
});

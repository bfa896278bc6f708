// @vitest-environment jsdom
import { render, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { describeChange } from "@/components/journey/change";
import { CompareForm } from "@/components/journey/compare-form";
import { CompareTable } from "@/components/journey/compare-table";
import { numberResults } from "@/components/journey/format";
import { bandFor, defaultReliability, STRATEGIES, type Strategy, type StrategyResult } from "@/lib/scoring";

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

const defaults = defaultReliability("1");

describe("describeChange", () => {
  it("calls a change real only when |RC| ≥ 1.96 (19 points or more with the default margin), with its direction", () => {
    expect(describeChange(scored(40), scored(59), defaults)).toMatchObject({
      kind: "higher",
      difference: 19,
      text: "+19",
      words: "a real change: higher than before",
      quizChanged: false,
    });
    expect(describeChange(scored(70), scored(40), defaults)).toMatchObject({
      kind: "lower",
      text: "−30",
      words: "a real change: lower than before",
    });
    expect(describeChange(scored(48), scored(66), defaults)).toMatchObject({
      kind: "same",
      text: "+18",
      words: "about the same, within the quiz’s margin",
    });
    expect(describeChange(scored(52), scored(52), defaults)).toMatchObject({ kind: "same", difference: 0, text: "no change" });
  });

  it("compares the whole numbers shown, even for results stored with one decimal", () => {
    // 64.9 (moderate) shows as 64, and 65.2 (high) as 65: a difference of 1, not 0.3.
    expect(describeChange(scored(64.9), scored(65.2), defaults)).toMatchObject({ text: "+1", kind: "same" });
    expect(describeChange(scored(42.2), scored(42.3), defaults).text).toBe("no change");
  });

  it("uses each version's own margin when the quiz changed between the two results", () => {
    const tighter = { ...defaults, quizVersion: "2", scales: { ...defaults.scales, control: { alpha: 0.95, sd: 15 } } };
    // √(15²·.2 + 15²·.05) = 7.5, so 15 points is 2.0 standard errors: real, and flagged as across versions.
    expect(describeChange(scored(40), scored(55), defaults, tighter)).toMatchObject({ kind: "higher", quizChanged: true });
    expect(describeChange(scored(40), scored(55), defaults)).toMatchObject({ kind: "same", quizChanged: false });
  });

  it("doesn't guess when either result had too few answers", () => {
    expect(describeChange(unscored(), scored(50), defaults)).toEqual({
      kind: "not-comparable",
      text: "—",
      words: "not enough answers to compare",
    });
    expect(describeChange(scored(50), unscored(), defaults).kind).toBe("not-comparable");
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
  "intimacy-avoidance": 40,
  "conflict-avoidance": 55,
  "passive-aggressiveness": 30,
  control: 67.5,
  overfunctioning: 40,
};
const resultOf = (id: string, on: string, values: Record<Strategy, number | null>) => ({
  id,
  quizVersion: "1",
  completedAt: new Date(on),
  strategies: STRATEGIES.map((strategy) => (values[strategy] === null ? unscored(strategy) : scored(values[strategy]!, strategy))),
});
const [later, earlier] = numberResults([
  resultOf("b", "2026-12-03T10:00:00Z", laterScores),
  resultOf("a", "2026-11-27T10:00:00Z", earlierScores),
]);

describe("CompareTable", () => {
  it("puts both results side by side per strategy with the change from the earlier to the later", () => {
    render(<CompareTable earlier={earlier!} later={later!} reliability={{ earlier: defaults, later: defaults }} names={names} />);
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
    // Whole scores, each with its range (± 13 by default) and how the range reads against the bands.
    expect(cells("Intimacy avoidance")).toEqual([
      "70range 57–83between moderate and high",
      "40range 27–53between low and moderate",
      "−30a real change: lower than before",
    ]);
    expect(cells("Conflict avoidance")).toEqual([
      "48range 35–61between low and moderate",
      "55range 42–68between moderate and high",
      "+7about the same, within the quiz’s margin",
    ]);
    expect(cells("Passive-aggressiveness")).toEqual([
      "30range 17–43between low and moderate",
      "30range 17–43between low and moderate",
      "no changeabout the same, within the quiz’s margin",
    ]);
    // A result stored with one decimal (62.5) shows as a whole number.
    expect(cells("Control")).toEqual([
      "63range 50–76between moderate and high",
      "68range 55–81between moderate and high",
      "+5about the same, within the quiz’s margin",
    ]);
    expect(cells("Overfunctioning")).toEqual([
      "not enough answers",
      "40range 27–53between low and moderate",
      "—not enough answers to compare",
    ]);
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

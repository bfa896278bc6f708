// @vitest-environment jsdom
import { render, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { StrategyTrendChart, type TrendResult } from "@/components/charts/strategy-trend-chart";
import { StrategyTrendTable } from "@/components/charts/strategy-trend-table";
import { numberResults, trendResults } from "@/components/journey/format";
import { StrategyTrends } from "@/components/journey/strategy-trends";
import { bandFor, defaultReliability, STRATEGIES, type Strategy, type StrategyResult } from "@/lib/scoring";

const reliability = { "1": defaultReliability("1"), "2": defaultReliability("2") };

const names: Record<Strategy, string> = {
  "intimacy-avoidance": "Intimacy avoidance",
  "conflict-avoidance": "Conflict avoidance",
  "passive-aggressiveness": "Passive-aggressiveness",
  control: "Control",
  overfunctioning: "Overfunctioning",
};

/** Five results: the given scores per strategy (null: too few answers), the rest at 50. */
function scores(overrides: Partial<Record<Strategy, number | null>>): StrategyResult[] {
  return STRATEGIES.map((strategy) => {
    const score = strategy in overrides ? overrides[strategy]! : 50;
    return score === null
      ? { strategy, answered: 3, total: 10, status: "not-enough-answers" }
      : { strategy, answered: 10, total: 10, status: "scored", score, band: bandFor(score) };
  });
}

/** Results as the page gets them from listResults: newest first. */
function journey(
  ...oldestFirst: { on: string; scores: Partial<Record<Strategy, number | null>>; version?: string }[]
): TrendResult[] {
  const newestFirst = oldestFirst
    .map((result, index) => ({
      id: `r${index + 1}`,
      quizVersion: result.version ?? "1",
      completedAt: new Date(result.on),
      strategies: scores(result.scores),
    }))
    .reverse();
  return trendResults(numberResults(newestFirst));
}

const chartOf = (strategy: Strategy, results: TrendResult[]) => {
  const { container } = render(
    <StrategyTrendChart strategy={strategy} name={names[strategy]} results={results} reliability={reliability} />,
  );
  return container.querySelector("svg")!;
};
const points = (svg: SVGSVGElement) => [...svg.querySelectorAll("circle[data-score]")];
const bandLines = (svg: SVGSVGElement) => [...svg.querySelectorAll("line[stroke-dasharray]")];

describe("the trend chart", () => {
  const two = journey(
    { on: "2026-11-27T10:00:00Z", scores: { control: 48 } },
    { on: "2026-12-03T10:00:00Z", scores: { control: 55 } },
  );

  it("describes every result's date, score and band in its text alternative", () => {
    chartOf("control", two);
    const chart = screen.getByRole("img");
    expect(chart.getAttribute("aria-label")).toBe(
      "Control across your 2 results, oldest first: 27 November 2026, 48 (likely 35 to 61, between low and moderate). " +
        "3 December 2026, 55 (likely 42 to 68, between moderate and high); about the same, within the quiz’s margin.",
    );
  });

  it("plots the scores oldest to newest, joined by one line, with each number shown", () => {
    const svg = chartOf("control", two);
    const [first, second] = points(svg);
    expect(points(svg).map((point) => point.getAttribute("data-score"))).toEqual(["48", "55"]);
    expect(Number(first!.getAttribute("cx"))).toBeLessThan(Number(second!.getAttribute("cx")));
    // Higher scores sit higher (smaller y).
    expect(Number(second!.getAttribute("cy"))).toBeLessThan(Number(first!.getAttribute("cy")));
    const line = svg.querySelectorAll("polyline[data-line]");
    expect(line).toHaveLength(1);
    expect(line[0]!.getAttribute("points")!.split(" ")).toHaveLength(2);
    expect([...svg.querySelectorAll("text")].map((text) => text.textContent)).toEqual(
      expect.arrayContaining(["48", "55", "27 Nov 2026", "3 Dec 2026"]),
    );
  });

  it("draws the band lines where the bands begin: a score of 40 or 65 sits exactly on one", () => {
    const svg = chartOf(
      "control",
      journey({ on: "2026-01-05T10:00:00Z", scores: { control: 40 } }, { on: "2026-02-05T10:00:00Z", scores: { control: 65 } }),
    );
    const lines = bandLines(svg).map((line) => Number(line.getAttribute("y1")));
    expect(lines).toHaveLength(2);
    expect(points(svg).map((point) => Number(point.getAttribute("cy")))).toEqual(lines);
    // The scale's labels: 0, the two cut points and 100.
    expect([...svg.querySelectorAll("text")].map((text) => text.textContent)).toEqual(
      expect.arrayContaining(["0", "40", "65", "100"]),
    );
  });

  it("leaves a gap rather than bridging a result without enough answers", () => {
    const svg = chartOf(
      "control",
      journey(
        { on: "2026-01-05T10:00:00Z", scores: { control: 30 } },
        { on: "2026-02-05T10:00:00Z", scores: { control: null } },
        { on: "2026-03-05T10:00:00Z", scores: { control: 70 } },
        { on: "2026-04-05T10:00:00Z", scores: { control: 60 } },
      ),
    );
    expect(points(svg).map((point) => point.getAttribute("data-score"))).toEqual(["30", "70", "60"]);
    expect(svg.querySelectorAll("polyline[data-line]")).toHaveLength(1); // 70 → 60 only
    expect(svg.getAttribute("aria-label")).toContain("5 February 2026, not enough answers");
  });

  it("on a long journey keeps every point but names only the first and the latest", () => {
    const eight = journey(
      ...[30, 35, 40, 45, 50, 55, 60, 62.5].map((score, index) => ({
        on: `2026-0${index + 1}-10T10:00:00Z`,
        scores: { control: score },
      })),
    );
    const svg = chartOf("control", eight);
    expect(points(svg)).toHaveLength(8);
    const texts = [...svg.querySelectorAll("text")].map((text) => text.textContent);
    const numbers = [...svg.querySelectorAll("text[font-weight='600']")].map((text) => text.textContent);
    // 62.5, stored with one decimal by an older scoring version, shows as a whole number.
    expect(numbers).toEqual(["30", "63"]);
    expect(texts.filter((text) => /2026$/.test(text!))).toEqual(["10 Jan 2026", "10 Aug 2026"]);
    expect(svg.getAttribute("aria-label")).toContain(
      "across your 8 results, oldest first: 10 January 2026, 30 (likely 17 to 43, between low and moderate). " +
        "10 February 2026, 35 (likely 22 to 48, between low and moderate); about the same, within the quiz’s margin.",
    );
  });

  it("with a single result shows one point per chart and says that retaking shows the change", () => {
    const one = journey({ on: "2026-11-27T10:00:00Z", scores: { "intimacy-avoidance": 72.5 } });
    const { container } = render(<StrategyTrends results={one} names={names} reliability={reliability} />);
    const charts = screen.getAllByRole("img");
    expect(charts).toHaveLength(5);
    for (const chart of charts) {
      expect(chart.querySelectorAll("circle[data-score]")).toHaveLength(1);
      expect(chart.querySelectorAll("polyline")).toHaveLength(0);
      expect(chart.getAttribute("aria-label")).toContain("across your one result so far");
    }
    expect(charts[0]!.getAttribute("aria-label")).toContain("27 November 2026, 73 (likely 60 to 86, between moderate and high)");
    expect(container.textContent).toContain("Retake the quiz in a few weeks and the line will show how each strategy moves.");
    expect(screen.getByRole("heading", { name: "Intimacy avoidance" }).nextElementSibling!.textContent).toBe(
      "Latest: 73 (range 60–86), between moderate and high",
    );
  });
});

describe("the trend table", () => {
  it("holds the same numbers: a row per strategy, a column per result, oldest first", () => {
    const results = journey(
      { on: "2026-11-27T10:00:00Z", scores: { "conflict-avoidance": 37.5, overfunctioning: null } },
      { on: "2026-12-03T10:00:00Z", scores: { "conflict-avoidance": 67.5 } },
    );
    render(<StrategyTrendTable results={results} names={names} reliability={reliability} id="numbers" />);
    const table = screen.getByRole("table", { name: /Your scores at each result, oldest first/ });
    expect(screen.getByRole("region", { name: /Your scores at each result/ }).getAttribute("tabindex")).toBe("0");
    const headers = within(table).getAllByRole("columnheader").map((header) => header.textContent);
    expect(headers).toEqual(["Strategy", "Result 127 Nov 2026", "Result 23 Dec 2026"]);
    const row = (name: string) =>
      within(table)
        .getByRole("rowheader", { name })
        .closest("tr")!
        .querySelectorAll("td");
    expect([...row("Conflict avoidance")].map((cell) => cell.textContent)).toEqual(["38range 25–51", "68range 55–81real change: higher"]);
    expect([...row("Overfunctioning")].map((cell) => cell.textContent)).toEqual(["not enough answers", "50range 37–63"]);
    expect([...row("Control")].map((cell) => cell.textContent)).toEqual(["50range 37–63", "50range 37–63about the same"]);
    expect(within(table).getAllByRole("rowheader")).toHaveLength(5);
  });
});

describe("real changes on the journey", () => {
  const results = journey(
    { on: "2026-09-01T10:00:00Z", scores: { control: 70 } },
    { on: "2026-10-01T10:00:00Z", scores: { control: 40 } },
    { on: "2026-11-01T10:00:00Z", scores: { control: 45 }, version: "2" },
  );

  it("rings only the points that moved more than the quiz's margin from the result before, and says so", () => {
    const svg = chartOf("control", results);
    const rings = [...svg.querySelectorAll("circle[data-real-change]")];
    expect(rings.map((ring) => ring.getAttribute("data-real-change"))).toEqual(["lower"]);
    expect(rings[0]!.getAttribute("cy")).toBe(points(svg)[1]!.getAttribute("cy"));
    expect(svg.getAttribute("aria-label")).toContain("1 October 2026, 40 (likely 27 to 53, between low and moderate); a real change: lower than before.");
  });

  it("says in the table when the quiz changed between two results", () => {
    render(<StrategyTrendTable results={results} names={names} reliability={reliability} id="numbers" />);
    const cells = [...screen.getByRole("rowheader", { name: "Control" }).closest("tr")!.querySelectorAll("td")];
    expect(cells.map((cell) => cell.textContent)).toEqual([
      "70range 57–83",
      "40range 27–53real change: lower",
      "45range 32–58about the same (quiz changed)",
    ]);
  });
});

describe("a long history drawn as an evenly spread sample", () => {
  // Three points drawn of a history of 500: 70, then 68 (same), then 40 (a real fall from the point before).
  const sampled = journey(
    { on: "2017-01-02T10:00:00Z", scores: { control: 70 } },
    { on: "2021-06-07T10:00:00Z", scores: { control: 68 } },
    { on: "2026-11-30T10:00:00Z", scores: { control: 40 } },
  );

  it("says on the page, in the chart's text and in the table that it shows some of the results, evenly spread", () => {
    const { container } = render(<StrategyTrends results={sampled} names={names} reliability={reliability} total={500} />);
    expect(container.querySelector("[data-sample]")!.textContent).toContain("showing 3 of 500 results, evenly spread");
    const svg = container.querySelector('svg[data-strategy="control"]')!;
    expect(svg.getAttribute("aria-label")).toMatch(/^Control across 3 of your 500 results, evenly spread, oldest first, each change from the point before it: /);
    expect(screen.getByRole("table").querySelector("caption")!.textContent).toContain("3 of your 500 results, evenly spread");
    expect(container.textContent).toContain("a real change from the point before");
  });

  it("compares each shown point with the shown point before it", () => {
    const { container } = render(<StrategyTrends results={sampled} names={names} reliability={reliability} total={500} />);
    const svg = container.querySelector('svg[data-strategy="control"]')!;
    expect([...svg.querySelectorAll("circle[data-real-change]")].map((ring) => ring.getAttribute("data-real-change"))).toEqual(["lower"]);
    const cells = [...screen.getByRole("rowheader", { name: "Control" }).closest("tr")!.querySelectorAll("td")];
    expect(cells.map((cell) => cell.querySelector("[data-verdict]")?.getAttribute("data-verdict") ?? null)).toEqual([null, "same", "lower"]);
  });

  it("says nothing about a sample when every result is drawn", () => {
    const { container } = render(<StrategyTrends results={sampled} names={names} reliability={reliability} total={3} />);
    expect(container.querySelector("[data-sample]")).toBeNull();
    expect(container.querySelector('svg[data-strategy="control"]')!.getAttribute("aria-label")).toMatch(/^Control across your 3 results, oldest first: /);
  });
});

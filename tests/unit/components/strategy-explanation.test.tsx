// @vitest-environment jsdom
import { render, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { StrategyExplanation } from "@/components/results/strategy-explanation";
import { capacities, lessons } from "@/lib/content/lessons";
import { strategyTexts } from "@/lib/content/quiz";
import type { Strategy, StrategyResult } from "@/lib/scoring";

const scored = (strategy: Strategy): StrategyResult => ({
  strategy,
  answered: 10,
  total: 10,
  status: "scored",
  score: 70,
  band: "high",
});

function show(strategy: Strategy) {
  render(
    <StrategyExplanation result={scored(strategy)} text={strategyTexts[strategy]} capacities={capacities} lessons={lessons()} />,
  );
}

/** The links under one heading of the explanation (a `dt`), in the order shown. */
function linksUnder(term: string) {
  const group = screen.getByText(term, { selector: "dt" }).parentElement!;
  return within(group)
    .getAllByRole("link")
    .map((link) => [link.textContent, link.getAttribute("href")]);
}

describe("StrategyExplanation", () => {
  it("sends intimacy avoidance to lessons 1–5 to understand it, then to all five capacities", () => {
    show("intimacy-avoidance");
    expect(linksUnder("To understand it")).toEqual([
      ["Lesson 1: Wanting closeness, and pulling away", "/lessons/the-pattern-from-inside"],
      ["Lesson 2: A trade you made long ago", "/lessons/the-trade-off"],
      ["Lesson 3: Why trying harder isn’t enough", "/lessons/why-willpower-fails"],
      ["Lesson 4: How distance feeds itself", "/lessons/the-loop"],
      ["Lesson 5: What really has to shift", "/lessons/what-needs-to-change"],
    ]);
    expect(linksUnder("Capacities that loosen it").map(([, href]) => href)).toEqual([
      "/lessons/catch-the-reflex",
      "/lessons/stay-with-tender-feelings",
      "/lessons/space-without-leaving",
      "/lessons/let-yourself-be-known",
      "/lessons/real-danger-or-old-signal",
    ]);
  });

  it("shows the lessons to read above the capacities", () => {
    show("control");
    const terms = screen.getAllByRole("term").map((term) => term.textContent);
    expect(terms.indexOf("To understand it")).toBeGreaterThan(-1);
    expect(terms.indexOf("To understand it")).toBeLessThan(terms.indexOf("Capacities that loosen it"));
  });

  it.each([
    ["conflict-avoidance", "Saying it straight", "/lessons/say-it-straight"],
    ["passive-aggressiveness", "Saying it straight", "/lessons/say-it-straight"],
    ["control", "Letting others help", "/lessons/let-others-carry-some"],
    ["overfunctioning", "Letting others help", "/lessons/let-others-carry-some"],
  ] as const)("sends %s to lesson 11 first, then to “%s” and its own lesson", (strategy, capacity, href) => {
    show(strategy);
    expect(linksUnder("To understand it")).toEqual([
      ["Lesson 11: The same fear, in other clothes", "/lessons/the-other-strategies"],
    ]);
    const practise = within(screen.getByText("Capacities that loosen it", { selector: "dt" }).parentElement!);
    const first = practise.getAllByRole("listitem")[0]!;
    expect(first.textContent).toContain(capacity);
    expect(within(first).getByRole("link").getAttribute("href")).toBe(href);
  });
});

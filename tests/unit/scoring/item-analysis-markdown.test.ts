import { describe, expect, it } from "vitest";
import { analyseItems } from "@/lib/scoring";
import { itemAnalysisMarkdown } from "@/scripts/lib/item-analysis-markdown";
import { simulateRespondents, syntheticQuiz } from "@/scripts/lib/simulate-respondents";

const quiz = syntheticQuiz("md-1", 6);
const names = { "intimacy-avoidance": "Intimacy avoidance", "conflict-avoidance": "Conflict avoidance", "passive-aggressiveness": "Passive-aggressiveness", control: "Control", overfunctioning: "Overfunctioning" };

describe("items:report's Markdown", () => {
  it("says there is not enough data yet under 30 attempts", () => {
    const text = itemAnalysisMarkdown(analyseItems(quiz, simulateRespondents(quiz, { count: 12, seed: 1 })), names);
    expect(text).toContain("Not enough data yet: 12 finished attempts; the analysis needs at least 30.");
    expect(text).not.toContain("| Item |");
  });

  it("lists every scale and item, flags the mis-keyed item, and every table row has its columns", () => {
    const analysis = analyseItems(quiz, simulateRespondents(quiz, { count: 300, seed: 2, miskeyed: ["of-04"] }));
    const text = itemAnalysisMarkdown(analysis, names, new Date("2026-12-02T12:00:00Z"));
    expect(text).toMatch(/^# Item analysis: quiz version md-1\n/);
    expect(text).toContain("From 300 finished attempts (2026-12-02T12:00:00.000Z).");
    for (const name of Object.values(names)) expect(text).toContain(`## ${name}`);
    const row = text.split("\n").find((line) => line.startsWith("| of-04:"))!;
    expect(row).toMatch(/\| −\.\d\d \|/); // a negative item–rest r, with a true minus sign
    expect(row).toContain("check whether it is keyed the right way round");
    for (const item of quiz.items.filter((entry) => entry.id !== "of-04")) {
      expect(text.split("\n").find((line) => line.startsWith(`| ${item.id}:`))).not.toContain("keyed the right way round");
    }
    for (const line of text.split("\n").filter((l) => l.startsWith("| ") && !l.startsWith("| ---"))) {
      const cells = line.replace(/\\\|/g, "").split("|").length - 2;
      expect([4, 7]).toContain(cells);
    }
  });
});

// The item analysis as Markdown, for `npm run items:report`: the same figures and flags as
// /admin/items, in tables an operator can paste into an issue.
import {
  HIGH_SCALE_CORRELATION_TEXT,
  ITEM_FLAG_TEXT,
  type ItemAnalysis,
  type ScaleStatistics,
} from "../../lib/scoring";
import { formatStatistic } from "../../lib/format";

const coefficient = (value: number | null) => formatStatistic(value, 2, false);
const interval = (scale: ScaleStatistics) =>
  scale.alphaInterval ? `${coefficient(scale.alphaInterval.lower)} to ${coefficient(scale.alphaInterval.upper)}` : "–";
/** Table cells: a pipe would end the cell, a newline the row. */
const cell = (text: string) => text.replace(/\|/g, "\\|").replace(/\s*\n\s*/g, " ");

export function itemAnalysisMarkdown(analysis: ItemAnalysis, names: Readonly<Record<string, string>>, generatedAt = new Date()): string {
  const lines: string[] = [`# Item analysis: quiz version ${analysis.quizVersion}`, ""];
  if (analysis.status === "not-enough-data") {
    lines.push(
      `Not enough data yet: ${analysis.attemptCount} finished ${analysis.attemptCount === 1 ? "attempt" : "attempts"}; the analysis needs at least ${analysis.minimum}.`,
    );
    return lines.join("\n") + "\n";
  }
  lines.push(
    `From ${analysis.attemptCount} finished attempts (${generatedAt.toISOString()}). Values are keyed (a reverse-keyed answer v counts as 6 − v). ` +
      "α and the item figures use the attempts that answered every item of the scale; scores use every attempt scored on it (≥ 80% answered).",
    "",
    "## Scales",
    "",
    "| Scale | α | 95% interval (Feldt) | Complete attempts | Mean score | SD | Scored attempts |",
    "| --- | --- | --- | --- | --- | --- | --- |",
    ...analysis.scales.map(
      (scale) =>
        `| ${cell(names[scale.strategy] ?? scale.strategy)} | ${coefficient(scale.alpha)} | ${interval(scale)} | ${scale.completeCount} | ${formatStatistic(scale.scoreMean, 1)} | ${formatStatistic(scale.scoreSd, 1)} | ${scale.scoredCount} |`,
    ),
  );
  for (const scale of analysis.scales) {
    lines.push(
      "",
      `## ${names[scale.strategy] ?? scale.strategy}`,
      "",
      `α ${coefficient(scale.alpha)} (95% interval ${interval(scale)}), ${scale.itemCount} items, ${scale.completeCount} complete attempts.`,
      "",
      "| Item | Keyed | Mean | SD | Item–rest r | α without it | Flags |",
      "| --- | --- | --- | --- | --- | --- | --- |",
      ...scale.items.map(
        (item) =>
          `| ${cell(`${item.id}: ${item.text}`)} | ${item.keyed} | ${formatStatistic(item.mean)} | ${formatStatistic(item.sd)} | ${coefficient(item.itemRest)} | ${coefficient(item.alphaIfDropped)} | ${cell(item.flags.map((flag) => ITEM_FLAG_TEXT[flag]).join(" ")) || "–"} |`,
      ),
    );
  }
  lines.push(
    "",
    "## Correlations between the scale scores",
    "",
    "| Scales | r | Attempts | Flag |",
    "| --- | --- | --- | --- |",
    ...analysis.scaleCorrelations.map(
      (pair) =>
        `| ${cell(`${names[pair.a] ?? pair.a} and ${names[pair.b] ?? pair.b}`)} | ${coefficient(pair.r)} | ${pair.count} | ${pair.high ? HIGH_SCALE_CORRELATION_TEXT : "–"} |`,
    ),
  );
  return lines.join("\n") + "\n";
}

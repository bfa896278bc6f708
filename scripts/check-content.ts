// `npm run content:check`: validates the capacities, the lesson files, the quiz items and strategy
// texts, the help lines and what we store, and prints every problem with its file and field. Exit 1
// when there is any.
import { ContentError } from "../lib/content/schemas";

async function main() {
  try {
    const { capacities, lessons } = await import("../lib/content/lessons");
    const { quiz, quizVersions, strategyTexts } = await import("../lib/content/quiz");
    const all = lessons();
    // The references on /sources (content/sources.json).
    const { sourceGroups } = await import("../lib/content/sources");
    const { helpLines } = await import("../lib/content/help");
    // "What we store" on /privacy (content/privacy/stored.json).
    const { stored } = await import("../lib/content/privacy");
    const abuseLines = helpLines.abuse.countries.reduce((n, country) => n + country.lines.length, 0);
    console.log(
      `Content OK: ${quiz.items.length} quiz items, ${Object.keys(strategyTexts).length} strategies, ` +
        `${capacities.length} capacities, ${all.length} lessons with ${all.reduce((n, lesson) => n + lesson.steps.length, 0)} steps, ` +
        `${helpLines.crisis.lines.length} crisis lines and ${abuseLines} abuse lines in ${helpLines.abuse.countries.length} countries ` +
        `(last checked ${helpLines.lastChecked}).`,
    );
    console.log(`Quiz versions OK: ${quizVersions[0]} (current)${quizVersions.slice(1).map((version) => `, ${version} (retired)`).join("")}.`);
    console.log(`What we store OK: ${stored.kinds.reduce((n, kind) => n + kind.rows.length, 0)} rows for ${stored.kinds.length} kinds of record.`);
    console.log(`Sources OK: ${sourceGroups.reduce((n, group) => n + group.references.length, 0)} references in ${sourceGroups.length} groups.`);
  } catch (error) {
    if (!(error instanceof ContentError)) throw error;
    console.error(error.message);
    process.exitCode = 1;
  }
}

void main();

// `npm run content:check`: validates the lessons path, capacities, quiz items, strategy texts
// and the lesson files, and prints every problem with its file and field. Exit 1 when there is any.
import { ContentError } from "../lib/content/schemas";

async function main() {
  try {
    const { quiz, strategyTexts, capacities } = await import("../lib/content/quiz");
    const { lessons } = await import("../lib/content/lessons");
    const all = lessons();
    // The references on /sources (content/sources.json).
    const { sourceGroups } = await import("../lib/content/sources");
    console.log(
      `Content OK: ${quiz.items.length} quiz items, ${Object.keys(strategyTexts).length} strategies, ` +
        `${capacities.length} capacities, ${all.length} lessons with ${all.reduce((n, lesson) => n + lesson.steps.length, 0)} steps.`,
    );
    console.log(`Sources OK: ${sourceGroups.reduce((n, group) => n + group.references.length, 0)} references in ${sourceGroups.length} groups.`);
  } catch (error) {
    if (!(error instanceof ContentError)) throw error;
    console.error(error.message);
    process.exitCode = 1;
  }
}

void main();

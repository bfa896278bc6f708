// `npm run content:check`: validates the lessons path, capacities, quiz items and strategy
// texts, and prints every problem with its file and field. Exit 1 when there is any.
import { ContentError } from "../lib/content/schemas";

async function main() {
  try {
    const { quiz, strategyTexts, capacities, lessonPath } = await import("../lib/content/quiz");
    console.log(
      `Content OK: ${quiz.items.length} quiz items, ${Object.keys(strategyTexts).length} strategies, ` +
        `${capacities.length} capacities, ${lessonPath.length} lessons.`,
    );
  } catch (error) {
    if (!(error instanceof ContentError)) throw error;
    console.error(error.message);
    process.exitCode = 1;
  }
}

void main();

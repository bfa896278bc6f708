// The quiz and lessons-path content, validated once when this module loads. The JSON is
// imported statically so Next bundles it and a broken file fails `next build` with the file
// name and the field (the same import works in Vitest and in tsx scripts).
import capacitiesJson from "@/content/capacities.json";
import pathJson from "@/content/path.json";
import retiredItems2026111 from "@/content/quiz/archive/items-2026.11-1.json";
import itemsJson from "@/content/quiz/items.json";
import strategiesJson from "@/content/quiz/strategies.json";
import { STRATEGIES, type Quiz, type Strategy, type StrategyPointers } from "@/lib/scoring/types";
import {
  ContentError,
  CONTENT_FILES,
  parseQuizContent,
  type AnswerOption,
  type Capacity,
  type ContentFiles,
  type LessonPath,
  type RawContentFiles,
  type StrategyText,
} from "./schemas";

export { checkQuizContent, ContentError, CONTENT_FILES } from "./schemas";
export type { AnswerOption, Capacity, LessonPath, PathLesson, RawContentFiles, StrategyText } from "./schemas";

/** The content files exactly as they are on disk, before validation. */
export const rawContentFiles: RawContentFiles = {
  path: pathJson,
  capacities: capacitiesJson,
  items: itemsJson,
  strategies: strategiesJson,
};

export type QuizContent = {
  quiz: Quiz;
  /** The question every item answers: a time frame and who ("Thinking about … how often …?"). */
  instruction: string;
  answerScale: readonly AnswerOption[];
  strategyTexts: Readonly<Record<Strategy, StrategyText>>;
  capacities: readonly Capacity[];
  lessonPath: LessonPath;
};

/** What each strategy points to: the lessons that explain it, its capacities, and the lesson that teaches each one. */
function buildPointers(files: ContentFiles): Record<Strategy, StrategyPointers> {
  const lessonOf = new Map(files.capacities.map((capacity) => [capacity.id, capacity.lesson]));
  const entries = STRATEGIES.map((strategy): [Strategy, StrategyPointers] => {
    const { readFirst, capacities } = files.strategies[strategy];
    const lessons = [...new Set(capacities.map((id) => lessonOf.get(id)!))];
    return [strategy, { readFirst, capacities, lessons }];
  });
  return Object.fromEntries(entries) as Record<Strategy, StrategyPointers>;
}

/** Validates the files and shapes them for the app; throws a ContentError listing every problem. */
export function loadQuizContent(files: RawContentFiles): QuizContent {
  const content = parseQuizContent(files);
  return {
    quiz: {
      version: content.items.version,
      items: content.items.items,
      pointsTo: buildPointers(content),
    },
    // Required for the current version by checkQuizContent, so never empty here.
    instruction: content.items.instruction ?? "",
    answerScale: content.items.scale,
    strategyTexts: content.strategies,
    capacities: content.capacities,
    lessonPath: content.path,
  };
}

const content = loadQuizContent(rawContentFiles);

/** The patterns quiz in the shape lib/scoring consumes: items in the order they are asked. */
export const quiz: Quiz = content.quiz;
/** What every item is answered about, shown before the first item and on each question screen. */
export const instruction: string = content.instruction;
/** 1 Almost never … 5 Almost always, with the labels shown to the user. */
export const answerScale: readonly AnswerOption[] = content.answerScale;
/** Name, summary, what it protects you from, costs, capacities, lessons to read first and band texts per strategy. */
export const strategyTexts: Readonly<Record<Strategy, StrategyText>> = content.strategyTexts;
/** The capacities the lessons build: the source's five (lessons 6–10), then two more (lessons 12 and 13). */
export const capacities: readonly Capacity[] = content.capacities;
/** The lessons, in reading order. */
export const lessonPath: LessonPath = content.lessonPath;

/**
 * Earlier versions of content/quiz/items.json, kept whole when a new version replaces it: the
 * results and the item analysis of attempts taken on them need their items and keying. Each
 * is imported statically (so it is bundled) and checked with the same rules as the current one.
 */
const retiredItemFiles: readonly { file: string; raw: unknown }[] = [
  { file: "content/quiz/archive/items-2026.11-1.json", raw: retiredItems2026111 },
];

function retiredQuiz({ file, raw }: { file: string; raw: unknown }): Quiz {
  try {
    const files = parseQuizContent({ ...rawContentFiles, items: raw }, { retiredItems: true });
    return { version: files.items.version, items: files.items.items, pointsTo: content.quiz.pointsTo };
  } catch (error) {
    // Name the archived file, not the current one, in every problem.
    if (error instanceof ContentError) throw new ContentError(error.problems.map((line) => line.replace(CONTENT_FILES.items, file)));
    throw error;
  }
}

const quizzesByVersion: ReadonlyMap<string, Quiz> = new Map(
  [quiz, ...retiredItemFiles.map(retiredQuiz)].map((version) => [version.version, version]),
);

/** The quiz as it was at `version` (the current one or a retired one); undefined for a version never published. */
export function quizForVersion(version: string): Quiz | undefined {
  return quizzesByVersion.get(version);
}

/** Every published version, the current one first. */
export const quizVersions: readonly string[] = [...quizzesByVersion.keys()];

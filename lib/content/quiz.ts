// The quiz content, validated once when this module loads, with the capacities and lessons it
// points to (lessons.ts). The JSON is imported statically so Next bundles it and a broken file
// fails `next build` with the file name and the field (the same import works in Vitest and in
// tsx scripts).
import retiredItems2026111 from "@/content/quiz/archive/items-2026.11-1.json";
import retiredItems2026121 from "@/content/quiz/archive/items-2026.12-1.json";
import itemsJson from "@/content/quiz/items.json";
import strategiesJson from "@/content/quiz/strategies.json";
import { STRATEGIES, type Quiz, type Strategy, type StrategyPointers } from "@/lib/scoring/types";
import { capacities, lessons, lessonTeaching, type Lesson } from "./lessons";
import {
  ContentError,
  CONTENT_FILES,
  parseQuizContent,
  type AnswerOption,
  type ContentFiles,
  type KnownIds,
  type RawContentFiles,
  type StrategyText,
} from "./schemas";

export { checkQuizContent, ContentError, CONTENT_FILES } from "./schemas";
export type { AnswerOption, KnownIds, RawContentFiles, StrategyText } from "./schemas";

/** The quiz's files exactly as they are on disk, before validation. */
export const rawContentFiles: RawContentFiles = {
  items: itemsJson,
  strategies: strategiesJson,
};

/** The capacity ids and lesson slugs the quiz's files may point to. */
export const knownIds: KnownIds = {
  capacities: capacities.map((capacity) => capacity.id),
  lessons: lessons().map((lesson) => lesson.slug),
};

export type QuizContent = {
  quiz: Quiz;
  /** The question every item answers: a time frame and who ("Thinking about … how often …?"). */
  instruction: string;
  answerScale: readonly AnswerOption[];
  strategyTexts: Readonly<Record<Strategy, StrategyText>>;
};

/** What each strategy points to: the lessons that explain it, its capacities, and the lesson that teaches each one. */
function buildPointers(files: ContentFiles, taught: readonly Lesson[]): Record<Strategy, StrategyPointers> {
  const entries = STRATEGIES.map((strategy): [Strategy, StrategyPointers] => {
    const { readFirst, capacities } = files.strategies[strategy];
    const lessons = [...new Set(capacities.flatMap((id) => lessonTeaching(id, taught)?.slug ?? []))];
    return [strategy, { readFirst, capacities, lessons }];
  });
  return Object.fromEntries(entries) as Record<Strategy, StrategyPointers>;
}

/** Validates the files and shapes them for the app; throws a ContentError listing every problem. */
export function loadQuizContent(files: RawContentFiles): QuizContent {
  const content = parseQuizContent(files, knownIds);
  return {
    quiz: {
      version: content.items.version,
      items: content.items.items,
      pointsTo: buildPointers(content, lessons()),
    },
    // Required for the current version by checkQuizContent, so never empty here.
    instruction: content.items.instruction ?? "",
    answerScale: content.items.scale,
    strategyTexts: content.strategies,
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

/**
 * Earlier versions of content/quiz/items.json, kept whole when a new version replaces it: the
 * results and the item analysis of attempts taken on them need their items and keying. Each
 * is imported statically (so it is bundled) and checked with the same rules as the current one.
 */
const retiredItemFiles: readonly { file: string; raw: unknown }[] = [
  { file: "content/quiz/archive/items-2026.12-1.json", raw: retiredItems2026121 },
  { file: "content/quiz/archive/items-2026.11-1.json", raw: retiredItems2026111 },
];

function retiredQuiz({ file, raw }: { file: string; raw: unknown }): Quiz {
  try {
    const files = parseQuizContent({ ...rawContentFiles, items: raw }, knownIds, { retiredItems: true });
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

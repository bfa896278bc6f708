// The shapes of the content files behind the capacities and the patterns quiz, and the rules
// that hold across them (the lesson files have theirs in lessons.ts). Every problem names its file and field, so a broken
// edit fails the build (or `npm run content:check`) with a message an editor can act on.
import * as z from "zod";
import { ANSWER_VALUES, STRATEGIES } from "@/lib/scoring/types";

/** Where each content file lives, relative to the project root. */
export const CONTENT_FILES = {
  capacities: "content/capacities.json",
  items: "content/quiz/items.json",
  strategies: "content/quiz/strategies.json",
} as const;
export type ContentFileKey = keyof typeof CONTENT_FILES;
/** The folder of lesson files (Markdown with front matter), relative to the project root. */
export const LESSONS_DIR = "content/lessons";

/** Items per strategy: a scale needs about 6–8 items to be reliable; we ask 9 to 11. */
export const ITEMS_PER_STRATEGY = { min: 9, max: 11 } as const;
/** Reverse-keyed items per strategy, so answering "Often" to everything doesn't look like a pattern. */
export const MINUS_ITEMS_PER_STRATEGY = 2;
/** Item length in words: long enough to be concrete, short enough to read on a phone. */
export const ITEM_WORDS = { min: 6, max: 20 } as const;
/** The instruction's length in words: room for a time frame and a "who", short enough to reread on each screen. */
export const INSTRUCTION_WORDS = { min: 10, max: 40 } as const;

/** Text that says something: not empty, not only whitespace. */
export const text = z.string().refine((value) => value.trim().length > 0, {
  message: "is empty or only whitespace",
  abort: true,
});

/** Lowercase words joined by hyphens: the form of every id in the content (slugs, prompts, capacities). */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const slug = text.regex(SLUG_PATTERN, "must be lowercase words joined by hyphens");

const strategyId = z.enum(STRATEGIES, {
  error: (issue) =>
    issue.input === undefined
      ? "is required"
      : `${JSON.stringify(issue.input)} is not a known strategy (one of ${STRATEGIES.join(", ")})`,
});

// ---- content/capacities.json: the capacities the lessons build ----
// The lesson that teaches each one says so in its front matter (`teaches`).

export const CapacitySchema = z.strictObject({
  id: slug,
  name: text,
  summary: text,
});
export const CapacitiesSchema = z.array(CapacitySchema).min(1, "lists no capacities");
export type Capacity = z.infer<typeof CapacitySchema>;

// ---- content/quiz/items.json: the quiz, in the order it is asked ----

export const AnswerOptionSchema = z.strictObject({
  value: z.literal(ANSWER_VALUES),
  label: text,
});
export type AnswerOption = z.infer<typeof AnswerOptionSchema>;

export const AnswerScaleSchema = z
  .array(AnswerOptionSchema)
  .refine(
    (scale) =>
      scale.length === ANSWER_VALUES.length &&
      scale.every((option, index) => option.value === ANSWER_VALUES[index]),
    { message: `must list the values ${ANSWER_VALUES.join(", ")} once each, in order` },
  );

export const QuizItemSchema = z.strictObject({
  id: slug,
  strategy: strategyId,
  keyed: z.enum(["plus", "minus"], {
    error: (issue) =>
      issue.input === undefined
        ? "is required"
        : `${JSON.stringify(issue.input)} must be "plus" or "minus"`,
  }),
  text,
});
export type QuizItemContent = z.infer<typeof QuizItemSchema>;

export const QuizItemsFileSchema = z.strictObject({
  /** Bump whenever items, their order or their keying change; results store it. */
  version: text,
  /**
   * What every item is answered about: a time frame and one "who", asked as a question the
   * answer labels fit. Shown before the first item and on each question. Required for the
   * current version (checkQuizContent); retired versions from before it had none.
   */
  instruction: text.optional(),
  scale: AnswerScaleSchema,
  items: z.array(QuizItemSchema).min(1, "lists no items"),
});
export type QuizItemsFile = z.infer<typeof QuizItemsFileSchema>;

// ---- content/quiz/strategies.json: what each strategy means, per result band ----

export const StrategyTextSchema = z.strictObject({
  name: text,
  summary: text,
  protectsYouFrom: text,
  costs: text,
  /** Ids from capacities.json: the capacities that loosen this strategy. */
  capacities: z.array(slug).min(1, "lists no capacities"),
  /** Slugs of lessons (content/lessons): the ones that explain this strategy, to read before practising. */
  readFirst: z.array(slug).min(1, "lists no lessons"),
  bands: z.strictObject({ low: text, moderate: text, high: text }),
});
export type StrategyText = z.infer<typeof StrategyTextSchema>;

export const StrategiesFileSchema = z.record(strategyId, StrategyTextSchema);
export type StrategiesFile = z.infer<typeof StrategiesFileSchema>;

// ---- The quiz's two files together ----

/** The quiz's files as read from disk, before validation. */
export type RawContentFiles = Record<"items" | "strategies", unknown>;

/** The quiz's files once every rule holds. */
export type ContentFiles = {
  items: QuizItemsFile;
  strategies: StrategiesFile;
};

/** What the quiz's files may point to: the capacity ids and the lesson slugs that exist. */
export type KnownIds = { capacities: readonly string[]; lessons: readonly string[] };

/** Thrown when content breaks a rule; `problems` holds one line per problem. */
export class ContentError extends Error {
  readonly problems: readonly string[];
  constructor(problems: readonly string[]) {
    super(
      `The content files have ${problems.length} problem${problems.length === 1 ? "" : "s"}:\n` +
        problems.map((problem) => `  - ${problem}`).join("\n"),
    );
    this.name = "ContentError";
    this.problems = problems;
  }
}

type PathSegment = PropertyKey;

/** `["items", 12, "id"]` → `items[12].id`; `[4, "slug"]` → `[4].slug`. */
export function formatFieldPath(path: readonly PathSegment[]): string {
  let out = "";
  for (const segment of path) {
    if (typeof segment === "number") out += `[${segment}]`;
    else out += out === "" ? String(segment) : `.${String(segment)}`;
  }
  return out;
}

/** One problem line for a content file: `<file>: <field>: <what is wrong>` (no field for the whole file). */
export function fileProblem(file: string, path: readonly PathSegment[], message: string): string {
  const field = formatFieldPath(path);
  return field === "" ? `${file}: ${message}` : `${file}: ${field}: ${message}`;
}

function problem(file: ContentFileKey, path: readonly PathSegment[], message: string): string {
  return fileProblem(CONTENT_FILES[file], path, message);
}

// Per-parse messages for the cases zod words for developers rather than editors.
const editorMessages: z.core.$ZodErrorMap = (issue) => {
  if (issue.code === "invalid_type" && issue.input === undefined) return "is required";
  return undefined;
};

/**
 * Every problem `schema` finds in a content file, one line each (see fileProblem), in the
 * words an editor can act on; a field the schema doesn't know gets `unknownKey`.
 */
export function schemaProblems(
  file: string,
  schema: z.ZodType,
  raw: unknown,
  unknownKey = "is not an expected field",
): string[] {
  const result = schema.safeParse(raw, { error: editorMessages });
  if (result.success) return [];
  return result.error.issues.flatMap((issue) =>
    issue.code === "unrecognized_keys"
      ? issue.keys.map((key) => fileProblem(file, [...issue.path, key], unknownKey))
      : [fileProblem(file, issue.path, issue.message)],
  );
}

function reportSchemaProblems(
  file: ContentFileKey,
  schema: z.ZodType,
  raw: unknown,
  problems: string[],
  unknownKey?: string,
): void {
  problems.push(...schemaProblems(CONTENT_FILES[file], schema, raw, unknownKey));
}

// The cross-file rules read the raw files through these lenient views, so that one broken
// field (reported by its schema) doesn't hide the other problems in the same file.
export type Fields = Record<string, unknown>;

export function isRecord(value: unknown): value is Fields {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The entries of an array as records (anything else as {}); [] for anything but an array. */
export function records(value: unknown): Fields[] {
  return Array.isArray(value) ? value.map((entry) => (isRecord(entry) ? entry : {})) : [];
}

/** A usable string: present and not blank (blank ones are reported by the schemas). */
function str(value: unknown): string | undefined {
  return typeof value === "string" && value.trim() !== "" ? value : undefined;
}

function timesUsed(count: number): string {
  return count === 2 ? "is used twice" : `is used ${count} times`;
}

/** Reports every later use of a value that already appeared, at that entry's field. */
function checkUnique(
  file: ContentFileKey,
  values: readonly (string | undefined)[],
  fieldPath: (index: number) => PathSegment[],
  problems: string[],
): void {
  const counts = new Map<string, number>();
  for (const value of values) if (value !== undefined) counts.set(value, (counts.get(value) ?? 0) + 1);
  const seen = new Set<string>();
  values.forEach((value, index) => {
    if (value === undefined) return;
    if (seen.has(value)) {
      problems.push(problem(file, fieldPath(index), `${JSON.stringify(value)} ${timesUsed(counts.get(value) ?? 0)}`));
    }
    seen.add(value);
  });
}

function countWords(sentence: string): number {
  return sentence.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
}

const isStrategy = (value: unknown): value is (typeof STRATEGIES)[number] =>
  (STRATEGIES as readonly unknown[]).includes(value);

export type CheckOptions = {
  /** The items file is a retired version, kept whole for its old attempts: it may lack an instruction. */
  retiredItems?: boolean;
};

/** Checks content/capacities.json: its schema, and each id used once. */
export function checkCapacities(raw: unknown): string[] {
  const problems: string[] = [];
  reportSchemaProblems("capacities", CapacitiesSchema, raw, problems);
  checkUnique("capacities", records(raw).map((capacity) => str(capacity.id)), (i) => [i, "id"], problems);
  return problems;
}

/** Validates content/capacities.json and returns it typed; throws a ContentError listing every problem. */
export function parseCapacities(raw: unknown): Capacity[] {
  const problems = checkCapacities(raw);
  if (problems.length > 0) throw new ContentError(problems);
  return CapacitiesSchema.parse(raw);
}

/**
 * Checks the quiz's two files: each against its schema, then the rules that hold across them and
 * the capacities and lessons they point to. Returns one line per problem,
 * `<file>: <field>: <what is wrong>`; empty when all is well.
 */
export function checkQuizContent(files: RawContentFiles, known: KnownIds, options: CheckOptions = {}): string[] {
  const problems: string[] = [];
  const retired = options.retiredItems === true;
  reportSchemaProblems("items", QuizItemsFileSchema, files.items, problems);
  reportSchemaProblems("strategies", StrategiesFileSchema, files.strategies, problems, "is not a known strategy");
  const capacityIds = new Set(known.capacities);
  const slugs = new Set(known.lessons);

  // content/quiz/items.json
  if (isRecord(files.items)) {
    const instruction = files.items.instruction;
    if (instruction === undefined && !retired) {
      problems.push(problem("items", ["instruction"], "is required: say what every item is about (a time frame and who), e.g. \"Thinking about … over the past month, how often …?\""));
    }
    const sentence = str(instruction);
    if (sentence !== undefined) {
      const words = countWords(sentence);
      if (words < INSTRUCTION_WORDS.min || words > INSTRUCTION_WORDS.max) {
        problems.push(problem("items", ["instruction"], `has ${words} words; the instruction needs ${INSTRUCTION_WORDS.min} to ${INSTRUCTION_WORDS.max}`));
      }
      if (!sentence.trimEnd().endsWith("?")) {
        problems.push(problem("items", ["instruction"], "must end with a question mark: it asks how often each item was true"));
      }
    }
  }
  if (isRecord(files.items) && Array.isArray(files.items.items)) {
    const items = records(files.items.items);
    checkUnique("items", items.map((item) => str(item.id)), (i) => ["items", i, "id"], problems);
    for (const strategy of STRATEGIES) {
      const own = items.filter((item) => item.strategy === strategy);
      if (own.length < ITEMS_PER_STRATEGY.min || own.length > ITEMS_PER_STRATEGY.max) {
        problems.push(problem("items", ["items"],
          `"${strategy}" has ${own.length} items; each strategy needs ${ITEMS_PER_STRATEGY.min} to ${ITEMS_PER_STRATEGY.max}`));
      }
      const minus = own.filter((item) => item.keyed === "minus").length;
      if (minus !== MINUS_ITEMS_PER_STRATEGY) {
        problems.push(problem("items", ["items"],
          `"${strategy}" has ${minus} minus-keyed items; each strategy needs exactly ${MINUS_ITEMS_PER_STRATEGY}`));
      }
    }
    items.forEach((item, index) => {
      const text = str(item.text);
      const words = text === undefined ? undefined : countWords(text);
      if (words !== undefined && (words < ITEM_WORDS.min || words > ITEM_WORDS.max)) {
        problems.push(problem("items", ["items", index, "text"],
          `has ${words} words; items need ${ITEM_WORDS.min} to ${ITEM_WORDS.max}`));
      }
      const previous = items[index - 1];
      if (previous && isStrategy(item.strategy) && previous.strategy === item.strategy) {
        problems.push(problem("items", ["items", index, "strategy"],
          `"${item.strategy}" follows another "${item.strategy}" item; strategies must alternate`));
      }
    });
  }

  // content/quiz/strategies.json: per strategy, its capacities, then the lessons to read first
  if (isRecord(files.strategies)) {
    for (const strategy of STRATEGIES) {
      const texts = files.strategies[strategy];
      if (!isRecord(texts)) continue;
      if (Array.isArray(texts.capacities)) {
        const listed = texts.capacities.map(str);
        listed.forEach((id, index) => {
          if (id !== undefined && !capacityIds.has(id)) {
            problems.push(problem("strategies", [strategy, "capacities", index],
              `${JSON.stringify(id)} is not a capacity id in ${CONTENT_FILES.capacities}`));
          }
        });
        checkUnique("strategies", listed, (i) => [strategy, "capacities", i], problems);
      }
      if (Array.isArray(texts.readFirst)) {
        const listed = texts.readFirst.map(str);
        listed.forEach((lesson, index) => {
          if (lesson !== undefined && !slugs.has(lesson)) {
            problems.push(problem("strategies", [strategy, "readFirst", index],
              `${JSON.stringify(lesson)} is not the slug of a lesson in ${LESSONS_DIR}`));
          }
        });
        checkUnique("strategies", listed, (i) => [strategy, "readFirst", i], problems);
      }
    }
  }

  return problems;
}

/** Validates the quiz's files and returns them typed; throws a ContentError listing every problem. */
export function parseQuizContent(files: RawContentFiles, known: KnownIds, options: CheckOptions = {}): ContentFiles {
  const problems = checkQuizContent(files, known, options);
  if (problems.length > 0) throw new ContentError(problems);
  return {
    items: QuizItemsFileSchema.parse(files.items),
    strategies: StrategiesFileSchema.parse(files.strategies),
  };
}

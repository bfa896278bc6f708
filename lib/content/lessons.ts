// The lessons and the capacities they build. A lesson is a Markdown file with YAML front
// matter in content/lessons/: the front matter alone holds its order, title and the capacity it
// teaches. Each `## ` heading starts a step; a fenced block `reflection id=…` is a prompt the
// reader answers, and `practice capacity=…` opens that capacity's practice log. The capacities
// are content/capacities.json. Read and checked once per process.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import matter from "gray-matter";
import { Lexer, marked, type Token, type Tokens } from "marked";
import { parse as parseYaml } from "yaml";
import * as z from "zod";
import capacitiesJson from "@/content/capacities.json";
import { STRATEGIES } from "@/lib/scoring/types";
import { ContentError, CONTENT_FILES, formatFieldPath, LESSONS_DIR, parseCapacities, slug, text, type Capacity } from "./schemas";

export type { Capacity } from "./schemas";
export const STEPS_PER_LESSON = { min: 3, max: 7 } as const;


export const LessonFrontMatterSchema = z.strictObject({
  slug,
  order: z.number().int().min(1),
  title: text,
  summary: text,
  minutes: z.number().int().min(1).max(60),
  strategies: z.array(
    z.enum(STRATEGIES, { error: (issue) => `${JSON.stringify(issue.input)} is not a known strategy` }),
  ),
  /** The capacities this lesson touches on (ids from content/capacities.json). */
  capacities: z.array(slug),
  /** The one capacity this lesson teaches, with a practice log for it (lessons 6–10, 12 and 13). */
  teaches: slug.optional(),
  /** Lessons that ask you to lower your guard open with the safety note (components/help/safety-note). */
  safetyNote: z.boolean().default(false),
});
export type LessonFrontMatter = z.infer<typeof LessonFrontMatterSchema>;

export type ReflectionPrompt = { id: string; prompt: string };
export type PracticePrompt = { capacity: string; instructions: string };

export type LessonStep = {
  /** 1-based. */
  number: number;
  title: string;
  /** The step's text as HTML, rendered from our own Markdown at build time. */
  html: string;
  reflections: ReflectionPrompt[];
  practice: PracticePrompt | null;
};

export type Lesson = LessonFrontMatter & { file: string; steps: LessonStep[] };

type Parsed = { lesson: Lesson | null; problems: string[] };

/**
 * gray-matter finds the front matter; the `yaml` package reads it (YAML 1.2, as before). Nothing
 * else may: gray-matter would evaluate a `---js` block as JavaScript.
 */
const yamlOnly = {
  language: "yaml",
  engines: {
    yaml: (source: string) => (parseYaml(source) ?? {}) as object,
    javascript: () => {
      throw new Error("only YAML front matter is read");
    },
  },
};

/** Parses one lesson file; every problem names the file and the field or step. */
export function parseLessonFile(file: string, source: string): Parsed {
  const problems: string[] = [];
  const say = (where: string, what: string) => problems.push(`${file}: ${where}: ${what}`);

  if (!matter.test(source)) {
    say("front matter", "is missing (start the file with a --- block)");
    return { lesson: null, problems };
  }
  let split: matter.GrayMatterFile<string>;
  try {
    split = matter(source, yamlOnly);
  } catch (error) {
    say("front matter", `is not valid YAML (${(error as Error).message.split("\n")[0]})`);
    return { lesson: null, problems };
  }
  const front = LessonFrontMatterSchema.safeParse(split.data);
  if (!front.success) {
    for (const issue of front.error.issues) say(formatFieldPath(["front matter", ...issue.path]), issue.message);
  }

  const steps: LessonStep[] = [];
  let current: { title: string; tokens: Token[] } | null = null;
  const finish = () => {
    if (!current) return;
    const number = steps.length + 1;
    const where = `step ${number} ("${current.title}")`;
    const reflections: ReflectionPrompt[] = [];
    let practice: PracticePrompt | null = null;
    const prose: Token[] = [];
    for (const token of current.tokens) {
      const block = token.type === "code" ? (token as Tokens.Code) : null;
      const reflection = block && /^reflection\s+id=([a-z0-9]+(?:-[a-z0-9]+)*)\s*$/.exec(block.lang ?? "");
      const practiced = block && /^practice\s+capacity=([a-z0-9]+(?:-[a-z0-9]+)*)\s*$/.exec(block.lang ?? "");
      if (reflection) {
        if (!block.text.trim()) say(`${where}.reflection ${reflection[1]}`, "has no prompt text");
        reflections.push({ id: reflection[1]!, prompt: block.text.trim() });
      } else if (practiced) {
        if (practice) say(where, "has more than one practice block");
        if (!block.text.trim()) say(`${where}.practice`, "has no instructions");
        practice = { capacity: practiced[1]!, instructions: block.text.trim() };
      } else if (block && /^(reflection|practice)\b/.test(block.lang ?? "")) {
        say(where, `block "${block.lang}" should read "reflection id=<id>" or "practice capacity=<id>"`);
      } else {
        prose.push(token);
      }
    }
    const html = marked.parser(Object.assign(prose, { links: {} }) as Parameters<typeof marked.parser>[0]);
    if (!current.title.trim()) say(`step ${number}`, "has no title after ##");
    if (!html.replace(/<[^>]+>/g, "").trim()) say(where, "has no text");
    steps.push({ number, title: current.title.trim(), html, reflections, practice });
  };

  for (const token of new Lexer().lex(split.content)) {
    if (token.type === "heading" && (token as Tokens.Heading).depth === 2) {
      finish();
      current = { title: (token as Tokens.Heading).text, tokens: [] };
    } else if (current) {
      current.tokens.push(token);
    } else if (token.type !== "space") {
      say("body", "has text before the first ## step heading");
    }
  }
  finish();

  if (steps.length < STEPS_PER_LESSON.min || steps.length > STEPS_PER_LESSON.max) {
    say("steps", `has ${steps.length} steps; a lesson has ${STEPS_PER_LESSON.min} to ${STEPS_PER_LESSON.max}`);
  }
  const seen = new Set<string>();
  for (const step of steps) {
    for (const reflection of step.reflections) {
      if (seen.has(reflection.id)) say(`step ${step.number}.reflection ${reflection.id}`, "repeats a prompt id used earlier in this lesson");
      seen.add(reflection.id);
    }
  }
  return { lesson: front.success ? { ...front.data, file, steps } : null, problems };
}

/** Rules across the lessons and the capacities they teach. */
export function checkLessons(parsed: readonly Parsed[], capacities: readonly Capacity[]): string[] {
  const problems = parsed.flatMap((entry) => entry.problems);
  const lessons = parsed.flatMap((entry) => (entry.lesson ? [entry.lesson] : []));
  const capacityIds = new Set(capacities.map((capacity) => capacity.id));
  const bySlug = new Map<string, Lesson>();
  const byOrder = new Map<number, Lesson>();
  const teacherOf = new Map<string, Lesson>();

  for (const lesson of lessons) {
    const say = (field: string, what: string) => problems.push(`${lesson.file}: front matter.${field}: ${what}`);
    const earlier = bySlug.get(lesson.slug);
    if (earlier) say("slug", `"${lesson.slug}" is also the slug of ${earlier.file}`);
    bySlug.set(lesson.slug, lesson);
    const sameOrder = byOrder.get(lesson.order);
    if (sameOrder) say("order", `${lesson.order} is also the order of ${sameOrder.file}`);
    byOrder.set(lesson.order, lesson);
    if (lesson.order > parsed.length) {
      const files = parsed.length === 1 ? "is 1 lesson file" : `are ${parsed.length} lesson files`;
      say("order", `is ${lesson.order}, but there ${files}: number them from 1 to ${parsed.length}`);
    }
    lesson.capacities.forEach((id, index) => {
      if (!capacityIds.has(id)) say(`capacities[${index}]`, `"${id}" is not a capacity in ${CONTENT_FILES.capacities}`);
    });

    const taught = lesson.teaches;
    if (taught !== undefined) {
      const teacher = teacherOf.get(taught);
      if (!capacityIds.has(taught)) say("teaches", `"${taught}" is not a capacity in ${CONTENT_FILES.capacities}`);
      else if (teacher) say("teaches", `"${taught}" is already taught by ${teacher.file}`);
      else teacherOf.set(taught, lesson);
    }
    const practices = lesson.steps.flatMap((step) => (step.practice ? [{ step, practice: step.practice }] : []));
    for (const { step, practice } of practices) {
      if (!capacityIds.has(practice.capacity)) {
        problems.push(`${lesson.file}: step ${step.number}.practice: "${practice.capacity}" is not a capacity in ${CONTENT_FILES.capacities}`);
      } else if (practice.capacity !== taught) {
        problems.push(`${lesson.file}: step ${step.number}.practice: logs "${practice.capacity}", but this lesson teaches ${taught ?? "no capacity"}`);
      }
    }
    if (taught && practices.length === 0) problems.push(`${lesson.file}: steps: a capacity lesson needs a practice block`);
    if (!taught && lesson.steps.every((step) => step.reflections.length === 0)) {
      problems.push(`${lesson.file}: steps: needs at least one reflection prompt`);
    }
  }
  capacities.forEach((capacity, index) => {
    if (lessons.length === parsed.length && !teacherOf.has(capacity.id)) {
      problems.push(`${CONTENT_FILES.capacities}: [${index}].id: "${capacity.id}" is taught by no lesson (give one lesson "teaches: ${capacity.id}")`);
    }
  });
  return problems;
}

/** Reads every lesson file of a folder, in file-name order. */
export function readLessonFiles(): Parsed[] {
  // A literal path, so the bundler traces just this folder, not the whole project.
  const dir = join(process.cwd(), "content", "lessons");
  return readdirSync(dir)
    .filter((name) => name.endsWith(".md"))
    .sort()
    .map((name) => parseLessonFile(`${LESSONS_DIR}/${name}`, readFileSync(join(dir, name), "utf8")));
}

/** The capacities the lessons build, in the order of content/capacities.json: the source's five (lessons 6–10), then two more (lessons 12 and 13). */
export const capacities: readonly Capacity[] = parseCapacities(capacitiesJson);

let cached: Lesson[] | undefined;

/** The lessons in reading order (their front matter's `order`); throws a ContentError naming every problem. */
export function lessons(): Lesson[] {
  if (cached) return cached;
  const parsed = readLessonFiles();
  const problems = checkLessons(parsed, capacities);
  if (problems.length > 0) throw new ContentError(problems);
  cached = parsed.map((entry) => entry.lesson!).sort((a, b) => a.order - b.order);
  return cached;
}

/** The lesson that teaches a capacity (its front matter's `teaches`), if any. */
export function lessonTeaching(capacity: string, among: readonly Lesson[]): Lesson | undefined {
  return among.find((lesson) => lesson.teaches === capacity);
}

// A person's reflections and practice entries, put in order for a file they keep: the Markdown
// notes (/api/me/notes) and the PDF report (/api/me/report) both show them this way. Pure: the
// caller reads the data (lib/data) and the lessons and capacities (lib/content).
import type { Capacity } from "@/lib/content/schemas";
import { formatDay } from "@/lib/format";

type Reflection = { lessonSlug: string; promptId: string; text: string; updatedAt: Date };
type PracticeEntry = { capacity: string; practisedOn: Date; whatHappened: string; whatNoticed: string; whatYouDid: string };
type LessonPrompts = { slug: string; title: string; order: number; steps: { reflections: { id: string; prompt: string }[] }[] };

/** A practice entry's three texts and their labels, in order: the practice log's form and view use them too. */
export const PRACTICE_TEXTS = [
  { name: "whatHappened", label: "What happened" },
  { name: "whatNoticed", label: "What you noticed" },
  { name: "whatYouDid", label: "What you did" },
] as const;

export type ReflectionGroup = { title: string; reflections: { prompt?: string; text: string; updatedAt: Date }[] };
export type PracticeGroup = { title: string; entries: { day: Date; fields: { label: string; text: string }[] }[] };

/** Reflections under their lesson in path order, each with its question (unless it has left the lesson). */
export function reflectionGroups(reflections: readonly Reflection[], lessons: readonly LessonPrompts[]): ReflectionGroup[] {
  const groups: ReflectionGroup[] = [];
  for (const lesson of [...lessons].sort((a, b) => a.order - b.order)) {
    const prompts = lesson.steps.flatMap((step) => step.reflections);
    const own = reflections.filter((r) => r.lessonSlug === lesson.slug);
    const answered = prompts.flatMap((prompt) => own.filter((r) => r.promptId === prompt.id).map((r) => ({ prompt: prompt.prompt, text: r.text, updatedAt: r.updatedAt })));
    // A reflection whose prompt has since left the lesson keeps its words, under the lesson.
    const orphans = own.filter((r) => !prompts.some((prompt) => prompt.id === r.promptId)).map((r) => ({ text: r.text, updatedAt: r.updatedAt }));
    if (answered.length + orphans.length > 0) groups.push({ title: lesson.title, reflections: [...answered, ...orphans] });
  }
  const known = new Set(lessons.map((lesson) => lesson.slug));
  for (const r of reflections.filter((r) => !known.has(r.lessonSlug))) groups.push({ title: r.lessonSlug, reflections: [{ text: r.text, updatedAt: r.updatedAt }] });
  return groups;
}

/** Practice entries by capacity (in the capacities' order), newest first, empty fields left out. */
export function practiceGroups(entries: readonly PracticeEntry[], capacities: readonly Capacity[]): PracticeGroup[] {
  const names = new Map(capacities.map((capacity) => [capacity.id, capacity.name]));
  const ids = [...new Set([...capacities.map((capacity) => capacity.id), ...entries.map((entry) => entry.capacity)])];
  return ids.flatMap((capacity) => {
    const own = entries.filter((entry) => entry.capacity === capacity).sort((a, b) => b.practisedOn.getTime() - a.practisedOn.getTime());
    if (own.length === 0) return [];
    return [
      {
        title: names.get(capacity) ?? capacity,
        entries: own.map((entry) => ({
          day: entry.practisedOn,
          fields: PRACTICE_TEXTS.filter(({ name }) => entry[name].trim() !== "").map(({ name, label }) => ({ label, text: entry[name] })),
        })),
      },
    ];
  });
}

/**
 * A person's own words as a quote: every line starts with "> ", so nothing they wrote (a "#", a
 * list, a fence) can change the shape of the file around it. Blank lines stay inside the quote.
 */
export function quoted(text: string): string {
  return text
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((line) => (line.trim() === "" ? ">" : `> ${line}`))
    .join("\n");
}

/** A heading's text on one line, with Markdown's own characters taken literally. */
const plain = (text: string) => text.replace(/\s+/g, " ").replace(/([\\`*_[\]<>#|])/g, "\\$1");

type Notes = {
  reflections: readonly Reflection[];
  practiceEntries: readonly PracticeEntry[];
  lessons: readonly LessonPrompts[];
  capacities: readonly Capacity[];
  madeAt: Date;
};

/** The Markdown file: reflections in lesson order, then practice entries by capacity, newest first. */
export function notesMarkdown({ reflections, practiceEntries, lessons, capacities, madeAt }: Notes): string {
  const out: string[] = ["# My notes from Drawbridge", "", `Downloaded on ${formatDay(madeAt)}. Only you can see what is in this file until you share it.`];

  out.push("", "## Reflections");
  if (reflections.length === 0) out.push("", "No reflections yet.");
  for (const group of reflectionGroups(reflections, lessons)) {
    out.push("", `### ${plain(group.title)}`);
    for (const r of group.reflections) {
      out.push("", ...(r.prompt ? [`**${plain(r.prompt)}**`, ""] : []), quoted(r.text), "", `_Last changed ${formatDay(r.updatedAt)}_`);
    }
  }

  out.push("", "## Practice log");
  if (practiceEntries.length === 0) out.push("", "No practice entries yet.");
  for (const group of practiceGroups(practiceEntries, capacities)) {
    out.push("", `### ${plain(group.title)}`);
    for (const entry of group.entries) {
      out.push("", `#### ${formatDay(entry.day)}`);
      for (const field of entry.fields) out.push("", `**${field.label}**`, "", quoted(field.text));
    }
  }
  return out.join("\n") + "\n";
}

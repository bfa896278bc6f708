// "My notes" as Markdown: a person's reflections and practice entries, for those who keep their
// own notes. Pure: the caller reads the data (lib/data) and the lessons and capacities (lib/content).
import type { Capacity } from "@/lib/content/schemas";

type Reflection = { lessonSlug: string; promptId: string; text: string; updatedAt: Date };
type PracticeEntry = { capacity: string; practisedOn: Date; whatHappened: string; whatNoticed: string; whatYouDid: string };
type LessonPrompts = { slug: string; title: string; order: number; steps: { reflections: { id: string; prompt: string }[] }[] };

type Notes = {
  reflections: readonly Reflection[];
  practiceEntries: readonly PracticeEntry[];
  lessons: readonly LessonPrompts[];
  capacities: readonly Capacity[];
  madeAt: Date;
};

/** The labels the practice log uses, in its order. */
export const PRACTICE_FIELDS = [
  ["whatHappened", "What happened"],
  ["whatNoticed", "What you noticed"],
  ["whatYouDid", "What you did"],
] as const;

const dayFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });

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

/** The Markdown file: reflections in lesson order, then practice entries by capacity, newest first. */
export function notesMarkdown({ reflections, practiceEntries, lessons, capacities, madeAt }: Notes): string {
  const out: string[] = ["# My notes from Drawbridge", "", `Downloaded on ${dayFormat.format(madeAt)}. Only you can see what is in this file until you share it.`];

  out.push("", "## Reflections");
  if (reflections.length === 0) out.push("", "No reflections yet.");
  const ordered = [...lessons].sort((a, b) => a.order - b.order);
  const known = new Set(ordered.map((lesson) => lesson.slug));
  for (const lesson of ordered) {
    const prompts = lesson.steps.flatMap((step) => step.reflections);
    const written = prompts.flatMap((prompt) => reflections.filter((r) => r.lessonSlug === lesson.slug && r.promptId === prompt.id).map((r) => ({ prompt, r })));
    // A reflection whose prompt has since left the lesson keeps its words, under the lesson.
    const orphans = reflections.filter((r) => r.lessonSlug === lesson.slug && !prompts.some((prompt) => prompt.id === r.promptId));
    if (written.length + orphans.length === 0) continue;
    out.push("", `### ${plain(lesson.title)}`);
    for (const { prompt, r } of written) out.push("", `**${plain(prompt.prompt)}**`, "", quoted(r.text), "", `_Last changed ${dayFormat.format(r.updatedAt)}_`);
    for (const r of orphans) out.push("", quoted(r.text), "", `_Last changed ${dayFormat.format(r.updatedAt)}_`);
  }
  for (const r of reflections.filter((r) => !known.has(r.lessonSlug))) {
    out.push("", `### ${plain(r.lessonSlug)}`, "", quoted(r.text), "", `_Last changed ${dayFormat.format(r.updatedAt)}_`);
  }

  out.push("", "## Practice log");
  if (practiceEntries.length === 0) out.push("", "No practice entries yet.");
  const names = new Map(capacities.map((capacity) => [capacity.id, capacity.name]));
  const groups = [...new Set([...capacities.map((capacity) => capacity.id), ...practiceEntries.map((entry) => entry.capacity)])];
  for (const capacity of groups) {
    const entries = practiceEntries.filter((entry) => entry.capacity === capacity).sort((a, b) => b.practisedOn.getTime() - a.practisedOn.getTime());
    if (entries.length === 0) continue;
    out.push("", `### ${plain(names.get(capacity) ?? capacity)}`);
    for (const entry of entries) {
      out.push("", `#### ${dayFormat.format(entry.practisedOn)}`);
      for (const [field, label] of PRACTICE_FIELDS) if (entry[field].trim() !== "") out.push("", `**${label}**`, "", quoted(entry[field]));
    }
  }
  return out.join("\n") + "\n";
}

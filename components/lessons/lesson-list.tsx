import Link from "next/link";
import type { Lesson } from "@/lib/content/lessons";
import { lessonStepPath } from "@/lib/routes";

/** How far someone has read in one lesson (a lib/data LessonProgress fits). */
export type LessonProgressLike = { lessonSlug: string; stepReached: number; completedAt: Date | null };

/** "Done", "Step 3 of 5" or "Not started". */
export function lessonState(progress: LessonProgressLike | undefined, steps: number): string {
  if (!progress) return "Not started";
  if (progress.completedAt) return "Done";
  return `Step ${progress.stepReached} of ${steps}`;
}

type Props = {
  lessons: readonly Lesson[];
  progress: readonly LessonProgressLike[];
  /** "start": every lesson opens at step 1. "continue": a lesson under way opens where it was left. */
  linkTo?: "start" | "continue";
  /** Each lesson's one-line summary under its title, one lesson per row; without, a compact two-column grid on wider screens. */
  withSummaries?: boolean;
};

/** The lessons in path order, each with the reader's state in it. */
export function LessonList({ lessons, progress, linkTo = "start", withSummaries = true }: Props) {
  const bySlug = new Map(progress.map((entry) => [entry.lessonSlug, entry]));
  return (
    <ol className={withSummaries ? "space-y-3" : "grid gap-3 sm:grid-cols-2"}>
      {lessons.map((lesson, index) => {
        const entry = bySlug.get(lesson.slug);
        const state = lessonState(entry, lesson.steps.length);
        const step = linkTo === "continue" && entry && !entry.completedAt ? entry.stepReached : 1;
        return (
          <li key={lesson.slug}>
            <Link
              href={lessonStepPath(lesson.slug, step)}
              className={`flex min-h-11 items-start gap-4 rounded-2xl border border-line bg-surface p-4 hover:border-accent ${withSummaries ? "sm:p-5" : "h-full"}`}
            >
              <span aria-hidden="true" className="mt-0.5 w-6 shrink-0 text-right font-semibold text-muted tabular-nums">
                {index + 1}
              </span>
              <span className="flex-1">
                <span className="block font-semibold">{lesson.title}</span>
                {withSummaries ? <span className="mt-1 block text-sm text-muted">{lesson.summary}</span> : null}
                <span className={`${withSummaries ? "mt-2" : "mt-1"} block text-sm`}>
                  <span className="sr-only">Lesson {index + 1}. </span>
                  {lesson.minutes} min · <span className={state === "Done" ? "font-semibold text-accent" : ""}>{state}</span>
                </span>
              </span>
            </Link>
          </li>
        );
      })}
    </ol>
  );
}

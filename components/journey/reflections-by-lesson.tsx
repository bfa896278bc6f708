import { TextLink } from "@/components/ui/text-link";
import type { Lesson } from "@/lib/content/lessons";
import { lessonStepPath } from "@/lib/routes";
import { formatDate } from "@/lib/format";

/** A saved reflection (a lib/data Reflection fits). */
export type SavedReflection = { id: string; lessonSlug: string; promptId: string; text: string; updatedAt: Date };

type GroupedReflection = SavedReflection & { prompt: string | null; step: number | null };
export type ReflectionGroup = { slug: string; title: string; lessonNumber: number | null; reflections: GroupedReflection[] };

/**
 * Reflections by lesson, in the path's order, and within a lesson in the order its prompts
 * come. Blank ones are left out. A reflection whose lesson or prompt has since left the
 * content is still shown: the words are the person's own.
 */
export function groupReflections(lessons: readonly Lesson[], reflections: readonly SavedReflection[]): ReflectionGroup[] {
  const written = reflections.filter((reflection) => reflection.text.trim().length > 0);
  const slugs = [...new Set(written.map((reflection) => reflection.lessonSlug))];
  const position = (slug: string) => {
    const index = lessons.findIndex((lesson) => lesson.slug === slug);
    return index === -1 ? Number.MAX_SAFE_INTEGER : index;
  };
  return slugs
    .sort((a, b) => position(a) - position(b) || a.localeCompare(b))
    .map((slug) => {
      const lessonIndex = lessons.findIndex((lesson) => lesson.slug === slug);
      const lesson = lessons[lessonIndex];
      const prompts = (lesson?.steps ?? []).flatMap((step) =>
        step.reflections.map((reflection) => ({ ...reflection, step: step.number })),
      );
      const order = (promptId: string) => {
        const index = prompts.findIndex((prompt) => prompt.id === promptId);
        return index === -1 ? prompts.length : index;
      };
      return {
        slug,
        title: lesson?.title ?? "A lesson that is no longer on the path",
        lessonNumber: lesson ? lessonIndex + 1 : null,
        reflections: written
          .filter((reflection) => reflection.lessonSlug === slug)
          .sort((a, b) => order(a.promptId) - order(b.promptId))
          .map((reflection) => {
            const prompt = prompts.find((entry) => entry.id === reflection.promptId);
            return { ...reflection, prompt: prompt?.prompt ?? null, step: prompt?.step ?? null };
          }),
      };
    });
}

/** What someone wrote in the lessons, under the lesson and beside the question it answers. */
export function ReflectionsByLesson({ groups }: { groups: readonly ReflectionGroup[] }) {
  return (
    <div className="max-w-reading space-y-10">
      {groups.map((group) => (
        <div key={group.slug}>
          <h3 className="text-lg font-semibold">
            {group.lessonNumber ? (
              <>
                <span className="text-muted">Lesson {group.lessonNumber}:</span>{" "}
              </>
            ) : null}
            {group.title}
          </h3>
          <ul className="mt-4 space-y-4">
            {group.reflections.map((reflection) => (
              <li key={reflection.id} className="rounded-2xl border border-line bg-surface p-4 sm:p-5">
                <p className="border-l-2 border-accent pl-3 text-sm text-muted">
                  {reflection.prompt ?? "A question that is no longer in this lesson"}
                </p>
                <p className="mt-3 break-words whitespace-pre-line">{reflection.text}</p>
                <p className="mt-3 text-sm text-muted">
                  Last saved <time dateTime={reflection.updatedAt.toISOString()}>{formatDate(reflection.updatedAt)}</time>
                  {group.lessonNumber && reflection.step ? (
                    <>
                      {" · "}
                      <TextLink href={lessonStepPath(group.slug, reflection.step)}>
                        Lesson {group.lessonNumber}, step {reflection.step}
                      </TextLink>
                    </>
                  ) : null}
                </p>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </div>
  );
}

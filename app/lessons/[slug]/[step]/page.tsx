import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { SafetyNote } from "@/components/help/safety-note";
import { PracticeLog } from "@/components/lessons/practice-log";
import { ReminderOffer } from "@/components/reminders/reminder-form";
import { RecordProgress } from "@/components/lessons/record-progress";
import { ReflectionForm } from "@/components/lessons/reflection-form";
import { StepNav } from "@/components/lessons/step-nav";
import { Container } from "@/components/ui/container";
import { Notice } from "@/components/ui/notice";
import { Prose } from "@/components/ui/prose";
import { capacities, lessons } from "@/lib/content/lessons";
import { lessonStepPath } from "@/lib/routes";

// Lesson text is the same for everyone: every step is rendered at build time. The personal
// parts (progress, saved reflections) are small islands that ask the server themselves.
export function generateStaticParams() {
  return lessons().flatMap((lesson) => lesson.steps.map((step) => ({ slug: lesson.slug, step: String(step.number) })));
}
export const dynamicParams = false;

function find(slug: string, step: string) {
  const all = lessons();
  const index = all.findIndex((lesson) => lesson.slug === slug);
  const lesson = all[index];
  const current = lesson?.steps.find((entry) => String(entry.number) === step);
  return lesson && current ? { lesson, current, index, next: all[index + 1], total: all.length } : null;
}

export async function generateMetadata({ params }: PageProps<"/lessons/[slug]/[step]">): Promise<Metadata> {
  const { slug, step } = await params;
  const found = find(slug, step);
  return found ? { title: `${found.current.title} · ${found.lesson.title}`, description: found.lesson.summary } : {};
}

export default async function LessonStepPage({ params }: PageProps<"/lessons/[slug]/[step]">) {
  const { slug, step } = await params;
  const found = find(slug, step);
  if (!found) notFound();
  const { lesson, current, index, next, total } = found;
  const count = lesson.steps.length;
  const isLast = current.number === count;
  const previousHref = current.number > 1 ? lessonStepPath(slug, current.number - 1) : undefined;
  const nextHref = isLast ? (next ? lessonStepPath(next.slug, 1) : undefined) : lessonStepPath(slug, current.number + 1);
  const noteFirst = lesson.safetyNote && current.number === 1;
  const capacityName = (id: string) => capacities.find((capacity) => capacity.id === id)?.name ?? id;

  return (
    <Container className="py-10 sm:py-14">
      <RecordProgress lessonSlug={slug} step={current.number} />
      <div className="mx-auto max-w-reading">
        <p className="text-sm font-semibold tracking-wide text-accent uppercase">
          Lesson {index + 1} of {total} · {lesson.minutes} min
        </p>
        <h1 className="mt-2 text-3xl font-semibold tracking-tight sm:text-4xl">{lesson.title}</h1>

        <div className="mt-6">
          <p className="text-sm font-medium text-muted">
            Step <span className="tabular-nums">{current.number}</span> of <span className="tabular-nums">{count}</span>
          </p>
          <ol aria-hidden="true" className="mt-2 flex gap-1.5">
            {lesson.steps.map((entry) => (
              <li
                key={entry.number}
                className={`h-1.5 flex-1 rounded-full ${entry.number <= current.number ? "bg-accent" : "bg-soft"}`}
              />
            ))}
          </ol>
        </div>

        {/* Lessons that ask you to lower your guard say first who that is for (front matter safetyNote). */}
        {noteFirst ? <SafetyNote headingLevel={2} className="mt-8" /> : null}

        <article className="mt-8">
          <h2 className="text-2xl font-semibold">{current.title}</h2>
          <Prose className="mt-4">
            <div className="prose-steps space-y-4" dangerouslySetInnerHTML={{ __html: current.html }} />
          </Prose>

          {current.reflections.map((reflection) => (
            <div key={reflection.id} className="mt-8 rounded-2xl border border-line bg-surface p-5 sm:p-6">
              <ReflectionForm lessonSlug={slug} promptId={reflection.id} prompt={reflection.prompt} />
            </div>
          ))}

          {current.practice ? (
            <section aria-labelledby="practice-heading" className="mt-8 rounded-2xl border border-line bg-surface p-5 sm:p-6">
              <h3 id="practice-heading" className="text-lg font-semibold">
                Practice: {capacityName(current.practice.capacity)}
              </h3>
              <p className="mt-2">{current.practice.instructions}</p>
              {/* Beside the log where you write: the practice is for people who are safe to be close to. */}
              {noteFirst ? null : <SafetyNote headingLevel={4} className="mt-6" />}
              <div className="mt-6">
                <PracticeLog
                  capacity={current.practice.capacity}
                  capacityName={capacityName(current.practice.capacity)}
                  headingLevel={4}
                />
              </div>
              <ReminderOffer kind="practice" lessonSlug={slug} className="mt-6" />
            </section>
          ) : null}
        </article>

        {isLast ? (
          <Notice tone="highlight" title="Lesson complete" className="mt-10">
            <p>
              {next
                ? `That’s the end of “${lesson.title}”. Take a breath before the next one; there’s no rush.`
                : "That’s the last lesson on the path. Come back to any of them whenever you need to."}
            </p>
          </Notice>
        ) : null}

        <StepNav
          previousHref={previousHref}
          nextHref={nextHref}
          nextLesson={isLast ? next?.title : undefined}
        />
        <p className="mt-4 hidden text-sm text-muted sm:block">Tip: the ← and → keys move between steps.</p>
      </div>
    </Container>
  );
}

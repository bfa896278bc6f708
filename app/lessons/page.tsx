import type { Metadata } from "next";
import Link from "next/link";
import { LessonList } from "@/components/lessons/lesson-list";
import { ButtonLink } from "@/components/ui/button";
import { Container } from "@/components/ui/container";
import { PageHeading } from "@/components/ui/page-heading";
import { currentProfile } from "@/lib/auth/profile";
import { lessons } from "@/lib/content/lessons";
import { quiz } from "@/lib/content/quiz";
import { listLessonProgress } from "@/lib/data/lesson-progress";
import { getLatestResult } from "@/lib/data/quiz-attempts";
import { quizReliability } from "@/lib/data/reliability";
import { lessonStepPath } from "@/lib/routes";
import { rankStrategies } from "@/lib/scoring";

export const metadata: Metadata = {
  title: "Lessons",
  description: "Thirteen short, guided lessons on why closeness can feel risky and how to let it in.",
};

export default async function LessonsPage() {
  const all = lessons();
  const profile = await currentProfile();
  const [progress, latest] = profile ? await Promise.all([listLessonProgress(profile), getLatestResult(profile)]) : [[], null];
  // Where you left off: the most recently read lesson that isn't finished.
  const resume = progress.find((entry) => entry.completedAt === null);
  const resumeLesson = resume ? all.find((lesson) => lesson.slug === resume.lessonSlug) : undefined;
  // Where the results page points: the lessons that explain the top strategies, then those that
  // teach their capacities, with strategies the quiz can't tell apart counted together.
  const pointsTo = latest ? rankStrategies(quiz, latest.strategies, await quizReliability(latest.quizVersion)).pointsTo : null;
  const suggested = pointsTo
    ? [...new Set([...pointsTo.readFirst, ...pointsTo.lessons])].flatMap((slug) => all.filter((lesson) => lesson.slug === slug))
    : [];

  return (
    <Container className="py-12 sm:py-16">
      <PageHeading
        title="Lessons"
        lead="Thirteen short lessons, one idea at a time. Read them in order, or start where your results point."
      />

      {resume && resumeLesson ? (
        <div className="mt-8">
          <ButtonLink href={lessonStepPath(resumeLesson.slug, resume.stepReached)}>Continue where you left off</ButtonLink>
          <p className="mt-2 text-sm text-muted">
            {resumeLesson.title}, step {resume.stepReached} of {resumeLesson.steps.length}
          </p>
        </div>
      ) : null}

      {suggested.length > 0 ? (
        <section aria-labelledby="suggested" className="mt-12">
          <h2 id="suggested" className="text-xl font-semibold">Suggested for you</h2>
          <p className="mt-1 text-muted">From your latest quiz results: the lessons that explain what stood out, then the capacities that could help most right now.</p>
          <ul className="mt-4 grid gap-3 sm:grid-cols-2">
            {suggested.map((lesson) => (
              <li key={lesson.slug}>
                <Link
                  href={lessonStepPath(lesson.slug, 1)}
                  className="block min-h-11 rounded-2xl border border-line bg-highlight p-4 hover:border-accent"
                >
                  <span className="font-semibold">{lesson.title}</span>
                  <span className="mt-1 block text-sm text-muted">{lesson.summary}</span>
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="path" className="mt-12">
        <h2 id="path" className="text-xl font-semibold">The path</h2>
        <div className="mt-4">
          <LessonList lessons={all} progress={progress} />
        </div>
      </section>
    </Container>
  );
}

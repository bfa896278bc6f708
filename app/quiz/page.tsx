import type { Metadata } from "next";
import Link from "next/link";
import { Button, ButtonLink } from "@/components/ui/button";
import { Container } from "@/components/ui/container";
import { Notice } from "@/components/ui/notice";
import { PageHeading } from "@/components/ui/page-heading";
import { Prose } from "@/components/ui/prose";
import { QuizUpdated } from "@/components/quiz/quiz-updated";
import { startQuiz } from "@/lib/actions/quiz";
import { currentProfile } from "@/lib/auth/profile";
import { answerScale, instruction, quiz } from "@/lib/content/quiz";
import { findOutdatedAttempt, findUnfinishedAttempt } from "@/lib/data/quiz-attempts";
import { questionPath } from "@/lib/routes";
import { firstUnansweredIndex } from "@/lib/scoring";

export const metadata: Metadata = {
  title: "Patterns quiz",
  description: "A ten-minute quiz: see which of five protective strategies show up most in your life these days.",
};

export default async function QuizPage({ searchParams }: PageProps<"/quiz">) {
  const { wait, unsaved } = await searchParams;
  // Set by startQuiz when a limit refused the start (lib/data/rate-limits.ts), or the database couldn't save it.
  const waitSeconds = typeof wait === "string" && /^\d{1,5}$/.test(wait) ? Number(wait) : null;
  const notSaved = unsaved === "1";
  const profile = await currentProfile();
  const unfinished = profile ? await findUnfinishedAttempt(profile) : null;
  // Left part-way on a version since replaced (and nothing newer begun): say so, offer the new one.
  const outdated = profile && !unfinished ? await findOutdatedAttempt(profile) : null;
  const [lowest, highest] = [answerScale[0]!.label, answerScale.at(-1)!.label];
  const gap = unfinished ? firstUnansweredIndex(quiz, unfinished.answers) : -1;
  // Every item answered but not finished (the last step failed): the last question finishes it.
  const resumeAt = gap === -1 ? quiz.items.length : gap + 1;

  return (
    <Container className="py-12 sm:py-16">
      <PageHeading
        title="The patterns quiz"
        lead={`About ten minutes: ${quiz.items.length} short statements, one at a time.`}
      />
      <Prose className="mt-10">
        <p>Every statement asks the same question:</p>
        <p id="quiz-instruction" className="border-l-4 border-accent pl-4 text-lg font-medium">
          {instruction}
        </p>
        <p>
          For each one, choose how often, from “{lowest}” to “{highest}”. There are no right answers; the first one that
          feels true is usually the most useful. At the end you’ll see how active five protective strategies seem in
          you right now:
        </p>
        <ul>
          <li>intimacy avoidance</li>
          <li>conflict avoidance</li>
          <li>passive-aggressiveness</li>
          <li>control</li>
          <li>overfunctioning</li>
        </ul>
        <p>
          Each comes with a plain explanation of what it protects you from, what it costs, and the capacities that help
          it ease.
        </p>
        <p>
          <Link href="/quiz/how-it-works">How the quiz works</Link>: what it looks at, what it can’t tell you, and how the
          scores are worked out.
        </p>
      </Prose>

      <Notice tone="highlight" title="Private, and saved as you go" className="mt-8 max-w-reading">
        <p>
          No sign-up. Each answer is saved the moment you give it, so you can close the tab and come back to where you
          left off on this device. Your answers stay here: nothing goes to anyone else.{" "}
          <Link href="/privacy" className="text-accent underline underline-offset-4">
            How your answers are kept
          </Link>
          .
        </p>
        <p>
          It’s a snapshot to reflect on, not a diagnosis. If you are struggling right now,{" "}
          <Link href="/help" className="text-accent underline underline-offset-4">
            here is where to find help
          </Link>
          .
        </p>
      </Notice>

      {waitSeconds !== null && (
        <p role="alert" className="mt-10 max-w-reading font-medium text-accent">
          Too many starts just now, so the quiz didn’t start. Please wait {waitSeconds} seconds and try again.
        </p>
      )}
      {notSaved && (
        <p role="alert" className="mt-10 max-w-reading font-medium text-accent">
          The quiz didn’t start: nothing can be saved just now. Please try again in a moment.
        </p>
      )}
      {outdated ? (
        <QuizUpdated answered={Object.keys(outdated.answers).length} className="mt-10 max-w-reading" />
      ) : (
      <div className="mt-10 flex flex-wrap items-center gap-4">
        {unfinished ? (
          <>
            <ButtonLink href={questionPath(unfinished.id, resumeAt)}>Continue where you left off</ButtonLink>
            <p className="w-full text-sm text-muted sm:order-last">
              You’ve answered {Object.keys(unfinished.answers).length} of {quiz.items.length}. Starting over clears
              those answers.
            </p>
            <form action={startQuiz}>
              <Button type="submit" variant="secondary">
                Start over
              </Button>
            </form>
          </>
        ) : (
          <form action={startQuiz}>
            <Button type="submit">Start the quiz</Button>
          </form>
        )}
      </div>
      )}
    </Container>
  );
}

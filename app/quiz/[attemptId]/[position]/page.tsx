import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { QuizQuestion } from "@/components/quiz/quiz-question";
import { QuizUpdated } from "@/components/quiz/quiz-updated";
import { Container } from "@/components/ui/container";
import { currentProfile } from "@/lib/auth/profile";
import { answerScale, instruction, quiz } from "@/lib/content/quiz";
import { getAttempt } from "@/lib/data/quiz-attempts";
import { resultPath } from "@/lib/routes";

export const metadata: Metadata = { title: "Patterns quiz", robots: { index: false } };

export default async function QuizQuestionPage({ params }: PageProps<"/quiz/[attemptId]/[position]">) {
  const { attemptId, position } = await params;
  const index = Number(position);
  if (!Number.isInteger(index) || index < 1) notFound();

  const profile = await currentProfile();
  const attempt = profile ? await getAttempt(profile, attemptId) : null;
  if (!attempt) notFound();
  if (attempt.status === "completed") redirect(resultPath(attempt.id));
  // Begun on a version since replaced: whichever of its questions was open, say so kindly.
  if (attempt.quizVersion !== quiz.version) {
    return (
      <Container className="py-10 sm:py-14">
        <div className="mx-auto max-w-reading">
          <h1 className="mb-6 text-sm font-semibold tracking-wide text-accent uppercase">The patterns quiz</h1>
          <QuizUpdated answered={Object.keys(attempt.answers).length} />
        </div>
      </Container>
    );
  }
  if (index > quiz.items.length) notFound();

  return (
    <Container className="py-10 sm:py-14">
      <div className="mx-auto max-w-reading">
        <h1 className="mb-4 text-sm font-semibold tracking-wide text-accent uppercase">The patterns quiz</h1>
        <QuizQuestion
          attemptId={attempt.id}
          items={quiz.items.map(({ id, text }) => ({ id, text }))}
          scale={answerScale}
          instruction={instruction}
          initialAnswers={attempt.answers}
        />
      </div>
    </Container>
  );
}

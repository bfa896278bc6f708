import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { startQuiz } from "@/lib/actions/quiz";

type Props = {
  /** How many statements of the earlier version were answered. */
  answered: number;
  /** Keep the outline right: h2 directly under the page's h1. */
  headingLevel?: 2 | 3;
  className?: string;
};

/**
 * For an attempt begun on a quiz version that has since been replaced: what happened, that the
 * earlier answers are kept, and one way on. A plain form, so it works without JavaScript.
 */
export function QuizUpdated({ answered, headingLevel = 2, className }: Props) {
  return (
    <section aria-labelledby="quiz-updated-title" className={className}>
      <Notice tone="highlight" headingLevel={headingLevel} title={<span id="quiz-updated-title">The quiz has been updated</span>}>
        <p>
          Since you began, we’ve revised the quiz so its statements measure more accurately. Answers to the earlier
          wording can’t be mixed with the new one, so this attempt can’t go on from here.
        </p>
        <p>
          {answered === 1 ? "The one answer" : `The ${answered} answers`} you gave {answered === 1 ? "is" : "are"} kept
          with the earlier version. Nothing has been deleted.
        </p>
      </Notice>
      <form action={startQuiz} className="mt-6">
        <Button type="submit">Start the new version</Button>
      </form>
    </section>
  );
}

import Link from "next/link";
import { buttonClassName } from "@/components/ui/button";
import { StepKeys } from "./step-keys";

type Props = {
  /** The step before, or undefined on the first step (then: back to all lessons). */
  previousHref?: string;
  /** The step after, or the next lesson's first step on the last one; undefined at the very end. */
  nextHref?: string;
  /** Set on a lesson's last step: the title of the lesson Next leads to. */
  nextLesson?: string;
};

/** Previous and Next as plain links (they work without JavaScript), plus ← and → with it. */
export function StepNav({ previousHref, nextHref, nextLesson }: Props) {
  return (
    <nav aria-label="Lesson steps" className="mt-10 flex items-center justify-between gap-4">
      <StepKeys previous={previousHref} next={nextHref} />
      <Link href={previousHref ?? "/lessons"} className={buttonClassName("secondary")}>
        {previousHref ? "Previous" : "All lessons"}
      </Link>
      <Link href={nextHref ?? "/lessons"} className={buttonClassName("primary")}>
        {!nextHref ? (
          "Back to all lessons"
        ) : nextLesson ? (
          <>
            Next lesson<span className="hidden sm:inline">: {nextLesson}</span>
          </>
        ) : (
          "Next"
        )}
      </Link>
    </nav>
  );
}

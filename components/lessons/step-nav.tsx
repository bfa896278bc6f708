import Link from "next/link";
import { buttonClassName } from "@/components/ui/button";
import { StepKeys } from "./step-keys";

type Props = {
  /** The step before, or undefined on the first step (then: back to all lessons). */
  previousHref?: string;
  /** The step after, or the next lesson's first step on the last one; undefined at the very end. */
  nextHref?: string;
  nextLabel: string;
};

/** Previous and Next as plain links (they work without JavaScript), plus ← and → with it. */
export function StepNav({ previousHref, nextHref, nextLabel }: Props) {
  return (
    <nav aria-label="Lesson steps" className="mt-10 flex items-center justify-between gap-4">
      <StepKeys previous={previousHref} next={nextHref} />
      <Link href={previousHref ?? "/lessons"} className={buttonClassName("secondary")}>
        {previousHref ? "Previous" : "All lessons"}
      </Link>
      <Link href={nextHref ?? "/lessons"} className={buttonClassName("primary")}>
        {nextHref ? nextLabel : "Back to all lessons"}
      </Link>
    </nav>
  );
}

import Link from "next/link";
import { AbuseHelpLines, type HelpHeadingLevel } from "@/components/help/abuse-help-lines";
import { Notice } from "@/components/ui/notice";

type SafetyNoteProps = {
  /** The note's own heading level; the countries inside sit one below it. */
  headingLevel?: 2 | 3 | 4;
  className?: string;
};

/**
 * The one safety note, shown wherever the work asks you to lower your guard: these practices are
 * for safe relationships, and when someone is the danger, here is where to get help. Plain HTML
 * (a <details> opens without script), so prerendered lesson pages can carry it as they are.
 */
export function SafetyNote({ headingLevel = 2, className }: SafetyNoteProps) {
  return (
    <Notice tone="highlight" title="A note on safety" headingLevel={headingLevel} className={className}>
      <p>
        These practices are for relationships that are safe. If someone hurts you, threatens you, controls you or
        frightens you, lowering your guard with them is not the work. Your wariness is protecting you, and what you
        deserve is support, not more practice at letting them close.
      </p>
      <details className="group rounded-xl border border-line bg-canvas">
        <summary className="flex min-h-12 cursor-pointer list-none items-center rounded-xl px-4 py-2 font-semibold text-accent hover:[&>span:last-child]:decoration-2 [&::-webkit-details-marker]:hidden">
          <span aria-hidden="true" className="mr-2 inline-block transition-transform group-open:rotate-90 motion-reduce:transition-none">
            ›
          </span>
          <span className="underline decoration-1 underline-offset-[0.2em]">Where to get help</span>
        </summary>
        <div className="px-4 pt-1 pb-4">
          <AbuseHelpLines headingLevel={(headingLevel + 1) as HelpHeadingLevel} />
          <p className="mt-4">
            <Link href="/help#afraid-of-someone" className="text-accent underline decoration-1 underline-offset-[0.2em] hover:decoration-2">
              More on the help page: if you’re afraid of someone close to you
            </Link>
          </p>
        </div>
      </details>
    </Notice>
  );
}

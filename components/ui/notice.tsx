import type { ReactNode } from "react";
import { cn } from "./cn";

export type NoticeTone = "soft" | "accent" | "highlight";

const tones: Record<NoticeTone, string> = {
  // A quiet aside: prompts, reminders, "coming soon".
  soft: "border-line bg-surface",
  // Something not to miss, e.g. crisis lines.
  accent: "border-accent bg-accent-soft",
  // A warm highlight, e.g. the privacy promise.
  highlight: "border-line bg-highlight",
};

type NoticeProps = {
  children: ReactNode;
  title?: ReactNode;
  /** Keep the outline right: h2 directly on a page, h3 inside a section, h4 inside a subsection. */
  headingLevel?: 2 | 3 | 4;
  tone?: NoticeTone;
  className?: string;
};

/** A soft panel that sets a few sentences apart from the running text. */
export function Notice({ children, title, headingLevel = 2, tone = "soft", className }: NoticeProps) {
  const Heading = (`h${headingLevel}` as const);
  return (
    <div className={cn("rounded-2xl border p-5 sm:p-6", tones[tone], className)}>
      {title ? <Heading className="mt-0 mb-2 text-lg font-semibold">{title}</Heading> : null}
      <div className="space-y-3">{children}</div>
    </div>
  );
}

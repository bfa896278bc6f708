import type { ReactNode } from "react";

type Props = {
  id: string;
  title: string;
  /** One line under the heading: what this part of the page holds. */
  intro?: ReactNode;
  children: ReactNode;
};

/** One part of the journey page: a named region with a clear heading, set apart by a quiet line. */
export function JourneySection({ id, title, intro, children }: Props) {
  return (
    <section aria-labelledby={id} className="mt-12 border-t border-line pt-10 sm:mt-14">
      <h2 id={id} className="scroll-mt-6 text-xl font-semibold sm:text-2xl">
        {title}
      </h2>
      {intro ? <p className="mt-2 max-w-reading text-muted">{intro}</p> : null}
      <div className="mt-6">{children}</div>
    </section>
  );
}

/** What a part of the page says before there is anything in it: a kind invitation to begin. */
export function EmptyState({ children, action }: { children: ReactNode; action?: ReactNode }) {
  return (
    <div className="max-w-reading rounded-2xl border border-dashed border-line-strong bg-surface p-5 sm:p-6">
      <div className="space-y-3">{children}</div>
      {action ? <div className="mt-5">{action}</div> : null}
    </div>
  );
}

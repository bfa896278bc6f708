import type { ReactNode } from "react";

/** One part of the journey page (/me): what it holds once there is something, and what it says before. */
export type JourneyPart = {
  /** The heading's id: the page's map links to it (#results, #trend, …). */
  id: string;
  title: string;
  /** What the part holds; null while there is nothing in it yet. */
  content: ReactNode | null;
  /** One line under the heading once there is content: what this part holds. */
  intro?: ReactNode;
  /** What the part says while it holds nothing: a kind invitation to begin, and a way to. */
  empty?: { text: ReactNode; action?: ReactNode };
};

/** One part of the journey page: a named region with a clear heading, set apart by a quiet line. */
export function JourneySection({ part }: { part: JourneyPart }) {
  const { id, title, content, intro, empty } = part;
  return (
    <section aria-labelledby={id} className="mt-12 border-t border-line pt-10 sm:mt-14">
      <h2 id={id} className="scroll-mt-6 text-xl font-semibold sm:text-2xl">
        {title}
      </h2>
      {content !== null && intro ? <p className="mt-2 max-w-reading text-muted">{intro}</p> : null}
      <div className="mt-6">
        {content ?? (empty ? <EmptyState action={empty.action}>{empty.text}</EmptyState> : null)}
      </div>
    </section>
  );
}

/** The page's map: a link to each part, once the page holds something. */
export function JourneyMap({ parts }: { parts: readonly JourneyPart[] }) {
  return (
    <nav aria-label="On this page" className="mt-8">
      <ul className="-ml-2 flex flex-wrap gap-x-1 gap-y-1 text-sm">
        {parts.map((part) => (
          <li key={part.id}>
            <a
              href={`#${part.id}`}
              className="inline-flex min-h-11 items-center rounded-full px-2 text-accent underline decoration-1 underline-offset-[0.2em] hover:text-accent-hover hover:decoration-2"
            >
              {part.title}
            </a>
          </li>
        ))}
      </ul>
    </nav>
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

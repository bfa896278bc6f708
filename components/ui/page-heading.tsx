import type { ReactNode } from "react";

type PageHeadingProps = {
  /** The page's one <h1>. */
  title: ReactNode;
  /** A short line above the title, e.g. "Coming soon". */
  eyebrow?: ReactNode;
  /** One or two sentences under the title, slightly larger than body text. */
  lead?: ReactNode;
};

export function PageHeading({ title, eyebrow, lead }: PageHeadingProps) {
  return (
    <header className="max-w-reading">
      {eyebrow ? <p className="mb-3 text-sm font-semibold tracking-wide text-accent uppercase">{eyebrow}</p> : null}
      <h1 className="text-3xl font-semibold tracking-tight sm:text-4xl">{title}</h1>
      {lead ? <p className="mt-4 text-lg text-muted">{lead}</p> : null}
    </header>
  );
}

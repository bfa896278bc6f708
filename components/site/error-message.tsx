import type { ReactNode } from "react";

/**
 * What both error boundaries say. It never shows the error itself: the cause might be a
 * bug or a database that can't be reached, and neither is the reader's to fix.
 */
export function ErrorMessage({ actions }: { actions: ReactNode }) {
  return (
    <div className="max-w-reading">
      <h1 className="text-3xl font-semibold tracking-tight sm:text-4xl">Something went wrong on our side</h1>
      <div className="mt-5 space-y-4 text-lg text-muted">
        <p>
          It isn&rsquo;t anything you did. This page couldn&rsquo;t load just now, perhaps because our server briefly
          lost touch with where your data is kept.
        </p>
        <p>
          A hiccup like this doesn&rsquo;t erase what you saved earlier. If you were saving something just then,
          check it once the page loads again. Trying again in a moment often helps.
        </p>
      </div>
      <div className="mt-8 flex flex-col gap-3 sm:flex-row sm:items-center">{actions}</div>
    </div>
  );
}

import Link from "next/link";
import { resultPath } from "@/lib/routes";
import type { NumberedResult } from "./format";

/**
 * A result in the list: when it was, and the strategies that stood out then, each with how its
 * range reads ("high", "between moderate and high"); `more` counts any further strategies the
 * quiz couldn't tell apart from these.
 */
export type ResultSummary = NumberedResult & { top: readonly { name: string; reading: string }[]; more?: number };

/** The newest results shown straight away; older ones wait behind a disclosure. */
export const RESULTS_SHOWN = 10;

function ResultItem({ result }: { result: ResultSummary }) {
  return (
    <li>
      <Link
        href={resultPath(result.id)}
        className="block min-h-11 rounded-2xl border border-line bg-surface p-4 hover:border-accent sm:p-5"
      >
        <span className="flex flex-wrap items-baseline justify-between gap-x-4">
          <span className="font-semibold">
            <time dateTime={result.completedAt.toISOString()}>{result.date}</time>
          </span>
          <span className="text-sm text-muted">{result.title}</span>
        </span>
        <span className="mt-1 block text-sm">
          {result.top.length > 0 ? (
            <>
              <span className="text-muted">Stood out: </span>
              {result.top.map((entry, index) => (
                <span key={entry.name}>
                  {index > 0 ? "; " : null}
                  {entry.name} <span className="text-muted">({entry.reading})</span>
                </span>
              ))}
              {result.more ? (
                <span className="text-muted">
                  ; and {result.more} more about as active
                </span>
              ) : null}
            </>
          ) : (
            <span className="text-muted">Too few answers to show a pattern</span>
          )}
        </span>
      </Link>
    </li>
  );
}

/** Every finished result, newest first, each leading to its full result page. */
export function ResultsList({ results }: { results: readonly ResultSummary[] }) {
  const shown = results.slice(0, RESULTS_SHOWN);
  const older = results.slice(RESULTS_SHOWN);
  return (
    <div className="max-w-reading">
      <ul className="space-y-3">
        {shown.map((result) => (
          <ResultItem key={result.id} result={result} />
        ))}
      </ul>
      {older.length > 0 ? (
        <details className="mt-4 rounded-2xl border border-line">
          <summary className="flex min-h-12 cursor-pointer items-center rounded-2xl px-5 py-3 font-semibold">
            {older.length === 1 ? "Show 1 earlier result" : `Show ${older.length} earlier results`}
          </summary>
          <ul className="space-y-3 px-3 pb-3 sm:px-4 sm:pb-4">
            {older.map((result) => (
              <ResultItem key={result.id} result={result} />
            ))}
          </ul>
        </details>
      ) : null}
    </div>
  );
}

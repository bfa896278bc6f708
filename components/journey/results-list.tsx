import Link from "next/link";
import { shownScore } from "@/components/results/shown-score";
import { TextLink } from "@/components/ui/text-link";
import { quiz, strategyTexts } from "@/lib/content/quiz";
import { comparePath, resultPath, resultsListPath } from "@/lib/routes";
import { rankStrategies, type QuizReliability } from "@/lib/scoring";

const RESULTS_PER_PAGE_TEXT = "ten to a page, newest first";
import type { NumberedResult } from "./format";

/**
 * A result in the list: when it was, and the strategies that stood out then, each with how its
 * range reads ("high", "between moderate and high"); `more` counts any further strategies the
 * quiz couldn't tell apart from these.
 */
export type ResultSummary = NumberedResult & { top: readonly { name: string; reading: string }[]; more?: number };

/**
 * A result in a list: the whole card leads to its full result page. `compareWith`: a link beside
 * it to compare it with that result (the latest); `chosen`: a box to tick to choose it for
 * comparing, in the list's form (checked when already chosen).
 */
export function ResultItem({ result, compareWith, chosen }: { result: ResultSummary; compareWith?: string; chosen?: boolean }) {
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
      {compareWith || chosen !== undefined ? (
        // Beside the card, not inside it: a link or a box can't sit inside another link.
        <p className="flex flex-wrap items-center gap-x-6 pl-4 text-sm sm:pl-5">
          {chosen !== undefined ? (
            <label className="inline-flex min-h-11 cursor-pointer items-center gap-2">
              <input type="checkbox" name="choose" value={result.id} defaultChecked={chosen} className="size-5 shrink-0 accent-accent" />
              <span>
                Choose <span className="sr-only">{result.title}</span> to compare
              </span>
            </label>
          ) : null}
          {compareWith ? (
            <TextLink className="inline-flex min-h-11 items-center" href={comparePath(result.id, compareWith)}>
              Compare {result.title} with your latest
            </TextLink>
          ) : null}
        </p>
      ) : null}
    </li>
  );
}

/**
 * The newest results (one page of them, newest first), each leading to its full result page;
 * when there are more than these, a plain link to the paged list of all of them.
 */
export function ResultsList({ results, total = results.length }: { results: readonly ResultSummary[]; total?: number }) {
  return (
    <div className="max-w-reading">
      <ul className="space-y-3">
        {results.map((result) => (
          <ResultItem key={result.id} result={result} />
        ))}
      </ul>
      {total > results.length ? (
        <p className="mt-4">
          <TextLink href={resultsListPath(1)}>See all {total} results</TextLink>
          <span className="text-muted">, {RESULTS_PER_PAGE_TEXT}</span>
        </p>
      ) : null}
    </div>
  );
}

/**
 * A numbered result as the lists show it: the (at most two) strategies that stood out, each
 * with how its range reads on `scales`, and how many more the quiz couldn't tell apart from them.
 */
export function summariseResult(result: NumberedResult, scales: QuizReliability): ResultSummary {
  const { top } = rankStrategies(quiz, result.strategies, scales);
  return {
    ...result,
    top: top.slice(0, 2).flatMap((strategy) => {
      const entry = result.strategies.find((candidate) => candidate.strategy === strategy);
      const shown = entry ? shownScore(entry, scales) : null;
      return shown ? [{ name: strategyTexts[strategy].name, reading: shown.readingText }] : [];
    }),
    more: Math.max(0, top.length - 2),
  };
}

import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";
import { titleResults } from "@/components/journey/format";
import { EmptyState } from "@/components/journey/journey-section";
import { ResultItem, summariseResult } from "@/components/journey/results-list";
import { ButtonLink } from "@/components/ui/button";
import { Container } from "@/components/ui/container";
import { PageHeading } from "@/components/ui/page-heading";
import { TextLink } from "@/components/ui/text-link";
import { currentProfile } from "@/lib/auth/profile";
import { listResultsPage } from "@/lib/data/quiz-attempts";
import { reliabilityByVersion } from "@/lib/data/reliability";
import { resultsListPath } from "@/lib/routes";

export const metadata: Metadata = {
  title: "All your results",
  description: "Every quiz result you have finished, newest first, ten to a page.",
  robots: { index: false },
};

/** `?page=<n>`: a whole number from 1; anything else leads nowhere. */
const pageQuery = z.object({ page: z.string().regex(/^[1-9][0-9]{0,5}$/).optional() });

export default async function AllResultsPage({ searchParams }: PageProps<"/me/results">) {
  const parsed = pageQuery.safeParse(await searchParams);
  if (!parsed.success) notFound();
  const asked = Number(parsed.data.page ?? "1");
  const profile = await currentProfile();
  const found = profile ? await listResultsPage(profile, asked) : { results: [], total: 0, page: 1, pages: 1, latestId: null };
  // A page past the end is no page: say so rather than show another one under its address.
  if (found.total > 0 && asked > found.pages) notFound();

  const reliability = await reliabilityByVersion(found.results.map((result) => result.quizVersion));
  const summaries = titleResults(found.results).map((result) => summariseResult(result, reliability[result.quizVersion]!));
  const newestShown = found.results[0]?.number ?? 0;
  const oldestShown = found.results.at(-1)?.number ?? 0;

  return (
    <Container className="py-12 sm:py-16">
      <PageHeading
        eyebrow="My journey"
        title="All your results"
        lead={
          found.total > 0
            ? `Every quiz result you’ve finished, newest first, ten to a page. Open one to read it in full, or put it beside your latest.`
            : undefined
        }
      />
      <div className="mt-10 max-w-reading">
        {found.total === 0 ? (
          <EmptyState action={<ButtonLink href="/quiz">Start the quiz</ButtonLink>}>
            <p>You haven’t finished the patterns quiz yet. Each result you finish is kept here.</p>
          </EmptyState>
        ) : (
          <>
            <p className="text-muted" aria-live="polite">
              Results {newestShown} to {oldestShown} of {found.total}, page {found.page} of {found.pages}
            </p>
            <ul className="mt-4 space-y-3">
              {summaries.map((result) => (
                <ResultItem
                  key={result.id}
                  result={result}
                  compareWith={found.latestId !== result.id ? (found.latestId ?? undefined) : undefined}
                />
              ))}
            </ul>
            <Pages page={found.page} pages={found.pages} />
          </>
        )}
      </div>
      <p className="mt-10">
        <TextLink href="/me">Back to My journey</TextLink>
      </p>
    </Container>
  );
}

/** Plain links to the page before, the page after, the first and the last: no script needed. */
function Pages({ page, pages }: { page: number; pages: number }) {
  if (pages <= 1) return null;
  const link = "inline-flex min-h-11 items-center rounded-full px-3 text-accent underline decoration-1 underline-offset-[0.2em] hover:text-accent-hover hover:decoration-2";
  const items = [
    page > 1 ? { href: resultsListPath(1), label: "Newest", rel: undefined } : null,
    page > 1 ? { href: resultsListPath(page - 1), label: "Newer results", rel: "prev" } : null,
    page < pages ? { href: resultsListPath(page + 1), label: "Older results", rel: "next" } : null,
    page < pages ? { href: resultsListPath(pages), label: "Oldest", rel: undefined } : null,
  ].filter((item) => item !== null);
  return (
    <nav aria-label="Pages of results" className="mt-6">
      <ul className="-ml-3 flex flex-wrap gap-x-2 gap-y-1">
        {items.map((item) => (
          <li key={item.label}>
            <a href={item.href} rel={item.rel} className={link}>
              {item.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";
import { titleResults } from "@/components/journey/format";
import { EmptyState } from "@/components/journey/journey-section";
import { ResultItem, summariseResult } from "@/components/journey/results-list";
import { buttonClassName, ButtonLink } from "@/components/ui/button";
import { Container } from "@/components/ui/container";
import { PageHeading } from "@/components/ui/page-heading";
import { TextLink } from "@/components/ui/text-link";
import { currentProfile } from "@/lib/auth/profile";
import { getNumberedResults, listResultsPage } from "@/lib/data/quiz-attempts";
import { reliabilityByVersion } from "@/lib/data/reliability";
import { resultsListPath } from "@/lib/routes";
import { chosenSchema, readPair, type ChoiceProblem } from "@/lib/validation/compare-choice";

export const metadata: Metadata = {
  title: "All your results",
  description: "Every quiz result you have finished, newest first, ten to a page.",
  robots: { index: false },
};

/**
 * `?page=<n>`: a whole number from 1; `choose=<id>` (any number of times, a few at most): the
 * results chosen to compare so far; `checked=1`: the choice was just sent and fell short.
 * Anything else leads nowhere.
 */
const pageQuery = z.object({
  page: z.string().regex(/^[1-9][0-9]{0,5}$/).optional(),
  choose: chosenSchema,
  checked: z.literal("1").optional(),
});

export default async function AllResultsPage({ searchParams }: PageProps<"/me/results">) {
  const parsed = pageQuery.safeParse(await searchParams);
  if (!parsed.success) notFound();
  const asked = Number(parsed.data.page ?? "1");
  const chosen = parsed.data.choose;
  const profile = await currentProfile();
  const found = profile ? await listResultsPage(profile, asked) : { results: [], total: 0, page: 1, pages: 1, latestId: null };
  // A page past the end is no page: say so rather than show another one under its address.
  if (found.total > 0 && asked > found.pages) notFound();
  // The results chosen on other pages, read by id and owner (a few at most): anyone else's is not found.
  const elsewhereIds = [...new Set(chosen)].filter((id) => !found.results.some((result) => result.id === id));
  const elsewhere = elsewhereIds.length > 0 && profile ? titleResults(await getNumberedResults(profile, elsewhereIds)) : [];
  if (elsewhere.length < elsewhereIds.length) notFound();

  const reliability = await reliabilityByVersion(found.results.map((result) => result.quizVersion));
  const summaries = titleResults(found.results).map((result) => summariseResult(result, reliability[result.quizVersion]!));
  const newestShown = found.results[0]?.number ?? 0;
  const oldestShown = found.results.at(-1)?.number ?? 0;
  const choosing = found.total >= 2;
  const choice = chosen.length > 0 || parsed.data.checked ? readPair(chosen) : null;
  const titles = [...summaries, ...elsewhere].filter((result) => chosen.includes(result.id)).sort((a, b) => a.number - b.number);

  const list = (
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
            chosen={choosing ? chosen.includes(result.id) : undefined}
          />
        ))}
      </ul>
    </>
  );

  return (
    <Container className="py-12 sm:py-16">
      <PageHeading
        eyebrow="My journey"
        title="All your results"
        lead={
          choosing
            ? "Every quiz result you’ve finished, newest first, ten to a page. Open one to read it in full, put it beside your latest, or tick any two, on one page or on different pages, and compare them."
            : found.total > 0
              ? "Every quiz result you’ve finished, newest first. Open one to read it in full."
              : undefined
        }
      />
      <div className="mt-10 max-w-reading">
        {found.total === 0 ? (
          <EmptyState action={<ButtonLink href="/quiz">Start the quiz</ButtonLink>}>
            <p>You haven’t finished the patterns quiz yet. Each result you finish is kept here.</p>
          </EmptyState>
        ) : choosing ? (
          // A plain GET form: the ticked boxes (and those chosen on other pages) go to /me/compare,
          // which shows the two, or sends the list back here saying what the choice lacks.
          <form method="get" action="/me/compare" aria-label="Choose two results to compare">
            {list}
            <ChoosePanel
              page={found.page}
              chosen={chosen}
              titles={titles}
              elsewhere={elsewhere}
              problem={choice && "problem" in choice ? choice.problem : null}
            />
            <Pages page={found.page} pages={found.pages} chosen={[...new Set(chosen)]} />
          </form>
        ) : (
          list
        )}
      </div>
      <p className="mt-10">
        <TextLink href="/me">Back to My journey</TextLink>
      </p>
    </Container>
  );
}

type Titled = { id: string; title: string; date: string };

const named = (result: Titled) => `${result.title} (${result.date})`;

/** What the list says beside its compare button: what is chosen so far, or what the choice lacks. */
function choiceMessage(problem: ChoiceProblem | null, chosen: readonly string[], titles: readonly Titled[]): { text: string; error: boolean } {
  switch (problem) {
    case null:
      return chosen.length === 2
        ? { text: `Chosen: ${titles.map(named).join(" and ")}. Compare them, or change your choice.`, error: false }
        : {
            text: "Tick two results and compare them. For two on different pages, tick one and choose “Compare the chosen two”: it stays chosen while you find the other.",
            error: false,
          };
    case "none":
      return { text: "No result is chosen yet. Tick the box beside two results, then compare them.", error: true };
    case "one":
      return {
        text: `${titles.map(named).join("")} is chosen. Choose one more to compare it with, on this page or another: it stays chosen as you move between pages.`,
        error: false,
      };
    case "same":
      return { text: "The same result is chosen twice. Choose two different results.", error: true };
    case "more":
      return { text: `${new Set(chosen).size} results are chosen. Choose exactly two: untick the ones you don’t need.`, error: true };
  }
}

/**
 * Below the list: what is chosen so far (with a box for each result chosen on another page, so it
 * travels with the form and can be unticked), the message beside the button, and the button.
 */
function ChoosePanel({
  page,
  chosen,
  titles,
  elsewhere,
  problem,
}: {
  page: number;
  chosen: readonly string[];
  titles: readonly Titled[];
  elsewhere: readonly Titled[];
  problem: ChoiceProblem | null;
}) {
  const message = choiceMessage(problem, chosen, titles);
  return (
    <div id="choose" className="mt-6 scroll-mt-6 rounded-2xl border border-line bg-surface p-4 sm:p-5">
      <input type="hidden" name="page" value={page} />
      {elsewhere.length > 0 ? (
        <fieldset>
          <legend className="font-semibold">Chosen on other pages</legend>
          <ul>
            {elsewhere.map((result) => (
              <li key={result.id}>
                <label className="inline-flex min-h-11 cursor-pointer items-center gap-2">
                  <input type="checkbox" name="choose" value={result.id} defaultChecked className="size-5 shrink-0 accent-accent" />
                  <span>{named(result)}</span>
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
      ) : null}
      <p
        id="choose-message"
        role={message.error ? "alert" : "status"}
        className={message.error ? "font-medium text-accent" : elsewhere.length > 0 ? "mt-3" : undefined}
      >
        {message.text}
      </p>
      <div className="mt-4 flex flex-wrap items-center gap-x-6 gap-y-2">
        <button type="submit" aria-describedby="choose-message" className={buttonClassName("primary")}>
          Compare the chosen two
        </button>
        {chosen.length > 0 ? (
          <TextLink className="inline-flex min-h-11 items-center" href={resultsListPath(page)}>
            Clear the choice
          </TextLink>
        ) : null}
      </div>
    </div>
  );
}

/**
 * Plain links to the page before, the page after, the first and the last: no script needed. They
 * keep the results chosen so far (ticking a box alone keeps nothing: the form must be sent).
 */
function Pages({ page, pages, chosen }: { page: number; pages: number; chosen: readonly string[] }) {
  if (pages <= 1) return null;
  const link = "inline-flex min-h-11 items-center rounded-full px-3 text-accent underline decoration-1 underline-offset-[0.2em] hover:text-accent-hover hover:decoration-2";
  const items = [
    page > 1 ? { href: resultsListPath(1, chosen), label: "Newest", rel: undefined } : null,
    page > 1 ? { href: resultsListPath(page - 1, chosen), label: "Newer results", rel: "prev" } : null,
    page < pages ? { href: resultsListPath(page + 1, chosen), label: "Older results", rel: "next" } : null,
    page < pages ? { href: resultsListPath(pages, chosen), label: "Oldest", rel: undefined } : null,
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

import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { z } from "zod";
import { CompareForm } from "@/components/journey/compare-form";
import { CompareTable } from "@/components/journey/compare-table";
import { titleResults, type NumberedResult } from "@/components/journey/format";
import { EmptyState } from "@/components/journey/journey-section";
import { ButtonLink } from "@/components/ui/button";
import { Container } from "@/components/ui/container";
import { Notice } from "@/components/ui/notice";
import { PageHeading } from "@/components/ui/page-heading";
import { TextLink } from "@/components/ui/text-link";
import { currentProfile } from "@/lib/auth/profile";
import type { CurrentProfile } from "@/lib/data/profiles";
import { strategyTexts } from "@/lib/content/quiz";
import { getNumberedResults, listResultsPage } from "@/lib/data/quiz-attempts";
import { quizReliability } from "@/lib/data/reliability";
import { comparePath, resultPath, resultsListPath } from "@/lib/routes";
import { attemptIdSchema, chosenSchema, readPair } from "@/lib/validation/compare-choice";
import { reliabilityBasisText } from "@/components/results/shown-score";
import { STRATEGIES } from "@/lib/scoring";

export const metadata: Metadata = {
  title: "Compare two results",
  description: "Two of your quiz results side by side, with the change in each strategy.",
  robots: { index: false },
};

/** `?from=<id>&to=<id>`: one id each; anything else is an address that leads nowhere. */
const compareQuery = z.object({ from: attemptIdSchema, to: attemptIdSchema });
/** What the list of all results sends: the ticked results (`choose`, any number) and the page it was on. */
const choiceQuery = z.object({ choose: chosenSchema, page: z.string().regex(/^[1-9][0-9]{0,5}$/).default("1") });

export default async function ComparePage({ searchParams }: PageProps<"/me/compare">) {
  const query = await searchParams;
  const profile = await currentProfile();
  if (query.from === undefined && query.to === undefined && (query.choose !== undefined || query.page !== undefined)) {
    return compareChoice(choiceQuery.safeParse(query), profile);
  }
  // The choices: the newest page of results, not every one (older ones are chosen from the paged list).
  const newest = profile ? await listResultsPage(profile, 1) : { results: [], total: 0 };
  const names = Object.fromEntries(STRATEGIES.map((strategy) => [strategy, strategyTexts[strategy].name]));

  if (query.from === undefined && query.to === undefined) return <ChooseTwo results={titleResults(newest.results)} total={newest.total} />;
  const parsed = compareQuery.safeParse(query);
  if (!parsed.success || !profile) notFound();
  // Exactly the two asked for, read by id and owner: anyone else's id is simply not found.
  const pair = titleResults(await getNumberedResults(profile, [parsed.data.from, parsed.data.to]));
  const first = pair.find((result) => result.id === parsed.data.from);
  const second = pair.find((result) => result.id === parsed.data.to);
  if (!first || !second) notFound();
  const results = withChoices(titleResults(newest.results), pair);
  if (first.id === second.id) {
    return (
      <ChooseTwo
        total={newest.total}
        results={results}
        from={first.id}
        to={second.id}
        error={`Both choices are the same result (${first.date}). Choose two different results to compare.`}
      />
    );
  }
  const [earlier, later] = first.number < second.number ? [first, second] : [second, first];
  const [earlierReliability, laterReliability] = await Promise.all([
    quizReliability(earlier.quizVersion),
    quizReliability(later.quizVersion),
  ]);
  const quizChanged = earlier.quizVersion !== later.quizVersion;

  return (
    <Container className="py-12 sm:py-16">
      <PageHeading
        eyebrow="My journey"
        title="Two results side by side"
        lead={`From ${earlier.date} to ${later.date}. A change is something to get curious about, not a verdict on how you’re doing.`}
      />

      <section aria-labelledby="side-by-side" className="mt-10 max-w-reading">
        <h2 id="side-by-side" className="text-xl font-semibold sm:text-2xl">
          Strategy by strategy
        </h2>
        <div className="mt-5">
          <CompareTable
            earlier={earlier}
            later={later}
            reliability={{ earlier: earlierReliability, later: laterReliability }}
            names={names}
          />
        </div>
        <p className="mt-4 text-sm text-muted">
          Read each one in full: <TextLink href={resultPath(earlier.id)}>{earlier.title}</TextLink> ·{" "}
          <TextLink href={resultPath(later.id)}>{later.title}</TextLink>
        </p>
      </section>

      {quizChanged ? (
        <Notice title="The quiz changed between these two results" className="mt-10 max-w-reading">
          <p>
            {earlier.title} was scored on an earlier version of the quiz, with some different questions. The two sets of
            questions measure the same five strategies on the same 0 to 100 scale, but not in exactly the same way, so
            part of any difference may come from the questions rather than from you.
          </p>
          <p className="mt-3">
            Each score keeps the margin of its own version, and a change counts as real only when it is larger than the
            two margins together. Read these changes more loosely than usual.
          </p>
        </Notice>
      ) : null}

      <Notice title="Reading the changes" className="mt-10 max-w-reading">
        <p>
          No quiz measures exactly: each score has a likely range, and two results taken a week apart can differ a
          little even when nothing has changed. So a change reads as “a real change” only when it is larger than the
          quiz’s own margin for a difference between two results. Anything smaller reads as “about the same, within
          the quiz’s margin”.
        </p>
        <p className="mt-3">
          A real change is something to get curious about, not a grade: what was going on in your life around each
          date matters as much as the number. {reliabilityBasisText(laterReliability)}{" "}
          <TextLink href="/quiz/how-it-works">How the quiz works</TextLink>
        </p>
      </Notice>

      <section aria-labelledby="choose-other" className="mt-12 border-t border-line pt-10">
        <h2 id="choose-other" className="text-xl font-semibold sm:text-2xl">
          Compare two other results
        </h2>
        <div className="mt-5">
          <CompareForm results={results} from={earlier.id} to={later.id} />
        </div>
        <OlderResults shown={results.length} total={newest.total} />
      </section>

      <p className="mt-10">
        <TextLink href="/me">Back to My journey</TextLink>
      </p>
    </Container>
  );
}

/**
 * The choice sent from the list of all results: exactly two distinct results of this person's
 * open side by side, at their own address; anything less or more goes back to the list, to the
 * page it came from, keeping what was chosen, and the list says what is missing. An id that is
 * not one of this person's results is not found.
 */
async function compareChoice(parsed: ReturnType<typeof choiceQuery.safeParse>, profile: CurrentProfile | null): Promise<never> {
  if (!parsed.success || !profile) notFound();
  const { choose, page } = parsed.data;
  const distinct = [...new Set(choose)];
  const found = distinct.length > 0 ? await getNumberedResults(profile, distinct) : [];
  if (found.length < distinct.length) notFound();
  const choice = readPair(choose);
  if ("pair" in choice) {
    const [earlier, later] = [...found].sort((a, b) => a.number - b.number);
    redirect(comparePath(earlier!.id, later!.id));
  }
  redirect(`${resultsListPath(Number(page), choose, true)}#choose`);
}

/** The newest results with the pair being compared among them, newest first, each once. */
function withChoices(newest: NumberedResult[], pair: NumberedResult[]): NumberedResult[] {
  const extra = pair.filter((result, index) => !newest.some((n) => n.id === result.id) && pair.findIndex((p) => p.id === result.id) === index);
  return [...newest, ...extra].sort((a, b) => b.number - a.number);
}

/** When the choices are only the newest results: where the older ones are. */
function OlderResults({ shown, total }: { shown: number; total: number }) {
  if (total <= shown) return null;
  return (
    <p className="mt-4 max-w-reading">
      These are your newest results. For an older one, open <TextLink href={resultsListPath(1)}>all {total} results</TextLink>:
      there you can compare any one with your latest, or choose any two.
    </p>
  );
}

/** The page without a pair to show: the choice of two results, or the way to get a second one. */
function ChooseTwo({
  results,
  total,
  from,
  to,
  error,
}: {
  results: NumberedResult[];
  total: number;
  from?: string;
  to?: string;
  error?: string;
}) {
  return (
    <Container className="py-12 sm:py-16">
      <PageHeading
        eyebrow="My journey"
        title="Compare two results"
        lead="Choose any two of your quiz results to see them side by side, with the change in each strategy."
      />
      <div className="mt-10">
        {total >= 2 ? (
          <>
            <CompareForm results={results} from={from} to={to} error={error} variant="primary" />
            <OlderResults shown={results.length} total={total} />
          </>
        ) : (
          <EmptyState action={<ButtonLink href="/quiz">{results.length === 0 ? "Start the quiz" : "Retake the quiz"}</ButtonLink>}>
            <p>
              {results.length === 0
                ? "There’s nothing to compare yet. Once you’ve finished the quiz twice, a few weeks apart, you can put the two results side by side here."
                : "You have one result so far. Take the quiz again, perhaps in a few weeks, and you can put the two side by side here."}
            </p>
          </EmptyState>
        )}
      </div>
      <p className="mt-10">
        <TextLink href="/me">Back to My journey</TextLink>
      </p>
    </Container>
  );
}

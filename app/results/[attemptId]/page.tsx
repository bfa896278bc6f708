import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { StrategyScoresChart } from "@/components/charts/strategy-scores-chart";
import { SafetyNote } from "@/components/help/safety-note";
import { ReminderOffer } from "@/components/reminders/reminder-form";
import { ReportForm } from "@/components/results/report-form";
import { ScoreTable } from "@/components/results/score-table";
import { reliabilityBasisText, shownScore, spokenScore } from "@/components/results/shown-score";
import { StrategyExplanation } from "@/components/results/strategy-explanation";
import { ButtonLink } from "@/components/ui/button";
import { Container } from "@/components/ui/container";
import { Notice } from "@/components/ui/notice";
import { PageHeading } from "@/components/ui/page-heading";
import { currentProfile } from "@/lib/auth/profile";
import { capacities, lessons } from "@/lib/content/lessons";
import { quiz, strategyTexts } from "@/lib/content/quiz";
import { getAttempt, getResult } from "@/lib/data/quiz-attempts";
import { quizReliability } from "@/lib/data/reliability";
import { formatDate } from "@/lib/format";
import { questionPath } from "@/lib/routes";
import { leadingGroup, rankStrategies } from "@/lib/scoring";

export const metadata: Metadata = { title: "Your quiz results", robots: { index: false } };


export default async function ResultsPage({ params }: PageProps<"/results/[attemptId]">) {
  const { attemptId } = await params;
  const profile = await currentProfile();
  const result = profile ? await getResult(profile, attemptId) : null;
  if (!result) {
    // An attempt not finished yet (a page loaded before a quiz update sends its refused save here):
    // back to its questions, which resume it or explain that the quiz was updated.
    const unfinished = profile ? await getAttempt(profile, attemptId) : null;
    if (unfinished?.status === "in_progress") redirect(questionPath(unfinished.id, 1));
    notFound();
  }

  const reliability = await quizReliability(result.quizVersion);
  const { ranking, top } = rankStrategies(quiz, result.strategies, reliability);
  const byStrategy = new Map(result.strategies.map((entry) => [entry.strategy, entry]));
  const ranked = ranking.map((strategy) => byStrategy.get(strategy)!);
  const names = Object.fromEntries(Object.entries(strategyTexts).map(([id, text]) => [id, text.name]));
  const shown = Object.fromEntries(result.strategies.map((entry) => [entry.strategy, shownScore(entry, reliability)]));
  const spoken = (strategy: (typeof ranking)[number]) => {
    const entry = shown[strategy];
    return entry ? spokenScore(entry) : "not scored";
  };
  // The highest strategy and those the quiz can't tell apart from it (lib/scoring leadingGroup).
  const level = leadingGroup(result.strategies, reliability);
  const rest = ranking.filter((strategy) => !top.includes(strategy));
  const explain = (strategy: (typeof ranking)[number], withHeading = true) => (
    <StrategyExplanation
      key={strategy}
      withHeading={withHeading}
      result={byStrategy.get(strategy)!}
      scoreLabel={shown[strategy] ? `${shown[strategy].score}, ${shown[strategy].readingText}` : undefined}
      text={strategyTexts[strategy]}
      capacities={capacities}
      lessons={lessons()}
    />
  );

  return (
    <Container className="py-10 sm:py-14">
      <PageHeading
        eyebrow={`Patterns quiz · ${formatDate(result.completedAt)}`}
        title="What seems active for you right now"
        lead="These are signals, not verdicts. They show which protective strategies your answers lean on today, and where practice could help."
      />

      <section aria-labelledby="scores" className="mt-10">
        <h2 id="scores" className="text-xl font-semibold">Your five scores</h2>
        <div className="mt-5 grid gap-8 lg:grid-cols-2 lg:items-start">
          <StrategyScoresChart
            results={ranked}
            shown={shown}
            names={names}
            label={`Bar chart of your five scores, highest first, each with its likely range: ${ranked
              .map((entry) => `${names[entry.strategy]} ${spoken(entry.strategy)}`)
              .join("; ")}.`}
          />
          <ScoreTable results={ranked} shown={shown} names={names} />
        </div>
        <div className="mt-5 max-w-reading space-y-3 text-sm text-muted">
          <p>
            Scores run from 0 to 100 on this quiz’s own scale. They are not percentiles and don’t compare you with
            anyone else. Below 40 is low, 40 to 64 moderate, 65 and above high.
          </p>
          <p>
            No quiz measures exactly, so each score comes with a likely range: the line under each bar. Where a range
            crosses one of the dashed band lines, the score reads as between two bands rather than as one.{" "}
            {reliabilityBasisText(reliability)}{" "}
            <Link href="/quiz/how-it-works" className="text-accent underline underline-offset-4">
              How the quiz works
            </Link>
          </p>
        </div>
      </section>

      {top.length > 0 ? (
        <section aria-labelledby="first" className="mt-12 max-w-reading">
          <h2 id="first" className="text-xl font-semibold">Where to start</h2>
          {level.length > 1 ? (
            <p className="mt-3" data-testid="equally-active">
              {listOf(level.map((strategy) => names[strategy]!))} are about equally active for you: their scores are
              closer together than the quiz’s margin, so it can’t say which is stronger. Start with whichever feels
              more familiar.
            </p>
          ) : null}
          <div className="mt-5 space-y-6">{top.map((strategy) => explain(strategy))}</div>
        </section>
      ) : null}

      {rest.length > 0 ? (
        <section aria-labelledby="others" className="mt-12 max-w-reading">
          <h2 id="others" className="text-xl font-semibold">The other strategies</h2>
          <p className="mt-2 text-muted">Less active for you right now. Open any of them to read more.</p>
          <div className="mt-5 space-y-3">
            {rest.map((strategy) => {
              const entry = shown[strategy];
              return (
                <details key={strategy} className="rounded-2xl border border-line bg-surface">
                  <summary className="flex min-h-12 cursor-pointer items-center justify-between gap-4 rounded-2xl px-5 py-3 font-semibold">
                    <span>{names[strategy]}</span>
                    <span className="text-sm font-normal text-muted tabular-nums">
                      {entry ? `${entry.score}, ${entry.readingText}` : "not enough answers"}
                    </span>
                  </summary>
                  {explain(strategy, false)}
                </details>
              );
            })}
          </div>
        </section>
      ) : null}

      <SafetyNote headingLevel={2} className="mt-12 max-w-reading" />

      <Notice title="A reflection tool, not a diagnosis" className="mt-12 max-w-reading">
        <p>
          This quiz can’t diagnose anything, and a score is only a snapshot of how things feel lately. If any of this
          stirs up more than you can hold on your own, please talk to someone you trust or a professional.{" "}
          <Link href="/help" className="text-accent underline underline-offset-4">
            Find help, including crisis lines
          </Link>
          .
        </p>
      </Notice>

      <div className="mt-10 flex flex-wrap gap-4 print:hidden">
        <ButtonLink href="/quiz">Retake the quiz</ButtonLink>
        <ButtonLink href="/lessons" variant="secondary">
          Go to the lessons
        </ButtonLink>
      </div>

      <section aria-labelledby="report" className="mt-12 max-w-reading print:hidden">
        <h2 id="report" className="text-xl font-semibold">A report to bring to someone</h2>
        <div className="mt-4">
          <ReportForm resultId={result.id} />
        </div>
      </section>

      <ReminderOffer kind="retake-quiz" className="mt-8 max-w-reading" />
    </Container>
  );
}

/** "A", "A and B", "A, B and C". */
function listOf(names: readonly string[]): string {
  return names.length <= 1 ? (names[0] ?? "") : `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}

import type { Metadata } from "next";
import { AccountStatus } from "@/components/account/account-status";
import { CompareForm } from "@/components/journey/compare-form";
import { titleResults } from "@/components/journey/format";
import { JourneyMap, JourneySection, type JourneyPart } from "@/components/journey/journey-section";
import { groupPracticeEntries, PracticeByCapacity } from "@/components/journey/practice-by-capacity";
import { groupReflections, ReflectionsByLesson } from "@/components/journey/reflections-by-lesson";
import { ResultsList, summariseResult } from "@/components/journey/results-list";
import { StrategyTrends } from "@/components/journey/strategy-trends";
import { YourData } from "@/components/journey/your-data";
import { LessonList } from "@/components/lessons/lesson-list";
import { ButtonLink } from "@/components/ui/button";
import { Container } from "@/components/ui/container";
import { PageHeading } from "@/components/ui/page-heading";
import { TextLink } from "@/components/ui/text-link";
import { currentProfile } from "@/lib/auth/profile";
import { capacities, lessons } from "@/lib/content/lessons";
import { strategyTexts } from "@/lib/content/quiz";
import { listLessonProgress } from "@/lib/data/lesson-progress";
import { listPracticeEntries } from "@/lib/data/practice-entries";
import { describeProfile } from "@/lib/data/profiles";
import { listResultsPage, listTrendResults } from "@/lib/data/quiz-attempts";
import { reliabilityByVersion } from "@/lib/data/reliability";
import { listReflections } from "@/lib/data/reflections";
import { lessonStepPath, resultsListPath } from "@/lib/routes";
import { STRATEGIES } from "@/lib/scoring";

export const metadata: Metadata = {
  title: "My journey",
  description:
    "Your quiz results and how your scores move over time, your place in the lessons, your reflections and your practice log.",
  robots: { index: false },
};

export default async function JourneyPage() {
  // Reading this page never creates a profile: a first-time visitor sees the invitations.
  const profile = await currentProfile();
  // However long the history, the page reads one page of the newest results and an evenly
  // spread sample for the charts: a bounded number of rows, never every result.
  const [visitor, latestPage, trend, progress, reflections, entries] = profile
    ? await Promise.all([
        describeProfile(profile),
        listResultsPage(profile, 1),
        listTrendResults(profile),
        listLessonProgress(profile),
        listReflections(profile),
        listPracticeEntries(profile),
      ])
    : [null, { results: [], total: 0 }, { results: [], total: 0 }, [], [], []];

  const allLessons = lessons();
  const names = Object.fromEntries(STRATEGIES.map((strategy) => [strategy, strategyTexts[strategy].name]));
  const numbered = titleResults(latestPage.results);
  const totalResults = latestPage.total;
  const trendShown = titleResults(trend.results);
  const reliability = await reliabilityByVersion([...latestPage.results, ...trend.results].map((result) => result.quizVersion));
  const summaries = numbered.map((result) => summariseResult(result, reliability[result.quizVersion]!));
  const reflectionGroups = groupReflections(allLessons, reflections);
  const practiceGroups = groupPracticeEntries(capacities, allLessons, entries);
  const hasAnything = totalResults > 0 || [progress, reflections, entries].some((list) => list.length > 0);

  const firstLesson = allLessons[0]!;
  const allSteps = allLessons.flatMap((lesson, index) => lesson.steps.map((step) => ({ lesson, index, step })));
  const firstPrompt = allSteps.find(({ step }) => step.reflections.length > 0);
  const practiceSteps = allSteps.filter(({ step }) => step.practice);
  const firstPractice = practiceSteps[0];
  const lastPractice = practiceSteps[practiceSteps.length - 1];

  const results: JourneyPart = {
    id: "results",
    title: "Your quiz results",
    intro: "Newest first. Open one to read it in full.",
    content:
      summaries.length > 0 ? (
        <>
          <ResultsList results={summaries} total={totalResults} />
          <div className="mt-6">
            <ButtonLink href="/quiz">Retake the quiz</ButtonLink>
          </div>
        </>
      ) : null,
    empty: {
      action: <ButtonLink href="/quiz">Start the quiz</ButtonLink>,
      text: (
        <p>
          You haven’t finished the patterns quiz yet. It takes about ten minutes and shows which of five protective
          strategies seem most active for you right now. Each result you finish is kept here.
        </p>
      ),
    },
  };
  const trends: JourneyPart = {
    id: "trend",
    title: "How your scores move",
    intro: "One small chart per strategy, from your first result to your latest.",
    content:
      trendShown.length > 0 ? (
        <StrategyTrends results={trendShown} names={names} reliability={reliability} total={trend.total} />
      ) : null,
    empty: {
      text: (
        <p>
          Once you finish the quiz, each of the five strategies gets a small chart here. Take it again in a few weeks,
          and you can watch your scores move. <TextLink href="/quiz">Begin with the quiz</TextLink>.
        </p>
      ),
    },
  };
  const compare: JourneyPart = {
    id: "compare",
    title: "Compare two results",
    intro:
      totalResults > numbered.length
        ? `Choose two of your ${numbered.length} newest results to see them side by side, with the change in each strategy.`
        : "Choose any two results to see them side by side, with the change in each strategy.",
    content: (
      <>
        <CompareForm results={numbered} />
        {totalResults > numbered.length ? (
          <p className="mt-4 max-w-reading">
            For an older one, open <TextLink href={resultsListPath(1)}>all your results</TextLink>: there you can
            compare any one with your latest, or choose any two.
          </p>
        ) : null}
      </>
    ),
  };
  const lessonsPart: JourneyPart = {
    id: "lessons",
    title: "Your lessons",
    intro: "Where you are in each lesson. A lesson under way opens where you left off.",
    content:
      progress.length > 0 ? (
        <LessonList lessons={allLessons} progress={progress} linkTo="continue" withSummaries={false} />
      ) : null,
    empty: {
      action: (
        <ButtonLink href={lessonStepPath(firstLesson.slug, 1)} variant="secondary">
          Start lesson 1
        </ButtonLink>
      ),
      text: (
        <p>
          You haven’t opened a lesson yet. The first one, “{firstLesson.title}”, takes about {firstLesson.minutes}{" "}
          minutes, one short idea at a time.
        </p>
      ),
    },
  };
  const reflectionsPart: JourneyPart = {
    id: "reflections",
    title: "Your reflections",
    intro: "What you wrote in the lessons, under the question it answers.",
    content: reflectionGroups.length > 0 ? <ReflectionsByLesson groups={reflectionGroups} /> : null,
    empty: {
      text: (
        <p>
          Nothing written yet. Along the way, the lessons ask a few questions to sit with; whatever you write is kept
          here, grouped by lesson.
          {firstPrompt ? (
            <>
              {" "}
              <TextLink href={lessonStepPath(firstPrompt.lesson.slug, firstPrompt.step.number)}>
                The first question is in lesson {firstPrompt.index + 1}
              </TextLink>
              .
            </>
          ) : null}
        </p>
      ),
    },
  };
  const practice: JourneyPart = {
    id: "practice",
    title: "Your practice log",
    intro: "The moments you logged, by the capacity you were practising, newest first.",
    content: practiceGroups.length > 0 ? <PracticeByCapacity groups={practiceGroups} /> : null,
    empty: {
      text: (
        <p>
          No practice entries yet.
          {firstPractice && lastPractice ? (
            <>
              {" "}
              Lessons {firstPractice.index + 1} to {lastPractice.index + 1} each keep a small log for the moments you
              catch the pattern in daily life; a few words are enough.
            </>
          ) : null}
          {firstPractice ? (
            <>
              {" "}
              <TextLink href={lessonStepPath(firstPractice.lesson.slug, firstPractice.step.number)}>
                Open the first practice log
              </TextLink>
              .
            </>
          ) : null}
        </p>
      ),
    },
  };
  const yourData: JourneyPart = {
    id: "your-data",
    title: "Your data",
    content: <YourData hasProfile={profile !== null} latestResultId={latestPage.results[0]?.id} />,
  };
  // Comparing needs two results; until then the part is left out, from the map too.
  const parts = [results, trends, ...(totalResults >= 2 ? [compare] : []), lessonsPart, reflectionsPart, practice, yourData];

  return (
    <Container className="py-12 sm:py-16">
      <PageHeading
        title="My journey"
        lead="Your quiz results, your place in the lessons and what you’ve written, kept together so you can see how things move over time."
      />

      <div className="mt-8">
        <AccountStatus visitor={visitor} />
      </div>

      {/* A map of the page once it holds something; an empty page is short enough without one. */}
      {hasAnything ? <JourneyMap parts={parts} /> : null}

      {parts.map((part) => (
        <JourneySection key={part.id} part={part} />
      ))}
    </Container>
  );
}

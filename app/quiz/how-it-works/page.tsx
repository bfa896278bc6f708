import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { Container } from "@/components/ui/container";
import { Notice } from "@/components/ui/notice";
import { PageHeading } from "@/components/ui/page-heading";
import { Prose } from "@/components/ui/prose";
import { quiz, strategyTexts } from "@/lib/content/quiz";
import { quizReliability } from "@/lib/data/reliability";
import { formatStatistic } from "@/lib/format";
import {
  BAND_CUT_POINTS,
  MIN_RESULTS_FOR_RELIABILITY,
  STRATEGIES,
  Z_95,
  marginOfScore,
  standardErrorOfDifference,
  standardErrorOfMeasurement,
} from "@/lib/scoring";

export const metadata: Metadata = {
  title: "How the quiz works",
  description:
    "What the patterns quiz measures and what it doesn’t, how each score, band and likely range is worked out, and when a change between two results counts as real.",
};


/** A formula on a line of its own, read out as written. */
function Formula({ children }: { children: string }) {
  return (
    <p className="rounded-lg bg-soft px-4 py-3 font-mono text-[0.95em]">
      <code>{children}</code>
    </p>
  );
}

export default async function HowTheQuizWorksPage() {
  // The figures come from stored results once a version has enough of them: read at request time.
  await connection();
  const reliability = await quizReliability(quiz.version);
  const fromResults = reliability.basis.kind === "results";
  const rows = STRATEGIES.map((strategy) => {
    const scale = reliability.scales[strategy];
    const items = quiz.items.filter((item) => item.strategy === strategy).length;
    // The smallest whole-number difference that reads as a real change.
    const realChange = Math.ceil(Z_95 * standardErrorOfDifference(scale) - 1e-9);
    return {
      strategy,
      name: strategyTexts[strategy].name,
      items,
      alpha: scale.alpha,
      sd: scale.sd,
      sem: standardErrorOfMeasurement(scale),
      margin: Math.round(marginOfScore(scale)),
      realChange,
    };
  });
  const sameEverywhere = rows.every((row) => row.margin === rows[0]!.margin && row.realChange === rows[0]!.realChange);
  const example = rows[0]!;

  return (
    <Container className="py-12 sm:py-16">
      <PageHeading
        eyebrow="The patterns quiz"
        title="How the quiz works"
        lead="What the quiz looks at, what it can’t tell you, and how every number on your results is worked out."
      />
      <Prose className="mt-10">
        <section aria-labelledby="measures" className="[&>*+*]:mt-[1.1em] [&>h2+*]:mt-[0.6em]">
          <h2 id="measures">What it looks at</h2>
          <p>
            The quiz asks how often {quiz.items.length} everyday statements are true for you. Each statement belongs to
            one of five protective strategies: {STRATEGIES.map((strategy) => strategyTexts[strategy].name.toLowerCase()).join(", ")}. Some
            statements describe the strategy and some describe its opposite, so that simply agreeing with everything
            doesn’t push a score up.
          </p>
          <p>
            Each score is a signal of how much your answers lean on that strategy right now. It is a prompt to reflect,
            not a finding about who you are.
          </p>
        </section>

        <section aria-labelledby="not" className="[&>*+*]:mt-[1.1em] [&>h2+*]:mt-[0.6em]">
          <h2 id="not">What it doesn’t do</h2>
          <ul>
            <li>It doesn’t diagnose anything. It is not a validated clinical instrument, and it can’t replace a conversation with a professional.</li>
            <li>It doesn’t compare you with other people. A score is not a percentile, and there is no “normal” to measure against.</li>
            <li>It doesn’t measure exactly. No questionnaire does, which is why each score comes with a likely range.</li>
            <li>It is a snapshot: a hard week can move your answers, and that is worth noticing too.</li>
          </ul>
        </section>

        <section aria-labelledby="scores" className="[&>*+*]:mt-[1.1em] [&>h2+*]:mt-[0.6em]">
          <h2 id="scores">How a score is worked out</h2>
          <p>
            Each answer gives 0 to 4 points for its strategy: more points the more often the strategy shows. For a
            statement that describes the opposite, the points run the other way. A strategy’s score is its points as a
            share of the most it could have, on a scale from 0 to 100, rounded to a whole number:
          </p>
          <Formula>score = 100 × points ÷ (4 × statements answered)</Formula>
          <p>
            A strategy is scored only when at least four in five of its statements have an answer. Results from before
            whole numbers were introduced were stored with one decimal; they keep their stored figures and are shown
            rounded, never across a band line (64.9, moderate, shows as 64).
          </p>
        </section>

        <section aria-labelledby="bands" className="[&>*+*]:mt-[1.1em] [&>h2+*]:mt-[0.6em]">
          <h2 id="bands">Bands</h2>
          <p>
            Below {BAND_CUT_POINTS.moderate} reads as low, {BAND_CUT_POINTS.moderate} to {BAND_CUT_POINTS.high - 1} as
            moderate, and {BAND_CUT_POINTS.high} or more as high. Answering “Sometimes” to every statement gives 50,
            in the middle of moderate.
          </p>
        </section>

        <section aria-labelledby="ranges" className="[&>*+*]:mt-[1.1em] [&>h2+*]:mt-[0.6em]">
          <h2 id="ranges">Each score’s likely range</h2>
          <p>
            If you took the quiz again tomorrow, feeling much the same, your answers would still shift a little, and so
            would your scores. The likely range shows how far: a span around your score that, 95 times in 100, holds
            the score the quiz would give if it could measure without any noise. It rests on two figures for each
            strategy:
          </p>
          <ul>
            <li>
              <strong>Alpha (α)</strong>, from 0 to 1: how consistently a strategy’s statements agree with one another
              across everyone who has taken the quiz (Cronbach’s alpha). The higher it is, the less noise.
            </li>
            <li>
              <strong>SD</strong>: how widely the scores of that strategy spread from person to person.
            </li>
          </ul>
          <p>From these come the standard error of measurement (SEM) and the range:</p>
          <Formula>SEM = SD × √(1 − α)</Formula>
          <Formula>range = score ± 1.96 × SEM (within 0 to 100)</Formula>
          <p>
            With the figures below, a score of 50 for {example.name.toLowerCase()} has the range {Math.max(0, 50 - example.margin)} to{" "}
            {Math.min(100, 50 + example.margin)}. When a range crosses a band line, the score reads as between two
            bands, for example “between moderate and high”, rather than as one.
          </p>
          <p>
            When two strategies are so close that the quiz can’t tell which is stronger, your results say they are
            about equally active instead of ranking one above the other. The test is the same one used for change,
            below: their difference is smaller than 1.96 × √(SEM₁² + SEM₂²).
          </p>
        </section>

        <section aria-labelledby="change" className="[&>*+*]:mt-[1.1em] [&>h2+*]:mt-[0.6em]">
          <h2 id="change">A real change, or about the same</h2>
          <p>
            When you compare two of your results, each change is checked against the quiz’s own margin with the
            reliable change index, from Jacobson and Truax (1991):
          </p>
          <Formula>RC = (later score − earlier score) ÷ (√2 × SEM)</Formula>
          <p>
            When RC is 1.96 or more either way, the change is larger than the quiz’s noise would make on its own, and it
            reads as a real change, higher or lower than before. Anything smaller reads as about the same, within the
            quiz’s margin.{" "}
            {sameEverywhere
              ? `With the figures below, that means a change of ${example.realChange} points or more.`
              : "The table below gives the size of a real change for each strategy."}{" "}
            A real change is a reason to get curious, not a grade.
          </p>
          <p>
            If the quiz itself was updated between two of your results, the questions are not quite the same, so part
            of any difference may come from the questions rather than from you. Then each score keeps the margin of its
            own version, the change is tested against both together (√(SEM₁² + SEM₂²) in place of √2 × SEM), and the
            comparison says plainly that the quiz changed.
          </p>
        </section>

        <section aria-labelledby="figures" className="[&>*+*]:mt-[1.1em] [&>h2+*]:mt-[0.6em]">
          <h2 id="figures">The figures for this version of the quiz</h2>
          <p>
            {reliability.basis.kind === "results"
              ? `These figures are based on ${reliability.basis.count} finished results of this version of the quiz, and are worked out again as more come in.`
              : `These figures are an estimate until enough people have taken this version of the quiz (${MIN_RESULTS_FOR_RELIABILITY} finished results). Until then the quiz assumes an alpha of .80 and an SD of 15 points for every strategy: a cautious starting point, chosen so as not to claim more precision than it has.`}
          </p>
        </section>
      </Prose>

      <div role="region" aria-labelledby="figures-caption" tabIndex={0} className="mt-6 max-w-reading overflow-x-auto rounded-lg pb-2">
        <table className="w-full border-collapse text-left">
          <caption id="figures-caption" className="pb-3 text-left text-sm text-muted">
            Reliability of each strategy’s score{fromResults ? "" : " (estimates)"}
          </caption>
          <thead>
            <tr className="border-b border-line-strong text-sm text-muted">
              <th scope="col" className="py-2 pr-3 font-semibold">Strategy</th>
              <th scope="col" className="py-2 pr-3 text-right font-semibold">Statements</th>
              <th scope="col" className="py-2 pr-3 text-right font-semibold">α</th>
              <th scope="col" className="py-2 pr-3 text-right font-semibold">SD</th>
              <th scope="col" className="py-2 pr-3 text-right font-semibold">Range</th>
              <th scope="col" className="py-2 text-right font-semibold">Real change</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.strategy} className="border-b border-line">
                <th scope="row" className="py-2 pr-3 font-medium">{row.name}</th>
                <td className="py-2 pr-3 text-right tabular-nums">{row.items}</td>
                <td className="py-2 pr-3 text-right tabular-nums">{formatStatistic(row.alpha, 2, false)}</td>
                <td className="py-2 pr-3 text-right tabular-nums">{formatStatistic(row.sd, 1)}</td>
                <td className="py-2 pr-3 text-right tabular-nums whitespace-nowrap">± {row.margin}</td>
                <td className="py-2 text-right tabular-nums whitespace-nowrap">{row.realChange} or more</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <Notice title="Where the method comes from" className="mt-10 max-w-reading">
        <p>
          Jacobson, N. S., &amp; Truax, P. (1991). Clinical significance: A statistical approach to defining meaningful
          change in psychotherapy research. <cite>Journal of Consulting and Clinical Psychology</cite>, 59(1), 12–19.
          More of the research behind Drawbridge is on{" "}
          <Link href="/sources" className="text-accent underline underline-offset-4">
            Where these ideas come from
          </Link>
          .
        </p>
      </Notice>

      <p className="mt-10 flex flex-wrap gap-x-6 gap-y-2">
        <Link href="/quiz" className="text-accent underline underline-offset-4">
          Take the quiz
        </Link>
        <Link href="/me" className="text-accent underline underline-offset-4">
          See your results on My journey
        </Link>
      </p>
    </Container>
  );
}

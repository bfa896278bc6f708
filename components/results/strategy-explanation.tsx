import Link from "next/link";
import { lessonTeaching, type Capacity, type Lesson } from "@/lib/content/lessons";
import type { StrategyText } from "@/lib/content/quiz";
import { wholeScore, type StrategyResult } from "@/lib/scoring";

type Props = {
  result: StrategyResult;
  text: StrategyText;
  capacities: readonly Capacity[];
  /** Every lesson, in reading order. */
  lessons: readonly Lesson[];
  /** False inside a disclosure whose summary already names the strategy and its score. */
  withHeading?: boolean;
  /** The score as the page words it, e.g. "64, likely 51 to 77, between moderate and high". */
  scoreLabel?: string;
};

/**
 * One strategy explained like a thoughtful friend would: what it is doing for you, the lessons
 * that explain it, and what to practise.
 */
export function StrategyExplanation({ result, text, capacities, lessons, withHeading = true, scoreLabel }: Props) {
  const numberOf = new Map(lessons.map((lesson, index) => [lesson.slug, index + 1]));
  const readFirst = text.readFirst.flatMap((slug) => lessons.filter((lesson) => lesson.slug === slug));
  const practise = text.capacities.flatMap((id) => capacities.filter((capacity) => capacity.id === id));
  return (
    <article className={withHeading ? "rounded-2xl border border-line bg-surface p-5 sm:p-7" : "px-5 pb-5"}>
      {withHeading ? (
        <h3 className="text-xl font-semibold">
          {text.name}
          <span className="ml-2 text-base font-normal text-muted">
            {result.status === "scored"
              ? (scoreLabel ?? `${wholeScore(result.score, result.band)}, ${result.band}`)
              : "not enough answers to say"}
          </span>
        </h3>
      ) : null}
      <p className={withHeading ? "mt-1 text-muted" : "text-muted"}>{text.summary}</p>
      {result.status === "scored" ? <p className="mt-4">{text.bands[result.band]}</p> : null}
      <dl className="mt-5 space-y-4">
        <div>
          <dt className="font-semibold">What it protects you from</dt>
          <dd className="mt-1">{text.protectsYouFrom}</dd>
        </div>
        <div>
          <dt className="font-semibold">What it costs</dt>
          <dd className="mt-1">{text.costs}</dd>
        </div>
        {readFirst.length > 0 ? (
          <div>
            <dt className="font-semibold">To understand it</dt>
            <dd className="mt-1">
              <p>Start by reading:</p>
              <ul className="mt-1">
                {readFirst.map((lesson) => (
                  <li key={lesson.slug}>
                    <Link
                      href={`/lessons/${lesson.slug}`}
                      className="inline-flex min-h-11 items-center text-accent underline underline-offset-4 hover:text-accent-hover"
                    >
                      Lesson {numberOf.get(lesson.slug)}: {lesson.title}
                    </Link>
                  </li>
                ))}
              </ul>
            </dd>
          </div>
        ) : null}
        <div>
          <dt className="font-semibold">Capacities that loosen it</dt>
          <dd className="mt-2">
            <ul className="space-y-3">
              {practise.map((capacity) => {
                const lesson = lessonTeaching(capacity.id, lessons);
                return (
                  <li key={capacity.id}>
                    <span className="font-medium">{capacity.name}</span>: {capacity.summary}{" "}
                    {lesson ? (
                      <Link href={`/lessons/${lesson.slug}`} className="text-accent underline underline-offset-4 hover:text-accent-hover">
                        Read “{lesson.title}”
                      </Link>
                    ) : null}
                  </li>
                );
              })}
            </ul>
          </dd>
        </div>
      </dl>
    </article>
  );
}

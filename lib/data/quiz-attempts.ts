import "server-only";
import { randomUUID } from "node:crypto";
import type { CurrentProfile } from "@/lib/data/profiles";
import { quiz } from "@/lib/content/quiz";
import { databaseProvider, db, Prisma } from "@/lib/db";
import { strategyScoreRows } from "./score-rows";
import { answerSchema, firstUnansweredIndex, scoreAttempt, STRATEGIES, type Band, type Strategy, type StrategyResult } from "@/lib/scoring";

export type QuizAttemptStatus = "in_progress" | "completed";

export type QuizAttempt = {
  id: string;
  quizVersion: string;
  status: QuizAttemptStatus;
  startedAt: Date;
  completedAt: Date | null;
  /** Item id → 1–5. */
  answers: Readonly<Record<string, number>>;
};

export type QuizResult = {
  id: string;
  quizVersion: string;
  scoringVersion: string;
  completedAt: Date;
  /** In the fixed strategy order. */
  strategies: StrategyResult[];
};

/** Why a quiz write was refused; each maps to a clear message and changes nothing. */
export type QuizWriteRefusal =
  | { refused: "not-found" }
  | { refused: "finished" }
  /** The attempt was begun on a quiz version that has since been replaced: it keeps its answers and can't go on. */
  | { refused: "outdated"; quizVersion: string }
  | { refused: "invalid-answer"; message: string }
  | { refused: "unanswered"; firstUnanswered: number };

const attemptSelect = {
  id: true,
  quizVersion: true,
  status: true,
  startedAt: true,
  completedAt: true,
  answers: { select: { itemId: true, value: true } },
} as const;

type AttemptRow = {
  id: string;
  quizVersion: string;
  status: string;
  startedAt: Date;
  completedAt: Date | null;
  answers: { itemId: string; value: number }[];
};

function toAttempt(row: AttemptRow): QuizAttempt {
  return {
    id: row.id,
    quizVersion: row.quizVersion,
    status: row.status === "completed" ? "completed" : "in_progress",
    startedAt: row.startedAt,
    completedAt: row.completedAt,
    answers: Object.fromEntries(row.answers.map((answer) => [answer.itemId, answer.value])),
  };
}

/** The profile's unfinished attempt on the current quiz version, if any (the newest). */
export async function findUnfinishedAttempt(profile: CurrentProfile): Promise<QuizAttempt | null> {
  const row = await db().quizAttempt.findFirst({
    where: { profileId: profile.id, status: "in_progress", quizVersion: quiz.version },
    orderBy: { startedAt: "desc" },
    select: attemptSelect,
  });
  return row ? toAttempt(row) : null;
}

/**
 * The profile's newest attempt left part-way on a quiz version that has since been replaced,
 * unless an attempt on the current version was started after it (then that one is what they
 * came back for). Its answers are kept with their version; it can't be continued.
 */
export async function findOutdatedAttempt(profile: CurrentProfile): Promise<QuizAttempt | null> {
  const newest = await db().quizAttempt.findFirst({
    where: { profileId: profile.id },
    orderBy: [{ startedAt: "desc" }, { id: "desc" }],
    select: attemptSelect,
  });
  return newest && newest.status === "in_progress" && newest.quizVersion !== quiz.version ? toAttempt(newest) : null;
}

/**
 * Starts a new attempt. An unfinished attempt on the current version is removed in the same
 * transaction: the visitor chose to start over, and one open attempt keeps "continue"
 * unambiguous. One left on an earlier version stays, with its answers, as it was.
 */
export async function startAttempt(profile: CurrentProfile): Promise<QuizAttempt> {
  const row = await db().$transaction(async (tx) => {
    await tx.quizAttempt.deleteMany({ where: { profileId: profile.id, status: "in_progress", quizVersion: quiz.version } });
    return tx.quizAttempt.create({
      data: { profileId: profile.id, quizVersion: quiz.version },
      select: attemptSelect,
    });
  });
  return toAttempt(row);
}

/** One of the profile's attempts; null for an unknown id or another profile's. */
export async function getAttempt(profile: CurrentProfile, attemptId: string): Promise<QuizAttempt | null> {
  const row = await db().quizAttempt.findFirst({ where: { id: attemptId, profileId: profile.id }, select: attemptSelect });
  return row ? toAttempt(row) : null;
}

/**
 * Saves (or changes) one answer of an unfinished attempt. Answers to the same item replace
 * each other; answers to different items never interfere, however many arrive at once.
 */
export async function saveAnswer(
  profile: CurrentProfile,
  attemptId: string,
  input: { itemId: unknown; value: unknown },
): Promise<{ saved: true } | QuizWriteRefusal> {
  const parsed = answerSchema(quiz).safeParse(input);
  if (!parsed.success) {
    // An old version's item is no item of this one: say the quiz changed, not that the answer is wrong.
    const outdated = await outdatedRefusal(profile, attemptId);
    return outdated ?? { refused: "invalid-answer", message: parsed.error.issues[0]!.message };
  }
  const { itemId, value } = parsed.data;
  const now = new Date();
  // One statement: the answer is written only if the attempt is this profile's and still open,
  // and a second answer to the same item replaces the first. No read-then-write race, and the
  // hottest path of the quiz costs a single round trip. On PostgreSQL it share-locks the
  // attempt, so it waits for a finish in flight and then sees the attempt completed (SQLite's
  // write lock does the same for the whole file).
  const waitForFinish = databaseProvider() === "postgresql" ? Prisma.sql`FOR SHARE` : Prisma.empty;
  const written = await db().$executeRaw`
    INSERT INTO "QuizAnswer" ("id", "attemptId", "itemId", "value", "answeredAt", "updatedAt")
    SELECT ${randomUUID()}, "id", ${itemId}, ${value}, ${now}, ${now}
    FROM "QuizAttempt"
    WHERE "id" = ${attemptId} AND "profileId" = ${profile.id}
      AND "status" = 'in_progress' AND "quizVersion" = ${quiz.version}
    ${waitForFinish}
    ON CONFLICT ("attemptId", "itemId") DO UPDATE SET "value" = excluded."value", "updatedAt" = excluded."updatedAt"`;
  if (written > 0) return { saved: true };

  const attempt = await db().quizAttempt.findFirst({
    where: { id: attemptId, profileId: profile.id },
    select: { status: true, quizVersion: true },
  });
  if (!attempt) return { refused: "not-found" };
  if (attempt.status === "in_progress" && attempt.quizVersion !== quiz.version) return { refused: "outdated", quizVersion: attempt.quizVersion };
  return { refused: "finished" };
}

/** The refusal for the profile's own unfinished attempt on a replaced quiz version; null for any other. */
async function outdatedRefusal(profile: CurrentProfile, attemptId: string): Promise<QuizWriteRefusal | null> {
  const attempt = await db().quizAttempt.findFirst({
    where: { id: attemptId, profileId: profile.id, status: "in_progress", NOT: { quizVersion: quiz.version } },
    select: { quizVersion: true },
  });
  return attempt ? { refused: "outdated", quizVersion: attempt.quizVersion } : null;
}

/**
 * Finishes an attempt: scores it with lib/scoring and stores the scores with the quiz and
 * scoring versions. Idempotent: finishing a finished attempt (double click, retry, a second
 * tab) returns the same attempt and stores nothing twice.
 *
 * One transaction locks the attempt, reads its answers and stores their scores, so the result
 * is scored from exactly the answers it keeps: a save in flight lands first and is scored, a
 * later one waits for the lock and is refused as finished. PostgreSQL locks the row
 * (`FOR UPDATE`); on SQLite the transaction holds the file's write lock from its start
 * (lib/db begins every transaction IMMEDIATE).
 */
export async function finishAttempt(
  profile: CurrentProfile,
  attemptId: string,
): Promise<{ finished: true; attemptId: string } | QuizWriteRefusal> {
  return db().$transaction(async (tx) => {
    if (databaseProvider() === "postgresql") {
      await tx.$queryRaw`SELECT "id" FROM "QuizAttempt" WHERE "id" = ${attemptId} AND "profileId" = ${profile.id} FOR UPDATE`;
    }
    const attempt = await tx.quizAttempt.findFirst({
      where: { id: attemptId, profileId: profile.id },
      select: { status: true, quizVersion: true, answers: { select: { itemId: true, value: true } } },
    });
    if (!attempt) return { refused: "not-found" as const };
    if (attempt.status === "completed") return { finished: true as const, attemptId };
    // Never score an earlier version's answers with this version's items and keying.
    if (attempt.quizVersion !== quiz.version) return { refused: "outdated" as const, quizVersion: attempt.quizVersion };

    const answers = Object.fromEntries(attempt.answers.map((answer) => [answer.itemId, answer.value]));
    const firstUnanswered = firstUnansweredIndex(quiz, answers);
    if (firstUnanswered !== -1) return { refused: "unanswered" as const, firstUnanswered };

    const result = scoreAttempt(quiz, attempt.answers);
    // The row is locked, but the conditional update still keeps a second finish a no-op.
    const { count } = await tx.quizAttempt.updateMany({
      where: { id: attemptId, profileId: profile.id, status: "in_progress" },
      data: { status: "completed", completedAt: new Date(), scoringVersion: result.scoringVersion },
    });
    if (count === 0) return { finished: true as const, attemptId };
    await tx.strategyScore.createMany({ data: strategyScoreRows(attemptId, result) });
    return { finished: true as const, attemptId };
  });
}

const resultSelect = {
  id: true,
  quizVersion: true,
  scoringVersion: true,
  completedAt: true,
  scores: { select: { strategy: true, score: true, band: true, answered: true, total: true } },
} as const;

type ResultRow = {
  id: string;
  quizVersion: string;
  scoringVersion: string | null;
  completedAt: Date | null;
  scores: { strategy: string; score: number | null; band: string | null; answered: number; total: number }[];
};

/** A finished attempt's row as a result; null if it lacks what a finished attempt must have. */
function toResult(row: ResultRow): QuizResult | null {
  if (!row.completedAt || !row.scoringVersion) return null;
  const byStrategy = new Map(row.scores.map((score) => [score.strategy, score]));
  const strategies = STRATEGIES.flatMap((strategy): StrategyResult[] => {
    const stored = byStrategy.get(strategy);
    if (!stored) return [];
    const base = { strategy: strategy as Strategy, answered: stored.answered, total: stored.total };
    return stored.score === null || stored.band === null
      ? [{ ...base, status: "not-enough-answers" }]
      : [{ ...base, status: "scored", score: stored.score, band: stored.band as Band }];
  });
  return {
    id: row.id,
    quizVersion: row.quizVersion,
    scoringVersion: row.scoringVersion,
    completedAt: row.completedAt,
    strategies,
  };
}

/** A finished attempt's stored scores; null for an unknown, unfinished or another profile's attempt. */
export async function getResult(profile: CurrentProfile, attemptId: string): Promise<QuizResult | null> {
  const row = await db().quizAttempt.findFirst({
    where: { id: attemptId, profileId: profile.id, status: "completed" },
    select: resultSelect,
  });
  return row ? toResult(row) : null;
}

/** Every finished result of the profile with its stored scores, newest first, in one query. */
export async function listResults(profile: CurrentProfile): Promise<QuizResult[]> {
  const rows = await db().quizAttempt.findMany({
    where: { profileId: profile.id, status: "completed" },
    // The id breaks ties between attempts finished in the same millisecond, so the order is stable.
    orderBy: [{ completedAt: "desc" }, { id: "desc" }],
    select: resultSelect,
  });
  return rows.flatMap((row) => toResult(row) ?? []);
}

/** The profile's most recently finished result, if any. */
export async function getLatestResult(profile: CurrentProfile): Promise<QuizResult | null> {
  const latest = await db().quizAttempt.findFirst({
    where: { profileId: profile.id, status: "completed" },
    orderBy: { completedAt: "desc" },
    select: { id: true },
  });
  return latest ? getResult(profile, latest.id) : null;
}

/** A finished result with its place in the profile's history: 1 is the first. */
export type NumberedQuizResult = QuizResult & { number: number };

const finishedOf = (profile: CurrentProfile) => ({ profileId: profile.id, status: "completed" });

/** How many finished results the profile has. */
export async function countResults(profile: CurrentProfile): Promise<number> {
  return db().quizAttempt.count({ where: finishedOf(profile) });
}

/** How many results one page of the "all results" list holds. */
export const RESULTS_PER_PAGE = 10;

export type ResultsPage = {
  /** Newest first, each with its number. */
  results: NumberedQuizResult[];
  /** All the profile's finished results. */
  total: number;
  /** 1-based; a page past the end is clamped to the last. */
  page: number;
  pages: number;
  /** The profile's newest result, on whichever page: what "compare with your latest" opens beside. */
  latestId: string | null;
};

/**
 * One page of the profile's finished results, newest first: at most `perPage` rows are read,
 * however long the history. Page 1 is the newest.
 */
export async function listResultsPage(profile: CurrentProfile, page: number, perPage = RESULTS_PER_PAGE): Promise<ResultsPage> {
  const total = await countResults(profile);
  const pages = Math.max(1, Math.ceil(total / perPage));
  const current = Math.min(Math.max(1, Math.floor(page) || 1), pages);
  const skip = (current - 1) * perPage;
  const rows =
    total === 0
      ? []
      : await db().quizAttempt.findMany({
          where: finishedOf(profile),
          orderBy: [{ completedAt: "desc" }, { id: "desc" }],
          skip,
          take: perPage,
          select: resultSelect,
        });
  const results = rows.flatMap((row, index) => {
    const result = toResult(row);
    return result ? [{ ...result, number: total - skip - index }] : [];
  });
  const latest =
    current === 1 || total === 0
      ? (results[0] ?? null)
      : await db().quizAttempt.findFirst({ where: finishedOf(profile), orderBy: [{ completedAt: "desc" }, { id: "desc" }], select: { id: true } });
  return { results, total, page: current, pages, latestId: latest?.id ?? null };
}

/**
 * The most points a trend chart draws; a longer history is down-sampled to this many. Sixteen
 * still show a decade's shape, and keep /me within 1.5× of a short history's (bench:growth).
 */
export const TREND_POINTS = 16;

/**
 * Which positions (1 = the first result) of a history of `total` results a chart of at most
 * `points` points shows: all of them when they fit, otherwise evenly spread, always the first
 * and the latest.
 */
export function evenlySpreadPositions(total: number, points = TREND_POINTS): number[] {
  if (total <= points) return Array.from({ length: total }, (_, i) => i + 1);
  const positions = new Set<number>();
  for (let i = 0; i < points; i++) positions.add(1 + Math.round((i * (total - 1)) / (points - 1)));
  return [...positions].sort((a, b) => a - b);
}

export type TrendSample = {
  /** Oldest first, each with its number in the whole history. */
  results: NumberedQuizResult[];
  /** All the profile's finished results; more than results.length when down-sampled. */
  total: number;
};

/**
 * The results the trend charts draw: every one up to `points`, beyond that `points` of them
 * evenly spread from the first to the latest. The database picks them by position, so only
 * those rows are read and built.
 */
export async function listTrendResults(profile: CurrentProfile, points = TREND_POINTS): Promise<TrendSample> {
  const total = await countResults(profile);
  if (total === 0) return { results: [], total };
  const positions = evenlySpreadPositions(total, points);
  const picked = await db().$queryRaw<{ id: string; position: number | bigint }[]>`
    SELECT "id", "position" FROM (
      SELECT "id", ROW_NUMBER() OVER (ORDER BY "completedAt" ASC, "id" ASC) AS "position"
      FROM "QuizAttempt"
      WHERE "profileId" = ${profile.id} AND "status" = 'completed'
    ) AS "ranked"
    WHERE "position" IN (${Prisma.join(positions)})`;
  const positionOf = new Map(picked.map((row) => [row.id, Number(row.position)]));
  const rows = await db().quizAttempt.findMany({
    where: { ...finishedOf(profile), id: { in: [...positionOf.keys()] } },
    select: resultSelect,
  });
  const results = rows
    .flatMap((row) => {
      const result = toResult(row);
      return result ? [{ ...result, number: positionOf.get(row.id)! }] : [];
    })
    .sort((a, b) => a.number - b.number);
  return { results, total };
}

/**
 * Exactly the finished results with these ids, each numbered in the profile's history; an
 * unknown, unfinished or another profile's id is left out (so the caller can answer "not found").
 */
export async function getNumberedResults(profile: CurrentProfile, attemptIds: readonly string[]): Promise<NumberedQuizResult[]> {
  const rows = await db().quizAttempt.findMany({
    where: { ...finishedOf(profile), id: { in: [...new Set(attemptIds)] } },
    select: resultSelect,
  });
  return Promise.all(
    rows.flatMap((row) => {
      const result = toResult(row);
      if (!result) return [];
      // Its number: how many of the profile's results came before it, in the lists' order, plus one.
      const before = db().quizAttempt.count({
        where: {
          ...finishedOf(profile),
          OR: [{ completedAt: { lt: result.completedAt } }, { completedAt: result.completedAt, id: { lt: result.id } }],
        },
      });
      return [before.then((count) => ({ ...result, number: count + 1 }))];
    }),
  );
}

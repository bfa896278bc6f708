import "server-only";
import { z } from "zod";
import type { CurrentProfile } from "@/lib/data/profiles";
import { quiz, quizForVersion } from "@/lib/content/quiz";
import { databaseProvider, db, Prisma } from "@/lib/db";
import { describeError, log } from "@/lib/log";
import { STRATEGIES } from "@/lib/scoring";
import { openText } from "./encryption";
import { TooManyRequests } from "./errors";
import { describeProfile } from "./profiles";
import { reserve } from "./rate-limits";

/*
 * "Export all my data": one JSON document with everything a profile owns. This schema is the
 * format's single definition: the type below comes from it, the tests check exports against it,
 * and the README's "Your data: export, import and deletion" section describes these same fields. Change
 * a field here and bump PROFILE_EXPORT_FORMAT_VERSION when an older reader would misread it.
 */
export const PROFILE_EXPORT_FORMAT_VERSION = 1;

const instant = z.iso.datetime(); // ISO 8601 in UTC, e.g. 2026-03-01T09:30:00.000Z
const day = z.iso.date(); // ISO 8601 calendar day, e.g. 2026-03-01

export const profileExportSchema = z.strictObject({
  format: z.literal("drawbridge-export"),
  formatVersion: z.literal(PROFILE_EXPORT_FORMAT_VERSION),
  exportedAt: instant,
  profile: z.strictObject({
    kind: z.enum(["guest", "account"]),
    /** Accounts only. */
    email: z.string().optional(),
    /** Accounts only, when one was given. */
    name: z.string().optional(),
    createdAt: instant,
  }),
  /** Browsers signed in to this profile, without their secret tokens. */
  sessions: z.array(
    z.strictObject({
      createdAt: instant,
      expiresAt: instant,
      ipAddress: z.string().nullable(),
      userAgent: z.string().nullable(),
    }),
  ),
  quizAttempts: z.array(
    z.strictObject({
      id: z.string(),
      status: z.enum(["in_progress", "completed"]),
      quizVersion: z.string(),
      /** Null until the attempt is finished and scored. */
      scoringVersion: z.string().nullable(),
      startedAt: instant,
      completedAt: instant.nullable(),
      answers: z.array(
        z.strictObject({
          itemId: z.string(),
          /** 1 Almost never (Never before 2026.12-1), 2 Rarely, 3 Sometimes, 4 Often, 5 Almost always. */
          value: z.number().int().min(1).max(5),
          answeredAt: instant,
          updatedAt: instant,
        }),
      ),
      scores: z.array(
        z.strictObject({
          strategy: z.string(),
          /** 0–100; null when too few of the strategy's items were answered. */
          score: z.number().nullable(),
          band: z.string().nullable(),
          answered: z.number().int(),
          total: z.number().int(),
        }),
      ),
    }),
  ),
  lessonProgress: z.array(
    z.strictObject({
      lessonSlug: z.string(),
      stepReached: z.number().int(),
      startedAt: instant,
      updatedAt: instant,
      completedAt: instant.nullable(),
    }),
  ),
  reflections: z.array(
    z.strictObject({
      lessonSlug: z.string(),
      promptId: z.string(),
      text: z.string(),
      createdAt: instant,
      updatedAt: instant,
    }),
  ),
  practiceEntries: z.array(
    z.strictObject({
      id: z.string(),
      capacity: z.string(),
      practisedOn: day,
      whatHappened: z.string(),
      whatNoticed: z.string(),
      whatYouDid: z.string(),
      createdAt: instant,
      updatedAt: instant,
    }),
  ),
});
export type ProfileExport = z.infer<typeof profileExportSchema>;

const iso = (date: Date) => date.toISOString();
const isoOrNull = (date: Date | null) => (date ? date.toISOString() : null);
/** A DateTime column read by raw SQL: a Date from either database's driver, or its stored text or number. */
const isoOf = (value: Date | string | number) => (value instanceof Date ? value : new Date(value)).toISOString();
/** Sorts by a fixed order of known names; unknown names (from older content) go last, by name. */
function byOrder<T>(order: readonly string[], nameOf: (row: T) => string) {
  const positions = new Map(order.map((name, index) => [name, index]));
  const position = (name: string) => positions.get(name) ?? order.length;
  return (a: T, b: T) => position(nameOf(a)) - position(nameOf(b)) || nameOf(a).localeCompare(nameOf(b));
}
/** Oldest first; rows written in the same millisecond in a stable order. */
const oldestFirst =
  <T extends { createdAt: string }>(tieBreak: (row: T) => string) =>
  (a: T, b: T) =>
    a.createdAt.localeCompare(b.createdAt) || tieBreak(a).localeCompare(tieBreak(b));

/** How many quiz attempts (with their answers and scores) or practice entries one read holds. */
export const EXPORT_BATCH_SIZE = 20;

/** A Prisma client or one transaction's client: what the export reads through. */
type Reader = Prisma.TransactionClient;

/**
 * Refuses an export when the profile has used its allowance ("exports-per-profile"): each one
 * reads everything the profile holds, so a loop of them could slow the server for everyone.
 */
export async function reserveExport(profile: CurrentProfile, now = Date.now()): Promise<void> {
  const reservation = await reserve("exports-per-profile", profile.id, now);
  if (reservation.allowed) return;
  const wait = reservation.retryAfterSeconds;
  throw new TooManyRequests(wait, `You downloaded your data a moment ago. Please wait ${wait} seconds before downloading it again.`);
}

/** A started export: the day it was made (for the file name) and the JSON document, written as it is read. */
export type ExportStream = { exportedAt: string; body: ReadableStream<Uint8Array> };

/**
 * Everything the profile owns, as the JSON document described by profileExportSchema, written out
 * in batches as it is read, so the server holds one batch at a time, not the whole history. The
 * bytes are exactly those of `JSON.stringify(data, null, 2)` followed by a newline. Null when the
 * profile no longer exists. Secrets are left out on purpose: the password hash, session tokens
 * and auth-library tokens.
 *
 * On PostgreSQL every read happens in one REPEATABLE READ, READ ONLY transaction, so the file is
 * one consistent snapshot even when the person saves something meanwhile. SQLite's one connection
 * per process can't hold a read snapshot without stopping every other request, so there the
 * batches are read one after another: a save made during the export may or may not be in it, but
 * no row appears twice and none that existed throughout is missed (each batch starts after the
 * last row of the one before).
 */
export async function streamProfileExport(profile: CurrentProfile, now = new Date()): Promise<ExportStream | null> {
  const exists = await db().profile.findUnique({ where: { id: profile.id }, select: { id: true } });
  if (!exists) return null;
  const exportedAt = iso(now);
  const encoder = new TextEncoder();
  const { readable, writable } = new TransformStream<string, Uint8Array>({
    transform: (chunk, controller) => controller.enqueue(encoder.encode(chunk)),
  });
  const writer = writable.getWriter();
  const write = async (reader: Reader) => {
    for await (const chunk of exportChunks(reader, profile.id, exportedAt)) {
      await writer.ready; // waits while the client hasn't taken the previous piece
      await writer.write(chunk);
      // Let other requests in between pieces: SQLite's reads and a fast client can otherwise
      // keep the whole export going without the event loop ever getting to anyone else.
      await new Promise((resolve) => setImmediate(resolve));
    }
  };
  const reading =
    databaseProvider() === "postgresql"
      ? db().$transaction(
          async (tx) => {
            // The transaction's first statement, so it still may choose its isolation level.
            await tx.$executeRaw`SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY`;
            await write(tx);
          },
          { maxWait: 10_000, timeout: EXPORT_TIMEOUT_MS },
        )
      : write(db());
  reading.then(
    () => writer.close(),
    (error: unknown) => {
      log.warn("export.failed", describeError(error)); // the client sees the download break off
      return writer.abort(error).catch(() => {});
    },
  );
  return { exportedAt, body: readable };
}

/** The longest an export's snapshot stays open on PostgreSQL, a slow download included. */
const EXPORT_TIMEOUT_MS = 5 * 60 * 1000;

/** Everything the profile owns, gathered from the stream: for callers that want one object. */
export async function exportProfileData(profile: CurrentProfile, now = new Date()): Promise<ProfileExport | null> {
  const started = await streamProfileExport(profile, now);
  if (!started) return null;
  return JSON.parse(await new Response(started.body).text()) as ProfileExport;
}

/**
 * `value` laid out as JSON.stringify(value, null, 2) lays it out, every line after the first
 * indented by `indent` more, so it sits at that depth in the document. Written directly, not by
 * re-indenting JSON.stringify's text, so no second copy of the text is made. For the plain data
 * the export holds: strings, numbers, booleans, null, and arrays and objects of them.
 */
function json(value: unknown, indent: string): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  const inner = `${indent}  `;
  const parts: string[] = [];
  if (Array.isArray(value)) {
    for (const element of value) parts.push(json(element, inner));
    return parts.length === 0 ? "[]" : `[\n${inner}${parts.join(`,\n${inner}`)}\n${indent}]`;
  }
  for (const [key, element] of Object.entries(value)) {
    if (element !== undefined) parts.push(`${inner}${JSON.stringify(key)}: ${json(element, inner)}`);
  }
  return parts.length === 0 ? "{}" : `{\n${parts.join(",\n")}\n${indent}}`;
}
const field = (key: string, value: unknown, last = false) => `  ${JSON.stringify(key)}: ${json(value, "  ")}${last ? "" : ","}\n`;

/** About how much text goes out in one piece. */
const CHUNK_CHARS = 32 * 1024;

/**
 * One top-level array, element by element, laid out as JSON.stringify lays it out. Each element
 * comes as its own JSON text, already indented to sit in the array (see `json`).
 */
async function* arrayField(key: string, batches: AsyncIterable<Iterable<string>>, last = false): AsyncGenerator<string> {
  let written = 0;
  for await (const batch of batches) {
    let chunk = "";
    for (const element of batch) {
      chunk += `${written++ === 0 ? `  ${JSON.stringify(key)}: [\n` : ",\n"}    ${element}`;
      // Small pieces: a string or buffer past V8's large-object size (about 128 KiB) is only
      // freed by a full collection, so big ones would pile up while a download runs.
      if (chunk.length >= CHUNK_CHARS) {
        yield chunk;
        chunk = "";
      }
    }
    if (chunk) yield chunk;
  }
  const end = last ? "" : ",";
  yield written === 0 ? `  ${JSON.stringify(key)}: []${end}\n` : `\n  ]${end}\n`;
}

/** Rows read at once, as one batch of array elements. */
async function* once<T>(rows: Promise<T[]>): AsyncGenerator<string[]> {
  yield (await rows).map((row) => json(row, "    "));
}

/** Batches of rows, each row as an array element. */
async function* each<T>(batches: AsyncIterable<T[]>): AsyncGenerator<string[]> {
  for await (const rows of batches) yield rows.map((row) => json(row, "    "));
}

async function* exportChunks(reader: Reader, profileId: string, exportedAt: string): AsyncGenerator<string> {
  const owner = await reader.profile.findUnique({
    where: { id: profileId },
    select: { isAnonymous: true, email: true, name: true, createdAt: true },
  });
  if (!owner) throw new Error("The profile was deleted as its export began.");
  const kind = owner.isAnonymous ? "guest" : "account";
  yield "{\n";
  yield field("format", "drawbridge-export");
  yield field("formatVersion", PROFILE_EXPORT_FORMAT_VERSION);
  yield field("exportedAt", exportedAt);
  yield field("profile", {
    kind,
    ...(kind === "account" && owner.email ? { email: owner.email } : {}),
    ...(kind === "account" && owner.name ? { name: owner.name } : {}),
    createdAt: iso(owner.createdAt),
  });
  yield* arrayField("sessions", once(exportedSessions(reader, profileId)));
  yield* arrayField("quizAttempts", exportedAttempts(reader, profileId));
  yield* arrayField("lessonProgress", once(exportedProgress(reader, profileId)));
  yield* arrayField("reflections", once(exportedReflections(reader, profileId)));
  yield* arrayField("practiceEntries", each(exportedPracticeEntries(reader, profileId)), true);
  yield "}\n";
}

type Exported<K extends keyof ProfileExport> = ProfileExport[K] extends (infer T)[] ? T : never;

async function exportedSessions(reader: Reader, profileId: string): Promise<Exported<"sessions">[]> {
  const sessions = await reader.session.findMany({
    where: { profileId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { createdAt: true, expiresAt: true, ipAddress: true, userAgent: true },
  });
  return sessions.map((session) => ({
    createdAt: iso(session.createdAt),
    expiresAt: iso(session.expiresAt),
    ipAddress: session.ipAddress,
    userAgent: session.userAgent,
  }));
}

/*
 * Quiz attempts are nearly all of a long history (500 results: 25,000 answers and 5,000 scores),
 * so they are read and written lean. One query per batch gives one row per attempt, its answers
 * and its scores aggregated by the database into a compact JSON text of arrays; each attempt is
 * then written straight to its JSON text, field by field, in exactly the layout `json` gives an
 * Exported<"quizAttempts"> object. Read as a row (or a Prisma object) each, the answers cost the
 * server about five objects apiece, which V8 kept long enough to move into its old generation:
 * the server's memory grew by that garbage, not by the data, while a download ran.
 */
/**
 * itemId, value, answeredAt, updatedAt: dates as stored (SQLite's text) or as milliseconds since
 * 1970 (PostgreSQL); updatedAt null when it equals answeredAt (an answer never changed), which
 * keeps the text the database sends a third shorter.
 */
type AnswerTuple = [string, number, string | number, string | number | null];
/** strategy, score, band, answered, total. */
type ScoreTuple = [string, number | null, string | null, number, number];

const answerOrders = new Map<string, (a: AnswerTuple, b: AnswerTuple) => number>();
/** An attempt's answers in the order its own quiz version asked them (a retired version's, for an old attempt). */
function inQuizOrder(quizVersion: string) {
  let order = answerOrders.get(quizVersion);
  if (!order) {
    order = byOrder<AnswerTuple>((quizForVersion(quizVersion) ?? quiz).items.map((item) => item.id), ([itemId]) => itemId);
    answerOrders.set(quizVersion, order);
  }
  return order;
}
const inStrategyOrder = byOrder<ScoreTuple>(STRATEGIES, ([strategy]) => strategy);

/** Each attempt's answers and scores as JSON arrays of arrays (the SQL differs by database, the result does not). */
function answersAndScores(reader: Reader, attemptIds: string[]) {
  const ids = Prisma.join(attemptIds);
  return databaseProvider() === "postgresql"
    ? reader.$queryRaw<{ attemptId: string; answers: string; scores: string }[]>`
        SELECT a."id" AS "attemptId",
          (SELECT COALESCE(json_agg(json_build_array(q."itemId", q."value",
              (EXTRACT(EPOCH FROM q."answeredAt") * 1000)::bigint,
              CASE WHEN q."updatedAt" = q."answeredAt" THEN NULL ELSE (EXTRACT(EPOCH FROM q."updatedAt") * 1000)::bigint END)), '[]')::text
            FROM "QuizAnswer" q WHERE q."attemptId" = a."id") AS "answers",
          (SELECT COALESCE(json_agg(json_build_array(s."strategy", s."score", s."band", s."answered", s."total")), '[]')::text
            FROM "StrategyScore" s WHERE s."attemptId" = a."id") AS "scores"
        FROM "QuizAttempt" a WHERE a."id" IN (${ids})`
    : reader.$queryRaw<{ attemptId: string; answers: string; scores: string }[]>`
        SELECT a."id" AS "attemptId",
          (SELECT json_group_array(json_array(q."itemId", q."value", q."answeredAt",
              CASE WHEN q."updatedAt" = q."answeredAt" THEN NULL ELSE q."updatedAt" END))
            FROM "QuizAnswer" q WHERE q."attemptId" = a."id") AS "answers",
          (SELECT json_group_array(json_array(s."strategy", s."score", s."band", s."answered", s."total"))
            FROM "StrategyScore" s WHERE s."attemptId" = a."id") AS "scores"
        FROM "QuizAttempt" a WHERE a."id" IN (${ids})`;
}

// The fixed text around an answer's and a score's values, 8 spaces deep in an attempt.
const ANSWER_FIRST = '[\n        {\n          "itemId": ';
const ANSWER_NEXT = ',\n        {\n          "itemId": ';
const ANSWER_VALUE = ',\n          "value": ';
const ANSWER_ANSWERED_AT = ',\n          "answeredAt": "';
const ANSWER_UPDATED_AT = '",\n          "updatedAt": "';
const ANSWER_END = '"\n        }';
const SCORE_FIRST = '[\n        {\n          "strategy": ';
const SCORE_NEXT = ',\n        {\n          "strategy": ';
const SCORE_SCORE = ',\n          "score": ';
const SCORE_BAND = ',\n          "band": ';
const SCORE_ANSWERED = ',\n          "answered": ';
const SCORE_TOTAL = ',\n          "total": ';
const SCORE_END = "\n        }";

/**
 * One attempt as an element of "quizAttempts" (4 spaces deep): its fields, then its answers and
 * scores, each an object 8 spaces deep. Its parts (fixed text and values) are joined once, so it
 * is one flat string, with no intermediate strings made per field.
 */
function attemptJson(
  attempt: { id: string; status: string; quizVersion: string; scoringVersion: string | null; startedAt: Date; completedAt: Date | null },
  answers: AnswerTuple[],
  scores: ScoreTuple[],
): string {
  const parts = [
    `{
      "id": ${JSON.stringify(attempt.id)},
      "status": "${attempt.status === "completed" ? "completed" : "in_progress"}",
      "quizVersion": ${JSON.stringify(attempt.quizVersion)},
      "scoringVersion": ${JSON.stringify(attempt.scoringVersion)},
      "startedAt": "${iso(attempt.startedAt)}",
      "completedAt": ${JSON.stringify(isoOrNull(attempt.completedAt))},
      "answers": `,
  ];
  if (answers.length === 0) parts.push("[]");
  else {
    answers.sort(inQuizOrder(attempt.quizVersion));
    for (let index = 0; index < answers.length; index++) {
      const [itemId, value, answeredAt, updatedAt] = answers[index]!;
      const answered = isoOf(answeredAt);
      parts.push(
        index === 0 ? ANSWER_FIRST : ANSWER_NEXT,
        JSON.stringify(itemId),
        ANSWER_VALUE,
        String(value),
        ANSWER_ANSWERED_AT,
        answered,
        ANSWER_UPDATED_AT,
        updatedAt === null ? answered : isoOf(updatedAt),
        ANSWER_END,
      );
    }
    parts.push("\n      ]");
  }
  parts.push(`,
      "scores": `);
  if (scores.length === 0) parts.push("[]");
  else {
    scores.sort(inStrategyOrder);
    for (let index = 0; index < scores.length; index++) {
      const [strategy, score, band, answered, total] = scores[index]!;
      parts.push(
        index === 0 ? SCORE_FIRST : SCORE_NEXT,
        JSON.stringify(strategy),
        SCORE_SCORE,
        JSON.stringify(score),
        SCORE_BAND,
        JSON.stringify(band),
        SCORE_ANSWERED,
        String(answered),
        SCORE_TOTAL,
        String(total),
        SCORE_END,
      );
    }
    parts.push("\n      ]");
  }
  parts.push("\n    }");
  return parts.join("");
}

/** The attempts oldest first, a batch at a time; each batch starts after the last attempt of the one before. */
async function* exportedAttempts(reader: Reader, profileId: string): AsyncGenerator<string[]> {
  let after: { startedAt: Date; id: string } | undefined;
  for (;;) {
    const attempts = await reader.quizAttempt.findMany({
      where: {
        profileId,
        ...(after ? { OR: [{ startedAt: { gt: after.startedAt } }, { startedAt: after.startedAt, id: { gt: after.id } }] } : {}),
      },
      orderBy: [{ startedAt: "asc" }, { id: "asc" }],
      take: EXPORT_BATCH_SIZE,
      select: { id: true, status: true, quizVersion: true, scoringVersion: true, startedAt: true, completedAt: true },
    });
    if (attempts.length > 0) {
      const rows = new Map((await answersAndScores(reader, attempts.map((attempt) => attempt.id))).map((row) => [row.attemptId, row]));
      // Turned into text at once, so what was read is garbage before anything else runs.
      yield attempts.map((attempt) => {
        const row = rows.get(attempt.id);
        return attemptJson(attempt, row ? (JSON.parse(row.answers) as AnswerTuple[]) : [], row ? (JSON.parse(row.scores) as ScoreTuple[]) : []);
      });
    }
    if (attempts.length < EXPORT_BATCH_SIZE) return;
    after = attempts.at(-1)!;
  }
}

/** One row per lesson started: bounded by the number of lessons, so read at once. */
async function exportedProgress(reader: Reader, profileId: string): Promise<Exported<"lessonProgress">[]> {
  const progress = await reader.lessonProgress.findMany({
    where: { profileId },
    orderBy: [{ startedAt: "asc" }, { lessonSlug: "asc" }],
    select: { lessonSlug: true, stepReached: true, startedAt: true, updatedAt: true, completedAt: true },
  });
  return progress.map((lesson) => ({
    lessonSlug: lesson.lessonSlug,
    stepReached: lesson.stepReached,
    startedAt: iso(lesson.startedAt),
    updatedAt: iso(lesson.updatedAt),
    completedAt: isoOrNull(lesson.completedAt),
  }));
}

/** One row per lesson prompt at most: bounded by the content, so read at once. Texts are opened (decrypted) here. */
async function exportedReflections(reader: Reader, profileId: string): Promise<Exported<"reflections">[]> {
  const rows = await reader.reflection.findMany({
    where: { profileId },
    select: { lessonSlug: true, promptId: true, text: true, createdAt: true, updatedAt: true },
  });
  return rows
    .map((row) => ({
      lessonSlug: row.lessonSlug,
      promptId: row.promptId,
      text: openText(row.text, "reflection.text"),
      createdAt: iso(row.createdAt),
      updatedAt: iso(row.updatedAt),
    }))
    .sort(oldestFirst((reflection) => `${reflection.lessonSlug}/${reflection.promptId}`));
}

/** The entries by the day practised, then as written, a batch at a time. Texts are opened (decrypted) here. */
async function* exportedPracticeEntries(reader: Reader, profileId: string): AsyncGenerator<Exported<"practiceEntries">[]> {
  let after: { practisedOn: Date; createdAt: Date; id: string } | undefined;
  for (;;) {
    const rows = await reader.practiceEntry.findMany({
      where: {
        profileId,
        ...(after
          ? {
              OR: [
                { practisedOn: { gt: after.practisedOn } },
                { practisedOn: after.practisedOn, createdAt: { gt: after.createdAt } },
                { practisedOn: after.practisedOn, createdAt: after.createdAt, id: { gt: after.id } },
              ],
            }
          : {}),
      },
      orderBy: [{ practisedOn: "asc" }, { createdAt: "asc" }, { id: "asc" }],
      take: EXPORT_BATCH_SIZE,
      select: {
        id: true,
        capacity: true,
        practisedOn: true,
        whatHappened: true,
        whatNoticed: true,
        whatYouDid: true,
        createdAt: true,
        updatedAt: true,
      },
    });
    yield rows.map((entry) => ({
      id: entry.id,
      capacity: entry.capacity,
      practisedOn: entry.practisedOn.toISOString().slice(0, 10),
      whatHappened: openText(entry.whatHappened, "practice.whatHappened"),
      whatNoticed: openText(entry.whatNoticed, "practice.whatNoticed"),
      whatYouDid: openText(entry.whatYouDid, "practice.whatYouDid"),
      createdAt: iso(entry.createdAt),
      updatedAt: iso(entry.updatedAt),
    }));
    if (rows.length < EXPORT_BATCH_SIZE) return;
    after = rows.at(-1)!;
  }
}

/** The word a person types to confirm that everything should be deleted. */
export const DELETION_WORD = "delete";

/** How much the profile has stored, for the deletion page to say plainly what goes. */
export type ProfileDataSummary = {
  kind: "guest" | "account";
  /** Accounts only. */
  email: string | null;
  finishedAttempts: number;
  unfinishedAttempts: number;
  lessonsStarted: number;
  reflections: number;
  practiceEntries: number;
};

/** Counts of what the profile owns; null when the profile no longer exists. */
export async function summariseProfileData(profile: CurrentProfile): Promise<ProfileDataSummary | null> {
  const where = { profileId: profile.id };
  const [owner, finishedAttempts, unfinishedAttempts, lessonsStarted, reflections, practiceEntries] = await Promise.all([
    describeProfile(profile),
    db().quizAttempt.count({ where: { ...where, status: "completed" } }),
    db().quizAttempt.count({ where: { ...where, status: { not: "completed" } } }),
    db().lessonProgress.count({ where }),
    db().reflection.count({ where }),
    db().practiceEntry.count({ where }),
  ]);
  if (!owner) return null;
  return {
    kind: owner.kind,
    email: owner.kind === "account" ? owner.email : null,
    finishedAttempts,
    unfinishedAttempts,
    lessonsStarted,
    reflections,
    practiceEntries,
  };
}

/**
 * Deletes the profile and everything it owns, in one transaction. Every owned table references
 * the profile with ON DELETE CASCADE (quiz answers and scores through their attempt), so removing
 * the profile row removes its sessions, sign-in accounts, quiz attempts, answers, scores, lesson
 * progress, reflections and practice entries with it. The auth library's one-time tokens (a
 * password reset, say) name the profile only in their value, so they are deleted explicitly.
 * Returns false when there was nothing to delete.
 */
export async function deleteProfileData(profile: CurrentProfile): Promise<boolean> {
  const [, deleted] = await db().$transaction([
    db().verification.deleteMany({ where: { value: profile.id } }),
    db().profile.deleteMany({ where: { id: profile.id } }),
  ]);
  return deleted.count > 0;
}

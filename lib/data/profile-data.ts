import "server-only";
import { z } from "zod";
import type { CurrentProfile } from "@/lib/auth/profile";
import { quiz, quizForVersion } from "@/lib/content/quiz";
import { db } from "@/lib/db";
import { STRATEGIES } from "@/lib/scoring";
import { listPracticeEntries } from "./practice-entries";
import { listReflections } from "./reflections";
import { describeProfile } from "./profiles";

/*
 * "Export all my data": one JSON document with everything a profile owns. This schema is the
 * format's single definition: the type below comes from it, the tests check exports against it,
 * and the README's "Your data: export and deletion" section describes these same fields. Change
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
/** Sorts by a fixed order of known names; unknown names (from older content) go last, by name. */
function byOrder<T>(order: readonly string[], nameOf: (row: T) => string) {
  const position = (name: string) => {
    const index = order.indexOf(name);
    return index === -1 ? order.length : index;
  };
  return (a: T, b: T) => position(nameOf(a)) - position(nameOf(b)) || nameOf(a).localeCompare(nameOf(b));
}
/** An attempt's answers in the order its own quiz version asked them (a retired version's, for an old attempt). */
const inQuizOrder = (quizVersion: string) =>
  byOrder<{ itemId: string }>((quizForVersion(quizVersion) ?? quiz).items.map((item) => item.id), (answer) => answer.itemId);
const inStrategyOrder = byOrder<{ strategy: string }>(STRATEGIES, (score) => score.strategy);
/** Oldest first; rows written in the same millisecond in a stable order. */
const oldestFirst =
  <T extends { createdAt: string }>(tieBreak: (row: T) => string) =>
  (a: T, b: T) =>
    a.createdAt.localeCompare(b.createdAt) || tieBreak(a).localeCompare(tieBreak(b));

/**
 * Everything the profile owns, as plain JSON-ready data; null when the profile no longer exists.
 * Secrets are left out on purpose: the password hash, session tokens and auth-library tokens.
 * Reflections and practice entries are read through their own data functions, which return
 * their texts as the person wrote them.
 */
export async function exportProfileData(profile: CurrentProfile): Promise<ProfileExport | null> {
  const exportedAt = new Date();
  const owner = await db().profile.findUnique({
    where: { id: profile.id },
    select: { isAnonymous: true, email: true, name: true, createdAt: true },
  });
  if (!owner) return null;

  const [sessions, attempts, progress, reflections, reflectionDates, entries, entryDates] = await Promise.all([
    db().session.findMany({
      where: { profileId: profile.id },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { createdAt: true, expiresAt: true, ipAddress: true, userAgent: true },
    }),
    db().quizAttempt.findMany({
      where: { profileId: profile.id },
      orderBy: [{ startedAt: "asc" }, { id: "asc" }],
      select: {
        id: true,
        status: true,
        quizVersion: true,
        scoringVersion: true,
        startedAt: true,
        completedAt: true,
        answers: { select: { itemId: true, value: true, answeredAt: true, updatedAt: true } },
        scores: { select: { strategy: true, score: true, band: true, answered: true, total: true } },
      },
    }),
    db().lessonProgress.findMany({
      where: { profileId: profile.id },
      orderBy: [{ startedAt: "asc" }, { lessonSlug: "asc" }],
      select: { lessonSlug: true, stepReached: true, startedAt: true, updatedAt: true, completedAt: true },
    }),
    listReflections(profile),
    db().reflection.findMany({ where: { profileId: profile.id }, select: { id: true, createdAt: true } }),
    listPracticeEntries(profile),
    db().practiceEntry.findMany({ where: { profileId: profile.id }, select: { id: true, createdAt: true } }),
  ]);
  // The list functions return what a page needs; when each row was first written comes from here.
  const reflectionCreated = new Map(reflectionDates.map((row) => [row.id, row.createdAt]));
  const entryCreated = new Map(entryDates.map((row) => [row.id, row.createdAt]));
  const kind = owner.isAnonymous ? "guest" : "account";

  return {
    format: "drawbridge-export",
    formatVersion: PROFILE_EXPORT_FORMAT_VERSION,
    exportedAt: iso(exportedAt),
    profile: {
      kind,
      ...(kind === "account" && owner.email ? { email: owner.email } : {}),
      ...(kind === "account" && owner.name ? { name: owner.name } : {}),
      createdAt: iso(owner.createdAt),
    },
    sessions: sessions.map((session) => ({
      createdAt: iso(session.createdAt),
      expiresAt: iso(session.expiresAt),
      ipAddress: session.ipAddress,
      userAgent: session.userAgent,
    })),
    quizAttempts: attempts.map((attempt) => ({
      id: attempt.id,
      status: attempt.status === "completed" ? "completed" : "in_progress",
      quizVersion: attempt.quizVersion,
      scoringVersion: attempt.scoringVersion,
      startedAt: iso(attempt.startedAt),
      completedAt: isoOrNull(attempt.completedAt),
      answers: [...attempt.answers].sort(inQuizOrder(attempt.quizVersion)).map((answer) => ({
        itemId: answer.itemId,
        value: answer.value,
        answeredAt: iso(answer.answeredAt),
        updatedAt: iso(answer.updatedAt),
      })),
      scores: [...attempt.scores].sort(inStrategyOrder).map((score) => ({
        strategy: score.strategy,
        score: score.score,
        band: score.band,
        answered: score.answered,
        total: score.total,
      })),
    })),
    lessonProgress: progress.map((lesson) => ({
      lessonSlug: lesson.lessonSlug,
      stepReached: lesson.stepReached,
      startedAt: iso(lesson.startedAt),
      updatedAt: iso(lesson.updatedAt),
      completedAt: isoOrNull(lesson.completedAt),
    })),
    reflections: reflections
      .map((reflection) => ({
        lessonSlug: reflection.lessonSlug,
        promptId: reflection.promptId,
        text: reflection.text,
        createdAt: iso(reflectionCreated.get(reflection.id) ?? reflection.updatedAt),
        updatedAt: iso(reflection.updatedAt),
      }))
      .sort(oldestFirst((reflection) => `${reflection.lessonSlug}/${reflection.promptId}`)),
    practiceEntries: entries
      .map((entry) => ({
        id: entry.id,
        capacity: entry.capacity,
        practisedOn: entry.practisedOn.toISOString().slice(0, 10),
        whatHappened: entry.whatHappened,
        whatNoticed: entry.whatNoticed,
        whatYouDid: entry.whatYouDid,
        createdAt: iso(entryCreated.get(entry.id) ?? entry.updatedAt),
        updatedAt: iso(entry.updatedAt),
      }))
      .sort((a, b) => a.practisedOn.localeCompare(b.practisedOn) || oldestFirst<typeof a>((entry) => entry.id)(a, b)),
  };
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

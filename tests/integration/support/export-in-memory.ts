// The export as it was built before it streamed: every row read at once and the document
// returned as one object. Kept here only as the reference the streamed export must equal,
// byte for byte, for the same data (tests/integration/export-stream.test.ts).
import type { CurrentProfile } from "@/lib/data/profiles";
import { quiz, quizForVersion } from "@/lib/content/quiz";
import { db } from "@/lib/db";
import { listPracticeEntries } from "@/lib/data/practice-entries";
import { PROFILE_EXPORT_FORMAT_VERSION, type ProfileExport } from "@/lib/data/profile-data";
import { listReflections } from "@/lib/data/reflections";
import { STRATEGIES } from "@/lib/scoring";

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
export async function exportInMemory(profile: CurrentProfile, exportedAt: Date): Promise<ProfileExport | null> {
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


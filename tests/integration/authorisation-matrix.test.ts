import { describe, expect, it } from "vitest";
import { quiz } from "@/lib/content/quiz";
import { db } from "@/lib/db";
import { listLessonProgress, recordLessonStep } from "@/lib/data/lesson-progress";
import { addPracticeEntry, deletePracticeEntry, getPracticeEntry, listPracticeEntries, updatePracticeEntry } from "@/lib/data/practice-entries";
import { deleteProfileData, exportProfileData } from "@/lib/data/profile-data";
import {
  findUnfinishedAttempt,
  finishAttempt,
  getAttempt,
  getLatestResult,
  getResult,
  listResults,
  saveAnswer,
  startAttempt,
} from "@/lib/data/quiz-attempts";
import { getReflection, listReflections, saveReflection } from "@/lib/data/reflections";
import { makeGuestProfile } from "./support/profiles";

type Profile = { id: string; isGuest: boolean };

/** Every row profile A owns, in every table, as stored: the "before" and "after" of the matrix. */
async function rowsOf(profile: Profile) {
  const attempts = await db().quizAttempt.findMany({ where: { profileId: profile.id }, orderBy: { id: "asc" } });
  const attemptIds = attempts.map((attempt) => attempt.id);
  return {
    profile: await db().profile.findUnique({ where: { id: profile.id } }),
    attempts,
    answers: await db().quizAnswer.findMany({ where: { attemptId: { in: attemptIds } }, orderBy: { id: "asc" } }),
    scores: await db().strategyScore.findMany({ where: { attemptId: { in: attemptIds } }, orderBy: { id: "asc" } }),
    progress: await db().lessonProgress.findMany({ where: { profileId: profile.id }, orderBy: { id: "asc" } }),
    reflections: await db().reflection.findMany({ where: { profileId: profile.id }, orderBy: { id: "asc" } }),
    practice: await db().practiceEntry.findMany({ where: { profileId: profile.id }, orderBy: { id: "asc" } }),
  };
}

const entry = {
  capacity: "catching-the-reflex",
  practisedOn: "2026-11-20",
  whatHappened: "A friend asked to call tonight.",
  whatNoticed: "My chest went tight.",
  whatYouDid: "Said yes anyway.",
};

describe("authorisation matrix: profile B against everything of profile A's", () => {
  it("finds nothing, changes nothing and deletes nothing of A's, by id or by list", async () => {
    const a = await makeGuestProfile();
    const b = await makeGuestProfile();

    const finished = await startAttempt(a);
    for (const [index, item] of quiz.items.entries()) await saveAnswer(a, finished.id, { itemId: item.id, value: 1 + (index % 5) });
    await finishAttempt(a, finished.id);
    const open = await startAttempt(a);
    await saveAnswer(a, open.id, { itemId: quiz.items[0]!.id, value: 2 });
    const reflection = await saveReflection(a, { lessonSlug: "the-pattern-from-inside", promptId: "moves-you-recognise", text: "A's words." });
    const practice = await addPracticeEntry(a, entry);
    await recordLessonStep(a, { lessonSlug: "the-pattern-from-inside", step: 3, completes: false });
    const before = await rowsOf(a);

    // Reads by id: null, exactly as for an id that does not exist.
    expect(await getAttempt(b, finished.id)).toBeNull();
    expect(await getAttempt(b, open.id)).toBeNull();
    expect(await getResult(b, finished.id)).toBeNull();
    expect(await getReflection(b, reflection.id)).toBeNull();
    expect(await getPracticeEntry(b, practice.id)).toBeNull();

    // Writes by id: refused as not found.
    expect(await saveAnswer(b, open.id, { itemId: quiz.items[1]!.id, value: 5 })).toEqual({ refused: "not-found" });
    expect(await saveAnswer(b, finished.id, { itemId: quiz.items[0]!.id, value: 5 })).toEqual({ refused: "not-found" });
    expect(await finishAttempt(b, open.id)).toEqual({ refused: "not-found" });
    expect(await updatePracticeEntry(b, practice.id, { ...entry, whatYouDid: "Overwritten" })).toBeNull();
    expect(await deletePracticeEntry(b, practice.id)).toBe(false);

    // Lists, the unfinished attempt, the latest result and the export: only B's own (nothing yet).
    expect(await findUnfinishedAttempt(b)).toBeNull();
    expect(await getLatestResult(b)).toBeNull();
    expect(await listResults(b)).toEqual([]);
    expect(await listReflections(b)).toEqual([]);
    expect(await listPracticeEntries(b)).toEqual([]);
    expect(await listLessonProgress(b)).toEqual([]);
    const exported = JSON.stringify(await exportProfileData(b));
    for (const secret of [finished.id, open.id, practice.id, "A's words.", entry.whatHappened]) expect(exported).not.toContain(secret);

    // Writing to the same prompt and lesson makes B's own rows, never touching A's.
    await saveReflection(b, { lessonSlug: "the-pattern-from-inside", promptId: "moves-you-recognise", text: "B's words." });
    await recordLessonStep(b, { lessonSlug: "the-pattern-from-inside", step: 5, completes: true });

    // B deleting everything deletes only B.
    expect(await deleteProfileData(b)).toBe(true);

    expect(await rowsOf(a)).toEqual(before);
    expect(await getReflection(a, reflection.id)).toMatchObject({ text: "A's words." });
    expect(await getResult(a, finished.id)).not.toBeNull();
  });
});

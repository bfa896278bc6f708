import { describe, expect, it } from "vitest";
import type { CurrentProfile } from "@/lib/data/profiles";
import { lessons } from "@/lib/content/lessons";
import { quiz } from "@/lib/content/quiz";
import { db } from "@/lib/db";
import { recordLessonStep } from "@/lib/data/lesson-progress";
import { addPracticeEntry } from "@/lib/data/practice-entries";
import { exportProfileData, type ProfileExport } from "@/lib/data/profile-data";
import { ImportRefused, importProfileData, readExportFile } from "@/lib/data/profile-import";
import { finishAttempt, saveAnswer, startAttempt } from "@/lib/data/quiz-attempts";
import { saveReflection } from "@/lib/data/reflections";
import { makeGuestProfile } from "./support/profiles";

/** A finished result with real answers and scores, through the quiz's own writes. */
async function finishedResult(profile: CurrentProfile, seed: number) {
  const attempt = await startAttempt(profile);
  for (const [index, item] of quiz.items.entries()) await saveAnswer(profile, attempt.id, { itemId: item.id, value: 1 + ((index + seed) % 5) });
  const finished = await finishAttempt(profile, attempt.id);
  expect(finished).toMatchObject({ finished: true });
}

async function history(profile: CurrentProfile) {
  await finishedResult(profile, 0);
  await finishedResult(profile, 2);
  await startAttempt(profile); // one unfinished quiz
  await recordLessonStep(profile, { lessonSlug: "the-trade-off", step: 3, completes: false });
  await recordLessonStep(profile, { lessonSlug: "the-pattern-from-inside", step: 5, completes: true });
  await saveReflection(profile, { lessonSlug: "the-pattern-from-inside", promptId: "moves-you-recognise", text: "Going quiet.\nThen busy." });
  await addPracticeEntry(profile, {
    capacity: "catching-the-reflex",
    practisedOn: "2026-03-02",
    whatHappened: "She asked how I was, really.",
    whatNoticed: "The urge to change the subject.",
    whatYouDid: "I answered, slowly.",
  });
}

/** Everything that should travel, without what belongs to one server (ids, sessions, the profile, the moment of export). */
function portable(file: ProfileExport | null) {
  expect(file).not.toBeNull();
  const { quizAttempts, lessonProgress, reflections, practiceEntries } = file!;
  return {
    results: quizAttempts
      .filter((attempt) => attempt.status === "completed")
      .map(({ id: _id, ...attempt }) => attempt)
      .sort((a, b) => a.startedAt.localeCompare(b.startedAt)),
    lessonProgress: lessonProgress.map(({ updatedAt: _updated, ...progress }) => progress),
    reflections,
    practiceEntries: practiceEntries.map(({ id: _id, ...entry }) => entry),
  };
}

async function rowCounts(profile: CurrentProfile) {
  const [attempts, answers, scores, progress, reflections, entries] = await Promise.all([
    db().quizAttempt.count({ where: { profileId: profile.id } }),
    db().quizAnswer.count({ where: { attempt: { profileId: profile.id } } }),
    db().strategyScore.count({ where: { attempt: { profileId: profile.id } } }),
    db().lessonProgress.count({ where: { profileId: profile.id } }),
    db().reflection.count({ where: { profileId: profile.id } }),
    db().practiceEntry.count({ where: { profileId: profile.id } }),
  ]);
  return { attempts, answers, scores, progress, reflections, entries };
}

const refusedWith = (text: string) => {
  try {
    readExportFile(text);
  } catch (error) {
    expect(error).toBeInstanceOf(ImportRefused);
    return (error as ImportRefused).problem;
  }
  throw new Error("the file was accepted");
};

describe("bringing back an export", () => {
  it("moves every finished result, the progress, reflections and practice entries into an empty profile, exactly", async () => {
    const source = await makeGuestProfile();
    await history(source);
    const file = await exportProfileData(source);
    const target = await makeGuestProfile();

    const summary = await importProfileData(target, readExportFile(JSON.stringify(file)));
    expect(summary).toEqual({
      resultsAdded: 2,
      resultsAlreadyHere: 0,
      unfinishedLeftOut: 1,
      lessonsUpdated: 2,
      reflectionsAdded: 1,
      reflectionsJoined: 0,
      reflectionsAlreadyHere: 0,
      practiceAdded: 1,
      practiceAlreadyHere: 0,
    });
    expect(portable(await exportProfileData(target))).toEqual(portable(file));
    expect(await rowCounts(target)).toEqual({ attempts: 2, answers: 2 * quiz.items.length, scores: 10, progress: 2, reflections: 1, entries: 1 });
  });

  it("changes nothing the second time the same file comes back", async () => {
    const source = await makeGuestProfile();
    await history(source);
    const text = JSON.stringify(await exportProfileData(source));
    const target = await makeGuestProfile();
    await importProfileData(target, readExportFile(text));
    const before = await exportProfileData(target);

    const again = await importProfileData(target, readExportFile(text));
    expect(again).toMatchObject({ resultsAdded: 0, resultsAlreadyHere: 2, lessonsUpdated: 0, reflectionsAdded: 0, reflectionsJoined: 0, reflectionsAlreadyHere: 1, practiceAdded: 0, practiceAlreadyHere: 1 });
    expect(await exportProfileData(target)).toEqual({ ...before!, exportedAt: expect.any(String) });
  });

  it("never moves progress back, keeps what is written here and adds the file's words after it", async () => {
    const source = await makeGuestProfile();
    await recordLessonStep(source, { lessonSlug: "the-trade-off", step: 2, completes: false });
    await recordLessonStep(source, { lessonSlug: "the-pattern-from-inside", step: 5, completes: true });
    await saveReflection(source, { lessonSlug: "the-pattern-from-inside", promptId: "moves-you-recognise", text: "From the old phone." });
    const file = readExportFile(JSON.stringify(await exportProfileData(source)));

    const target = await makeGuestProfile();
    const tradeOffSteps = lessons().find((lesson) => lesson.slug === "the-trade-off")!.steps.length;
    await recordLessonStep(target, { lessonSlug: "the-trade-off", step: tradeOffSteps, completes: true });
    await recordLessonStep(target, { lessonSlug: "the-pattern-from-inside", step: 1, completes: false });
    await saveReflection(target, { lessonSlug: "the-pattern-from-inside", promptId: "moves-you-recognise", text: "Written here." });

    expect(await importProfileData(target, file)).toMatchObject({ lessonsUpdated: 1, reflectionsJoined: 1 });
    const after = (await exportProfileData(target))!;
    const progress = Object.fromEntries(after.lessonProgress.map((row) => [row.lessonSlug, row]));
    expect(progress["the-trade-off"]).toMatchObject({ stepReached: tradeOffSteps, completedAt: expect.any(String) });
    expect(progress["the-pattern-from-inside"]).toMatchObject({ stepReached: 5, completedAt: expect.any(String) });
    expect(after.reflections[0]!.text).toBe("Written here.\n\nFrom the old phone.");
  });

  it("refuses a file that is malformed, from an unknown version, or edited to impossible values, and writes nothing", async () => {
    const source = await makeGuestProfile();
    await history(source);
    const file = (await exportProfileData(source))!;
    const edited = (change: (copy: ProfileExport) => void) => {
      const copy = structuredClone(file);
      change(copy);
      return JSON.stringify(copy);
    };
    expect(refusedWith("{ not json")).toEqual({ code: "not-json" });
    expect(refusedWith(JSON.stringify({ hello: "world" }))).toEqual({ code: "not-export" });
    expect(refusedWith(edited((copy) => Object.assign(copy, { formatVersion: 2 })))).toEqual({ code: "newer-version", version: 2 });
    expect(refusedWith(edited((copy) => Object.assign(copy.quizAttempts[0]!.answers[0]!, { value: 9 })))).toEqual({ code: "wrong-shape" });
    expect(refusedWith(edited((copy) => Object.assign(copy.quizAttempts[1]!.scores[0]!, { score: copy.quizAttempts[1]!.scores[0]!.score! + 10 })))).toEqual({
      code: "scores-disagree",
      result: 2,
    });
    expect(refusedWith(edited((copy) => Object.assign(copy.quizAttempts[0]!.answers[3]!, { value: (copy.quizAttempts[0]!.answers[3]!.value % 5) + 1 })))).toEqual({
      code: "scores-disagree",
      result: 1,
    });
    expect(refusedWith(edited((copy) => Object.assign(copy.quizAttempts[0]!, { quizVersion: "1999.01-1" })))).toEqual({ code: "unknown-quiz", result: 1 });
    expect(refusedWith(edited((copy) => Object.assign(copy.lessonProgress[0]!, { stepReached: 99 })))).toEqual({ code: "unknown-lesson" });
    expect(refusedWith(edited((copy) => Object.assign(copy.reflections[0]!, { text: "x".repeat(5001) })))).toEqual({ code: "text-rules" });
    expect(refusedWith(edited((copy) => Object.assign(copy.practiceEntries[0]!, { capacity: "flying" })))).toEqual({ code: "text-rules" });

    // A file refused at import time (after the checks) writes nothing either: the practice log's limit.
    const target = await makeGuestProfile();
    const before = await rowCounts(target);
    const crowded = readExportFile(JSON.stringify(file));
    crowded.practiceEntries = Array.from({ length: 1001 }, (_, index) => ({ ...file.practiceEntries[0]!, id: `entry-${index}`, whatYouDid: `Step ${index}.` }));
    await expect(importProfileData(target, crowded)).rejects.toMatchObject({ problem: { code: "too-many-entries" } });
    expect(await rowCounts(target)).toEqual(before);
  });
});

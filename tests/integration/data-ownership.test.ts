import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { listLessonProgress, recordLessonStep } from "@/lib/data/lesson-progress";
import {
  addPracticeEntry,
  deletePracticeEntry,
  getPracticeEntry,
  listPracticeEntries,
  updatePracticeEntry,
} from "@/lib/data/practice-entries";
import { getReflection, listReflections, saveReflection } from "@/lib/data/reflections";
import { makeGuestProfile } from "./support/profiles";

const entry = {
  capacity: "self-soothing",
  practisedOn: "2026-11-20",
  whatHappened: "A friend asked to call tonight.",
  whatNoticed: "My chest went tight and I wanted to cancel.",
  whatYouDid: "Took three slow breaths and said yes.",
};

describe("one profile's data is never another's", () => {
  it("never returns, changes or deletes another profile's reflections, practice entries or progress", async () => {
    const alex = await makeGuestProfile();
    const sam = await makeGuestProfile();
    const reflection = await saveReflection(alex, { lessonSlug: "the-trade", promptId: "first-memory", text: "Mine." });
    const practice = await addPracticeEntry(alex, entry);
    await recordLessonStep(alex, { lessonSlug: "the-trade", step: 2, completes: false });

    expect(await getReflection(sam, reflection.id)).toBeNull();
    expect(await listReflections(sam)).toEqual([]);
    expect(await getPracticeEntry(sam, practice.id)).toBeNull();
    expect(await listPracticeEntries(sam)).toEqual([]);
    expect(await listLessonProgress(sam)).toEqual([]);
    expect(await updatePracticeEntry(sam, practice.id, { ...entry, whatYouDid: "Overwritten" })).toBeNull();
    expect(await deletePracticeEntry(sam, practice.id)).toBe(false);

    // Alex's rows are exactly as they were.
    expect(await getReflection(alex, reflection.id)).toMatchObject({ text: "Mine." });
    expect(await getPracticeEntry(alex, practice.id)).toMatchObject({ whatYouDid: entry.whatYouDid });
    expect(await listLessonProgress(alex)).toMatchObject([{ lessonSlug: "the-trade", stepReached: 2 }]);
  });

  it("lets the owner update and delete their own practice entry", async () => {
    const alex = await makeGuestProfile();
    const practice = await addPracticeEntry(alex, entry);
    expect(await updatePracticeEntry(alex, practice.id, { ...entry, whatYouDid: "Called back." })).toMatchObject({
      whatYouDid: "Called back.",
    });
    expect(await deletePracticeEntry(alex, practice.id)).toBe(true);
    expect(await getPracticeEntry(alex, practice.id)).toBeNull();
  });
});

describe("lesson progress", () => {
  it("only moves forward, even when an earlier step is re-read or steps arrive at once", async () => {
    const alex = await makeGuestProfile();
    await recordLessonStep(alex, { lessonSlug: "the-loop", step: 3, completes: false });
    await recordLessonStep(alex, { lessonSlug: "the-loop", step: 1, completes: false });
    expect(await listLessonProgress(alex)).toMatchObject([{ stepReached: 3, completedAt: null }]);

    await Promise.all([1, 5, 2, 4].map((step) => recordLessonStep(alex, { lessonSlug: "the-loop", step, completes: step === 5 })));
    const [progress] = await listLessonProgress(alex);
    expect(progress).toMatchObject({ stepReached: 5 });
    expect(progress?.completedAt).toBeInstanceOf(Date);

    await recordLessonStep(alex, { lessonSlug: "the-loop", step: 2, completes: false });
    expect(await listLessonProgress(alex)).toMatchObject([{ stepReached: 5, completedAt: progress?.completedAt }]);
  });
});

describe("reflections", () => {
  it("refuses text over 5,000 characters and keeps the earlier saved text", async () => {
    const alex = await makeGuestProfile();
    const saved = await saveReflection(alex, { lessonSlug: "the-trade", promptId: "first-memory", text: "Kept." });
    await expect(
      saveReflection(alex, { lessonSlug: "the-trade", promptId: "first-memory", text: "x".repeat(5001) }),
    ).rejects.toThrow(/under 5,000 characters/);
    expect(await getReflection(alex, saved.id)).toMatchObject({ text: "Kept." });
  });

  it("replaces the answer to the same prompt instead of adding a second one", async () => {
    const alex = await makeGuestProfile();
    await saveReflection(alex, { lessonSlug: "the-trade", promptId: "first-memory", text: "One." });
    await saveReflection(alex, { lessonSlug: "the-trade", promptId: "first-memory", text: "Two." });
    expect(await listReflections(alex)).toMatchObject([{ text: "Two." }]);
    expect(await db().reflection.count({ where: { profileId: alex.id } })).toBe(1);
  });
});

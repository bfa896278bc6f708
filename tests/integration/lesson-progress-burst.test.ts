// Fault test: a burst of lesson-progress saves reaching one server process at the same moment.
// Prisma merges the reads that answer them into one query; each save must still land and answer.
import { describe, expect, inject, it } from "vitest";
import { db } from "@/lib/db";
import { recordLessonStep } from "@/lib/data/lesson-progress";
import { makeGuestProfile } from "./support/profiles";

const SAVES = 1200;
const GUESTS = 20;
const LESSONS = 7;

describe("a burst of lesson-progress saves", () => {
  it(`records all ${SAVES} steps saved at the same moment by ${GUESTS} guests`, async () => {
    const guests = await Promise.all(Array.from({ length: GUESTS }, () => makeGuestProfile()));
    const steps = Array.from({ length: SAVES }, (_, index) => ({
      guest: guests[index % GUESTS]!,
      lessonSlug: `lesson-${index % LESSONS}`,
      step: 1 + (index % 5),
    }));
    const outcomes = await Promise.allSettled(
      steps.map(({ guest, lessonSlug, step }) => recordLessonStep(guest, { lessonSlug, step, completes: false })),
    );
    const failed = outcomes.filter((outcome) => outcome.status === "rejected");
    console.log(`fault (${inject("provider")}): ${SAVES} lesson-progress saves at once from one process, ${failed.length} failed`);
    expect(failed.map((outcome) => String((outcome as PromiseRejectedResult).reason).split("\n").at(-1))).toEqual([]);

    // Each guest's furthest step per lesson is what is stored.
    for (const guest of guests) {
      const rows = await db().lessonProgress.findMany({ where: { profileId: guest.id }, select: { lessonSlug: true, stepReached: true } });
      const furthest = new Map<string, number>();
      for (const { guest: owner, lessonSlug, step } of steps) {
        if (owner === guest) furthest.set(lessonSlug, Math.max(furthest.get(lessonSlug) ?? 0, step));
      }
      expect(new Map(rows.map((row) => [row.lessonSlug, row.stepReached]))).toEqual(furthest);
    }
  }, 60_000);
});

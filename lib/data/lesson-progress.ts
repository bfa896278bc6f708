import "server-only";
import { z } from "zod";
import type { CurrentProfile } from "@/lib/data/profiles";
import { SLUG_PATTERN } from "@/lib/content/schemas";
import { db } from "@/lib/db";
import { isUniqueViolation } from "./errors";

export const lessonStepInput = z.object({
  lessonSlug: z.string().regex(SLUG_PATTERN, "A lesson slug is lowercase words joined by hyphens."),
  step: z.number().int().min(1).max(50),
  /** True when `step` is the lesson's last: reaching it completes the lesson. */
  completes: z.boolean(),
});
export type LessonStepInput = z.infer<typeof lessonStepInput>;

export type LessonProgress = {
  lessonSlug: string;
  stepReached: number;
  completedAt: Date | null;
  updatedAt: Date;
};

const select = { lessonSlug: true, stepReached: true, completedAt: true, updatedAt: true } as const;

/**
 * Records that the profile reached a step. Progress only moves forward: re-reading an
 * earlier step never lowers `stepReached` or clears completion, even under concurrent calls.
 */
export async function recordLessonStep(profile: CurrentProfile, input: LessonStepInput): Promise<LessonProgress> {
  const { lessonSlug, step, completes } = lessonStepInput.parse(input);
  const key = { profileId_lessonSlug: { profileId: profile.id, lessonSlug } };
  const now = new Date();
  try {
    await db().lessonProgress.upsert({
      where: key,
      create: { profileId: profile.id, lessonSlug, stepReached: step, completedAt: completes ? now : null },
      update: {},
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error; // a concurrent first visit created the row
  }
  // Conditional updates keep progress monotonic without a read-modify-write race.
  await db().lessonProgress.updateMany({
    where: { profileId: profile.id, lessonSlug, stepReached: { lt: step } },
    data: { stepReached: step },
  });
  if (completes) {
    await db().lessonProgress.updateMany({
      where: { profileId: profile.id, lessonSlug, completedAt: null },
      data: { completedAt: now },
    });
  }
  // findFirst, not findUnique: Prisma merges concurrent findUnique calls into one query, which a
  // burst of saves makes too large for SQLite.
  return db().lessonProgress.findFirstOrThrow({ where: { profileId: profile.id, lessonSlug }, select });
}

/** The profile's progress in every lesson it has opened, most recently read first. */
export async function listLessonProgress(profile: CurrentProfile): Promise<LessonProgress[]> {
  return db().lessonProgress.findMany({
    where: { profileId: profile.id },
    orderBy: { updatedAt: "desc" },
    select,
  });
}

import "server-only";
import { z } from "zod";
import type { CurrentProfile } from "@/lib/auth/profile";
import { SLUG_PATTERN } from "@/lib/content/schemas";
import { db } from "@/lib/db";

const text = (what: string) =>
  z.string().trim().min(1, `Please write a few words about ${what}.`).max(2000, `Please keep ${what} under 2,000 characters.`);

export const practiceEntryInput = z.object({
  capacity: z.string().regex(SLUG_PATTERN, "A capacity is lowercase words joined by hyphens."),
  practisedOn: z.coerce.date({ message: "Please give the date this happened." }),
  whatHappened: text("what happened"),
  whatNoticed: text("what you noticed"),
  whatYouDid: text("what you did"),
});
export type PracticeEntryInput = z.input<typeof practiceEntryInput>;

export type PracticeEntry = {
  id: string;
  capacity: string;
  practisedOn: Date;
  whatHappened: string;
  whatNoticed: string;
  whatYouDid: string;
  updatedAt: Date;
};

const select = {
  id: true,
  capacity: true,
  practisedOn: true,
  whatHappened: true,
  whatNoticed: true,
  whatYouDid: true,
  updatedAt: true,
} as const;

export async function addPracticeEntry(profile: CurrentProfile, input: PracticeEntryInput): Promise<PracticeEntry> {
  const data = practiceEntryInput.parse(input);
  return db().practiceEntry.create({ data: { ...data, profileId: profile.id }, select });
}

/** The profile's entries, optionally for one capacity, newest first. */
export async function listPracticeEntries(profile: CurrentProfile, capacity?: string): Promise<PracticeEntry[]> {
  return db().practiceEntry.findMany({
    where: { profileId: profile.id, ...(capacity ? { capacity } : {}) },
    orderBy: [{ practisedOn: "desc" }, { createdAt: "desc" }],
    select,
  });
}

/** One of the profile's entries; null for an unknown id or another profile's. */
export async function getPracticeEntry(profile: CurrentProfile, id: string): Promise<PracticeEntry | null> {
  return db().practiceEntry.findFirst({ where: { id, profileId: profile.id }, select });
}

/** Updates one of the profile's entries; null (and nothing changed) when it isn't theirs. */
export async function updatePracticeEntry(
  profile: CurrentProfile,
  id: string,
  input: PracticeEntryInput,
): Promise<PracticeEntry | null> {
  const data = practiceEntryInput.parse(input);
  const { count } = await db().practiceEntry.updateMany({ where: { id, profileId: profile.id }, data });
  return count === 0 ? null : getPracticeEntry(profile, id);
}

/** Deletes one of the profile's entries; false (and nothing deleted) when it isn't theirs. */
export async function deletePracticeEntry(profile: CurrentProfile, id: string): Promise<boolean> {
  const { count } = await db().practiceEntry.deleteMany({ where: { id, profileId: profile.id } });
  return count === 1;
}

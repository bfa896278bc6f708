import "server-only";
import type { CurrentProfile } from "@/lib/data/profiles";
import { db } from "@/lib/db";
import { formatCount } from "@/lib/format";
import { practiceEntryInput, type PracticeEntryInput } from "@/lib/validation/practice-entries";
import { openText, sealText } from "./encryption";
import { LimitReached } from "./errors";

/** The most entries one profile's practice log keeps: about three years of one a day, far past real use. */
export const PRACTICE_ENTRIES_PER_PROFILE = 1000;

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

// The three texts are stored encrypted (lib/data/encryption.ts): sealed on every write, opened on every read.
// The length limits (lib/validation/practice-entries.ts) apply to the texts as written; every text is at least one character.
function sealed<T extends Pick<PracticeEntry, "whatHappened" | "whatNoticed" | "whatYouDid">>(entry: T): T {
  return {
    ...entry,
    whatHappened: sealText(entry.whatHappened, "practice.whatHappened"),
    whatNoticed: sealText(entry.whatNoticed, "practice.whatNoticed"),
    whatYouDid: sealText(entry.whatYouDid, "practice.whatYouDid"),
  };
}

function opened(row: PracticeEntry): PracticeEntry {
  return {
    ...row,
    whatHappened: openText(row.whatHappened, "practice.whatHappened"),
    whatNoticed: openText(row.whatNoticed, "practice.whatNoticed"),
    whatYouDid: openText(row.whatYouDid, "practice.whatYouDid"),
  };
}

export async function addPracticeEntry(profile: CurrentProfile, input: PracticeEntryInput): Promise<PracticeEntry> {
  const data = practiceEntryInput.parse(input);
  if ((await db().practiceEntry.count({ where: { profileId: profile.id } })) >= PRACTICE_ENTRIES_PER_PROFILE) {
    throw new LimitReached(
      `Your practice log holds ${formatCount(PRACTICE_ENTRIES_PER_PROFILE)} entries, the most it keeps. Delete some older ones to add more.`,
    );
  }
  const row = await db().practiceEntry.create({ data: { ...sealed(data), profileId: profile.id }, select });
  return { ...row, whatHappened: data.whatHappened, whatNoticed: data.whatNoticed, whatYouDid: data.whatYouDid };
}

/** The profile's entries, optionally for one capacity, newest first. */
export async function listPracticeEntries(profile: CurrentProfile, capacity?: string): Promise<PracticeEntry[]> {
  const rows = await db().practiceEntry.findMany({
    where: { profileId: profile.id, ...(capacity ? { capacity } : {}) },
    orderBy: [{ practisedOn: "desc" }, { createdAt: "desc" }],
    select,
  });
  return rows.map(opened);
}

/** One of the profile's entries; null for an unknown id or another profile's. */
export async function getPracticeEntry(profile: CurrentProfile, id: string): Promise<PracticeEntry | null> {
  const row = await db().practiceEntry.findFirst({ where: { id, profileId: profile.id }, select });
  return row && opened(row);
}

/** Updates one of the profile's entries; null (and nothing changed) when it isn't theirs. */
export async function updatePracticeEntry(
  profile: CurrentProfile,
  id: string,
  input: PracticeEntryInput,
): Promise<PracticeEntry | null> {
  const data = practiceEntryInput.parse(input);
  const { count } = await db().practiceEntry.updateMany({ where: { id, profileId: profile.id }, data: sealed(data) });
  return count === 0 ? null : getPracticeEntry(profile, id);
}

/** Deletes one of the profile's entries; false (and nothing deleted) when it isn't theirs. */
export async function deletePracticeEntry(profile: CurrentProfile, id: string): Promise<boolean> {
  const { count } = await db().practiceEntry.deleteMany({ where: { id, profileId: profile.id } });
  return count === 1;
}

import "server-only";
import { z } from "zod";
import type { CurrentProfile } from "@/lib/data/profiles";
import { SLUG_PATTERN } from "@/lib/content/schemas";
import { formatCount } from "@/lib/format";
import { db } from "@/lib/db";
import { writtenText } from "@/lib/validation/text";
import { openText, sealText } from "./encryption";
import { LimitReached } from "./errors";

/** The most entries one profile's practice log keeps: about three years of one a day, far past real use. */
export const PRACTICE_ENTRIES_PER_PROFILE = 1000;

// Spaces around a note are trimmed; a note of only invisible characters is no note at all.
const text = (what: string) =>
  writtenText({
    max: 2000,
    tooLong: `Please keep ${what} under 2,000 characters.`,
    blank: `Please write a few words about ${what}.`,
  }).trim();

const DAY_MS = 24 * 60 * 60 * 1000;
const EARLIEST_DAY = Date.UTC(2000, 0, 1);

/**
 * The calendar day something was practised, kept as UTC midnight. Tomorrow is allowed because
 * a visitor east of UTC is already there; later days and days before 2000 are typing slips.
 */
const practiceDay = z
  .date()
  .transform((day) => new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate())))
  .refine((day) => day.getTime() >= EARLIEST_DAY, "Please choose a date from the year 2000 onwards.")
  .refine((day) => {
    const now = new Date();
    return day.getTime() <= Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) + DAY_MS;
  }, "That date hasn’t come yet. Please choose today or an earlier day.");
const noDay = "Please give the date this happened.";

export const practiceEntryInput = z.object({
  capacity: z.string().regex(SLUG_PATTERN, "A capacity is lowercase words joined by hyphens."),
  practisedOn: z.coerce.date({ message: noDay }).pipe(practiceDay),
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

/** What a visitor sends for one entry: the day as YYYY-MM-DD and the three texts. */
export const practiceEntryFields = practiceEntryInput.omit({ capacity: true }).extend({
  practisedOn: z.iso
    .date({ message: noDay })
    .transform((day) => new Date(day))
    .pipe(practiceDay),
});
export type PracticeEntryFields = z.infer<typeof practiceEntryFields>;

/** Reads a request body into entry fields, or a reason and one message per field that is wrong. */
export function readPracticeEntryFields(
  body: unknown,
): { fields: PracticeEntryFields } | { error: string; fieldErrors: Record<string, string> } {
  const parsed = practiceEntryFields.safeParse(body);
  if (parsed.success) return { fields: parsed.data };
  const fieldErrors: Record<string, string> = {};
  for (const [field, messages] of Object.entries(z.flattenError(parsed.error).fieldErrors)) {
    if (messages?.[0]) fieldErrors[field] = messages[0];
  }
  const error = Object.keys(fieldErrors).length
    ? "Some of this entry needs a change before it can be saved."
    : 'Send JSON like {"practisedOn": "2026-01-31", "whatHappened": "…", "whatNoticed": "…", "whatYouDid": "…"}.';
  return { error, fieldErrors };
}

/** An entry as the browser receives it: the day as YYYY-MM-DD, times as ISO strings. */
export type PracticeEntryJson = Omit<PracticeEntry, "practisedOn" | "updatedAt"> & {
  practisedOn: string;
  updatedAt: string;
};

export function practiceEntryJson(entry: PracticeEntry): PracticeEntryJson {
  return { ...entry, practisedOn: entry.practisedOn.toISOString().slice(0, 10), updatedAt: entry.updatedAt.toISOString() };
}

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
// The length limits above apply to the texts as written; every text is at least one character.
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

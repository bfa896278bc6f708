// What a practice-log entry may be: checked by the log's form, its server actions, the practice
// routes and the data layer (client-safe: zod only). Also the entry as the browser holds it.
import { z } from "zod";
import { SLUG_PATTERN } from "@/lib/content/schemas";
import { EARLIEST_PRACTICE_DAY, PRACTICE_TEXT_MAX_LENGTH } from "./limits";
import { writtenText } from "./text";
import { formatCount } from "@/lib/format";

export const PRACTICE_PROBLEMS = {
  noDay: "Please give the date this happened.",
  tooEarly: "Please choose a date from the year 2000 onwards.",
  notYet: "That date hasn’t come yet. Please choose today or an earlier day.",
  /** Said above the form when one or more fields are named beside it. */
  someFields: "Some of this entry needs a change before it can be saved.",
  noCapacity: "There is no practice by that name.",
  notHere: "This entry isn’t here any more.",
} as const;

// Spaces around a note are trimmed; a note of only invisible characters is no note at all.
const text = (what: string) =>
  writtenText({
    max: PRACTICE_TEXT_MAX_LENGTH,
    tooLong: `Please keep ${what} under ${formatCount(PRACTICE_TEXT_MAX_LENGTH)} characters.`,
    blank: `Please write a few words about ${what}.`,
  }).trim();

const DAY_MS = 24 * 60 * 60 * 1000;
const EARLIEST_DAY = Date.parse(EARLIEST_PRACTICE_DAY);

/**
 * The calendar day something was practised, kept as UTC midnight. Tomorrow is allowed because
 * a visitor east of UTC is already there; later days and days before 2000 are typing slips.
 */
const practiceDay = z
  .date()
  .transform((day) => new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate())))
  .refine((day) => day.getTime() >= EARLIEST_DAY, PRACTICE_PROBLEMS.tooEarly)
  .refine((day) => {
    const now = new Date();
    return day.getTime() <= Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) + DAY_MS;
  }, PRACTICE_PROBLEMS.notYet);

const texts = {
  whatHappened: text("what happened"),
  whatNoticed: text("what you noticed"),
  whatYouDid: text("what you did"),
};

/** An entry as the data layer takes it: its capacity, and the day as a date (or anything that makes one). */
export const practiceEntryInput = z.object({
  capacity: z.string().regex(SLUG_PATTERN, "A capacity is lowercase words joined by hyphens."),
  practisedOn: z.coerce.date({ message: PRACTICE_PROBLEMS.noDay }).pipe(practiceDay),
  ...texts,
});
export type PracticeEntryInput = z.input<typeof practiceEntryInput>;

/** What a visitor sends for one entry: the day as YYYY-MM-DD (the date input's format) and the three texts. */
export const practiceEntryFields = z.object({
  practisedOn: z.iso
    .date({ message: PRACTICE_PROBLEMS.noDay })
    .transform((day) => new Date(day))
    .pipe(practiceDay),
  ...texts,
});
export type PracticeEntryFields = z.infer<typeof practiceEntryFields>;
/** The fields of the log's form, by name. */
export type PracticeEntryField = keyof PracticeEntryFields;
/** What the log's form holds and sends: every field as the visitor typed it. */
export type PracticeEntryDraft = Record<PracticeEntryField, string>;

/** An entry as the browser holds it: the day as YYYY-MM-DD, nothing else of the row. */
export type PracticeLogEntry = {
  id: string;
  practisedOn: string;
  whatHappened: string;
  whatNoticed: string;
  whatYouDid: string;
};

/** A saved entry as the browser holds it. */
export function toPracticeLogEntry(entry: {
  id: string;
  practisedOn: Date;
  whatHappened: string;
  whatNoticed: string;
  whatYouDid: string;
}): PracticeLogEntry {
  const { id, practisedOn, whatHappened, whatNoticed, whatYouDid } = entry;
  return { id, practisedOn: practisedOn.toISOString().slice(0, 10), whatHappened, whatNoticed, whatYouDid };
}

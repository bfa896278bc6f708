// What a calendar reminder may say and when it comes: shared by the reminder form and the route
// that makes the .ics file (client-safe: zod only). Nothing here is stored anywhere.
import { z } from "zod";
import { fieldMessages } from "./field-messages";
import { writtenText } from "./text";

export const MAX_REMINDER_TITLE_LENGTH = 80;

/** The two reminders Drawbridge offers: a quiz retake once, and a practice that repeats. */
export const REMINDER_KINDS = ["retake-quiz", "practice"] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

/** Titles that say nothing about the pattern, so a calendar on a shared screen gives nothing away. */
export const DEFAULT_REMINDER_TITLES: Record<ReminderKind, string> = {
  "retake-quiz": "Check in with myself",
  practice: "A few quiet minutes for me",
};

export const RETAKE_WEEKS = [2, 4, 6, 8] as const;
export const DEFAULT_RETAKE_WEEKS = 4;
export const DEFAULT_PRACTICE_TIME = "19:00";
/** A practice reminder repeats for this many weeks, then stops on its own. */
export const PRACTICE_WEEKS = 8;
export const PRACTICE_REPEATS = ["daily", "weekly"] as const;

export const REMINDER_PROBLEMS = {
  title: {
    tooLong: `Keep the title to ${MAX_REMINDER_TITLE_LENGTH} characters or fewer.`,
    blank: "Give the reminder a title, or keep the one suggested.",
    oneLine: "Keep the title to one line.",
    /** When the form comes back without the title (it isn't carried in the address). */
    any: `Give the reminder a title: one line of at most ${MAX_REMINDER_TITLE_LENGTH} characters.`,
  },
  weeks: `Choose when to be reminded: in ${RETAKE_WEEKS.slice(0, -1).join(", ")} or ${RETAKE_WEEKS.at(-1)} weeks.`,
  time: "Choose a time of day, like 19:00.",
  repeat: "Choose every day or every week.",
  kind: "Choose which reminder you want.",
  lesson: "That lesson doesn’t exist.",
} as const;

const title = writtenText({
  max: MAX_REMINDER_TITLE_LENGTH,
  tooLong: REMINDER_PROBLEMS.title.tooLong,
  blank: REMINDER_PROBLEMS.title.blank,
}).refine((text) => !/[\r\n]/.test(text), { message: REMINDER_PROBLEMS.title.oneLine });

/** "on" from a ticked checkbox; anything else (or nothing) is no. */
const ticked = z.literal("on").optional().transform((value) => value === "on");
/** A lesson's slug, checked against the lessons by whoever builds the link. */
const lessonSlug = z.string().regex(/^[a-z0-9-]{1,80}$/, REMINDER_PROBLEMS.lesson).optional();

export const reminderRequest = z.discriminatedUnion(
  "kind",
  [
    z.object({
      kind: z.literal("retake-quiz"),
      title,
      weeks: z.coerce
        .number({ message: REMINDER_PROBLEMS.weeks })
        .int(REMINDER_PROBLEMS.weeks)
        .refine((weeks) => (RETAKE_WEEKS as readonly number[]).includes(weeks), REMINDER_PROBLEMS.weeks),
      mentionDrawbridge: ticked,
    }),
    z.object({
      kind: z.literal("practice"),
      title,
      time: z.string({ message: REMINDER_PROBLEMS.time }).regex(/^([01]\d|2[0-3]):[0-5]\d$/, REMINDER_PROBLEMS.time),
      repeat: z.enum(PRACTICE_REPEATS, { message: REMINDER_PROBLEMS.repeat }),
      lesson: lessonSlug,
      mentionDrawbridge: ticked,
    }),
  ],
  { error: REMINDER_PROBLEMS.kind },
);

export type ReminderRequest = z.infer<typeof reminderRequest>;
export const REMINDER_FIELDS = ["title", "weeks", "time", "repeat", "kind", "lesson"] as const;
export type ReminderField = (typeof REMINDER_FIELDS)[number];

/** What the form says beside a field named in the address of a refused form. */
export function reminderProblemText(field: ReminderField): string {
  return field === "title" ? REMINDER_PROBLEMS.title.any : REMINDER_PROBLEMS[field];
}

/** The first problem of each field, for showing beside it. */
export function reminderProblems(error: z.ZodError): Partial<Record<ReminderField, string>> {
  // A problem with no field (the union's own) is about which reminder was asked for.
  const { form, ...problems } = fieldMessages<ReminderField>(error);
  return form === undefined || problems.kind !== undefined ? problems : { ...problems, kind: form };
}

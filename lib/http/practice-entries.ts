// The practice routes' bodies: what a request must hold (the rule is lib/validation's) and the
// entry as the routes answer with it.
import type { PracticeEntry } from "@/lib/data/practice-entries";
import { fieldMessages } from "@/lib/validation/field-messages";
import {
  PRACTICE_PROBLEMS,
  practiceEntryFields,
  type PracticeEntryField,
  type PracticeEntryFields,
  type PracticeLogEntry,
} from "@/lib/validation/practice-entries";

/** Reads a request body into entry fields, or a reason and one message per field that is wrong (the 400 body). */
export function readPracticeEntryFields(
  body: unknown,
): { fields: PracticeEntryFields } | { error: string; fieldErrors: Partial<Record<PracticeEntryField, string>> } {
  const parsed = practiceEntryFields.safeParse(body);
  if (parsed.success) return { fields: parsed.data };
  const { form: _notAField, ...fieldErrors } = fieldMessages<PracticeEntryField>(parsed.error);
  const error = Object.keys(fieldErrors).length
    ? PRACTICE_PROBLEMS.someFields
    : 'Send JSON like {"practisedOn": "2026-01-31", "whatHappened": "…", "whatNoticed": "…", "whatYouDid": "…"}.';
  return { error, fieldErrors };
}

/** An entry as the routes send it: the day as YYYY-MM-DD, times as ISO strings. */
export function practiceEntryJson(entry: PracticeEntry): PracticeLogEntry & { capacity: string; updatedAt: string } {
  return { ...entry, practisedOn: entry.practisedOn.toISOString().slice(0, 10), updatedAt: entry.updatedAt.toISOString() };
}

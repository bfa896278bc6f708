"use server";

import { currentOrNewProfile, currentProfile } from "@/lib/auth/profile";
import { capacities } from "@/lib/content/lessons";
import { addPracticeEntry, deletePracticeEntry, getPracticeEntry, updatePracticeEntry } from "@/lib/data/practice-entries";
import { databaseUnavailable, refusalMessage } from "@/lib/http/failures";
import { isRecordId } from "@/lib/http/ids";
import { fieldMessages } from "@/lib/validation/field-messages";
import {
  PRACTICE_PROBLEMS,
  practiceEntryFields,
  toPracticeLogEntry,
  type PracticeEntryField,
  type PracticeEntryFields,
  type PracticeLogEntry,
} from "@/lib/validation/practice-entries";

/** What a save from the practice log answers: the entry as saved, or why not (beside its fields, or above the form). */
export type PracticeEntrySaveResult =
  | { entry: PracticeLogEntry }
  | { error: string; fieldErrors: Partial<Record<PracticeEntryField, string>> };

const COULD_NOT_SAVE = "That entry could not be saved. Please try again.";
const refused = (error: string) => ({ error, fieldErrors: {} });

function readDraft(draft: unknown): { fields: PracticeEntryFields } | { error: string; fieldErrors: Partial<Record<PracticeEntryField, string>> } {
  const parsed = practiceEntryFields.safeParse(draft);
  if (parsed.success) return { fields: parsed.data };
  // An issue with no field means the call was not a form's (a hand-made call): said in one line.
  const { form: _notAField, ...fieldErrors } = fieldMessages<PracticeEntryField>(parsed.error);
  return Object.keys(fieldErrors).length ? { error: PRACTICE_PROBLEMS.someFields, fieldErrors } : refused(COULD_NOT_SAVE);
}

/** Adds an entry to the visitor's log for one capacity; the first save of a new visitor starts their guest profile. */
export async function addToPracticeLog(capacity: string, draft: unknown): Promise<PracticeEntrySaveResult> {
  if (!capacities.some((known) => known.id === capacity)) return refused(PRACTICE_PROBLEMS.noCapacity);
  const read = readDraft(draft);
  if (!("fields" in read)) return read;
  try {
    const profile = await currentOrNewProfile();
    return { entry: toPracticeLogEntry(await addPracticeEntry(profile, { ...read.fields, capacity })) };
  } catch (error) {
    // A full log, too many saves at once, signed out by another browser, or a database that can't save now.
    return refused(refusalMessage(error));
  }
}

/** Rewrites one of the visitor's entries (its capacity stays as it was); an unknown id or someone else's changes nothing. */
export async function changePracticeEntry(id: string, draft: unknown): Promise<PracticeEntrySaveResult> {
  const read = readDraft(draft);
  if (!("fields" in read)) return read;
  try {
    const profile = typeof id === "string" && isRecordId(id) ? await currentProfile() : null;
    const existing = profile ? await getPracticeEntry(profile, id) : null;
    const entry = profile && existing ? await updatePracticeEntry(profile, id, { ...read.fields, capacity: existing.capacity }) : null;
    return entry ? { entry: toPracticeLogEntry(entry) } : refused(PRACTICE_PROBLEMS.notHere);
  } catch (error) {
    return refused(refusalMessage(error));
  }
}

/**
 * Deletes one of the visitor's entries. An entry that is already gone (deleted in another tab,
 * or never theirs) counts as deleted: it is what was asked for. "not-now" when the database
 * can't delete anything just now.
 */
export async function removePracticeEntry(id: string): Promise<"deleted" | "not-now"> {
  try {
    const profile = typeof id === "string" && isRecordId(id) ? await currentProfile() : null;
    if (profile) await deletePracticeEntry(profile, id);
    return "deleted";
  } catch (error) {
    if (databaseUnavailable(error, "DELETE")) return "not-now";
    throw error;
  }
}

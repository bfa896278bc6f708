"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { currentProfile, endCurrentSession } from "@/lib/auth/profile";
import { endAllSessions } from "@/lib/auth/sessions";
import { deleteProfileData, DELETION_WORD } from "@/lib/data/profile-data";
import { databaseUnavailable } from "@/lib/http/failures";
import { log } from "@/lib/log";
import { fieldMessages } from "@/lib/validation/field-messages";

export type DeleteEverythingState = {
  /** What the visitor typed (shown again without JavaScript). */
  confirmation: string;
  error?: string;
};

const form = z.object({
  confirmation: z
    .string({ error: `Type the word “${DELETION_WORD}” to confirm. Nothing has been deleted.` })
    .trim()
    .toLowerCase() // phones capitalise the first letter; "Delete" means the same
    .min(1, `Type the word “${DELETION_WORD}” to confirm. Nothing has been deleted.`)
    .pipe(z.literal(DELETION_WORD, `That isn’t “${DELETION_WORD}”, so nothing has been deleted. Type the word to confirm.`)),
});

/**
 * Deletes the visitor's profile and everything it owns once they have typed the word, ends this
 * browser's session and shows the confirmation. Any other word changes nothing and says so.
 */
export async function deleteEverything(_previous: DeleteEverythingState, formData: FormData): Promise<DeleteEverythingState> {
  const typed = formData instanceof FormData ? formData.get("confirmation") : null; // null: a hand-made call
  const parsed = form.safeParse({ confirmation: typed ?? undefined });
  if (!parsed.success) {
    return { confirmation: typeof typed === "string" ? typed : "", error: fieldMessages<"confirmation">(parsed.error).confirmation };
  }
  const profile = await currentProfile();
  // No profile: it was deleted already (another tab) or the session ended; either way nothing is left.
  let deleted: boolean;
  try {
    if (profile) await endAllSessions(profile.id); // signed out everywhere first, Redis included
    deleted = profile !== null && (await deleteProfileData(profile));
  } catch (error) {
    if (!databaseUnavailable(error, "POST")) throw error;
    return { confirmation: parsed.data.confirmation, error: "Nothing was deleted: the database can’t change anything just now. Please try again in a moment." };
  }
  if (profile && deleted) log.info("profile.deleted", { kind: profile.isGuest ? "guest" : "account" });
  await endCurrentSession();
  redirect("/me/deleted");
}

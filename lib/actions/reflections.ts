"use server";

import { z } from "zod";
import { currentOrNewProfile } from "@/lib/auth/profile";
import { lessons } from "@/lib/content/lessons";
import { saveReflection } from "@/lib/data/reflections";
import { refusalMessage } from "@/lib/http/failures";
import { fieldMessages } from "@/lib/validation/field-messages";
import { reflectionInput, type ReflectionInput } from "@/lib/validation/reflections";

export type ReflectionFormState = {
  /** What the visitor sent (shown again without JavaScript). */
  text: string;
  error?: string;
  savedAt?: string;
};

const form = z.object({
  lessonSlug: z.string(),
  promptId: z.string(),
  // A posted form carries a textarea's line breaks as CRLF; the textarea, its maxlength and the
  // page count each as one LF. Stored as LF, so the page knows its text is the one saved.
  text: z.string().transform((text) => text.replace(/\r\n?/g, "\n")),
});

/** Saves one reflection; over-long or unknown input changes nothing and says why beside the field. */
export async function saveReflectionForm(_previous: ReflectionFormState, formData: FormData): Promise<ReflectionFormState> {
  const parsed = form.safeParse(formData instanceof FormData ? Object.fromEntries(formData) : null); // null: a hand-made call
  if (!parsed.success) return { text: "", error: "That reflection could not be saved. Please try again." };
  const { lessonSlug, promptId, text } = parsed.data;
  const known = lessons()
    .find((lesson) => lesson.slug === lessonSlug)
    ?.steps.some((step) => step.reflections.some((reflection) => reflection.id === promptId));
  if (!known) return { text, error: "That reflection prompt no longer exists." };

  // Checked here, before a first save makes a guest profile; lib/data checks the same rule again as its guard.
  const checked = reflectionInput.safeParse({ lessonSlug, promptId, text });
  if (!checked.success) return { text, error: Object.values(fieldMessages<keyof ReflectionInput>(checked.error))[0] };
  try {
    const profile = await currentOrNewProfile();
    const saved = await saveReflection(profile, checked.data);
    return { text: saved.text, savedAt: saved.updatedAt.toISOString() };
  } catch (error) {
    // Over a limit, signed out by another browser's deletion, or a database that can't save now.
    return { text, error: refusalMessage(error) };
  }
}

"use server";

import { z } from "zod";
import { currentOrNewProfile } from "@/lib/auth/profile";
import { lessons } from "@/lib/content/lessons";
import { isForeignKeyViolation, TooManyRequests } from "@/lib/data/errors";
import { reflectionInput, saveReflection } from "@/lib/data/reflections";

export type ReflectionFormState = {
  /** What the visitor sent (shown again without JavaScript). */
  text: string;
  error?: string;
  savedAt?: string;
};

const form = z.object({ lessonSlug: z.string(), promptId: z.string(), text: z.string() });

/** Saves one reflection; over-long or unknown input changes nothing and says why beside the field. */
export async function saveReflectionForm(_previous: ReflectionFormState, formData: FormData): Promise<ReflectionFormState> {
  const parsed = form.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { text: "", error: "That reflection could not be saved. Please try again." };
  const { lessonSlug, promptId, text } = parsed.data;
  const known = lessons()
    .find((lesson) => lesson.slug === lessonSlug)
    ?.steps.some((step) => step.reflections.some((reflection) => reflection.id === promptId));
  if (!known) return { text, error: "That reflection prompt no longer exists." };

  const checked = reflectionInput.safeParse({ lessonSlug, promptId, text });
  if (!checked.success) return { text, error: checked.error.issues[0]!.message };
  const profile = await currentOrNewProfile().catch((error: unknown) => {
    if (error instanceof TooManyRequests) return error;
    throw error;
  });
  if (profile instanceof TooManyRequests) return { text, error: profile.message };
  const saved = await saveReflection(profile, checked.data).catch((error: unknown) => {
    if (isForeignKeyViolation(error)) return null; // the profile was deleted (another browser) just now
    throw error;
  });
  if (!saved) return { text, error: "You’re signed out: this profile no longer exists, so nothing was saved." };
  return { text: saved.text, savedAt: saved.updatedAt.toISOString() };
}

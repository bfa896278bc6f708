import "server-only";
import { z } from "zod";
import type { CurrentProfile } from "@/lib/data/profiles";
import { SLUG_PATTERN } from "@/lib/content/schemas";
import { formatCount } from "@/lib/format";
import { db } from "@/lib/db";
import { writtenText } from "@/lib/validation/text";
import { openText, sealText } from "./encryption";

export const REFLECTION_MAX_LENGTH = 5000;

export const reflectionInput = z.object({
  lessonSlug: z.string().regex(SLUG_PATTERN, "A lesson slug is lowercase words joined by hyphens."),
  promptId: z.string().regex(SLUG_PATTERN, "A prompt id is lowercase words joined by hyphens."),
  text: writtenText({
    max: REFLECTION_MAX_LENGTH,
    tooLong: `Please keep a reflection under ${formatCount(REFLECTION_MAX_LENGTH)} characters.`,
    blank: "Please write a few words, or clear the box to leave it empty.",
    mayBeEmpty: true,
  }),
});
export type ReflectionInput = z.infer<typeof reflectionInput>;

export type Reflection = {
  id: string;
  lessonSlug: string;
  promptId: string;
  text: string;
  updatedAt: Date;
};

const select = { id: true, lessonSlug: true, promptId: true, text: true, updatedAt: true } as const;

// The text is stored encrypted (lib/data/encryption.ts); every read goes through here.
const opened = (row: Reflection): Reflection => ({ ...row, text: openText(row.text, "reflection.text") });

/**
 * Saves (or replaces) the profile's answer to one prompt. Invalid input throws and writes nothing.
 * The length limit applies to the text as written; the database holds it encrypted. An empty
 * answer is encrypted too, so the stored row doesn't tell an empty answer from a written one.
 */
export async function saveReflection(profile: CurrentProfile, input: ReflectionInput): Promise<Reflection> {
  const { lessonSlug, promptId, text } = reflectionInput.parse(input);
  const sealed = sealText(text, "reflection.text");
  const row = await db().reflection.upsert({
    where: { profileId_lessonSlug_promptId: { profileId: profile.id, lessonSlug, promptId } },
    create: { profileId: profile.id, lessonSlug, promptId, text: sealed },
    update: { text: sealed },
    select,
  });
  return { ...row, text };
}

/** One of the profile's reflections by id; null for an unknown id or another profile's. */
export async function getReflection(profile: CurrentProfile, id: string): Promise<Reflection | null> {
  const row = await db().reflection.findFirst({ where: { id, profileId: profile.id }, select });
  return row && opened(row);
}

/** The profile's reflections, optionally for one lesson, most recently written first. */
export async function listReflections(profile: CurrentProfile, lessonSlug?: string): Promise<Reflection[]> {
  const rows = await db().reflection.findMany({
    where: { profileId: profile.id, ...(lessonSlug ? { lessonSlug } : {}) },
    orderBy: { updatedAt: "desc" },
    select,
  });
  return rows.map(opened);
}

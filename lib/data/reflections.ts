import "server-only";
import type { CurrentProfile } from "@/lib/data/profiles";
import { db } from "@/lib/db";
import { reflectionInput, type ReflectionInput } from "@/lib/validation/reflections";
import { openText, sealText } from "./encryption";

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

// What a reflection may be: checked by the lesson's form, its server action and the data layer (client-safe: zod only).
import { z } from "zod";
import { SLUG_PATTERN } from "@/lib/content/schemas";
import { REFLECTION_MAX_LENGTH } from "./limits";
import { writtenText } from "./text";
import { formatCount } from "@/lib/format";

export const REFLECTION_PROBLEMS = {
  tooLong: `Please keep a reflection under ${formatCount(REFLECTION_MAX_LENGTH)} characters.`,
  blank: "Please write a few words, or clear the box to leave it empty.",
} as const;

export const reflectionInput = z.object({
  lessonSlug: z.string().regex(SLUG_PATTERN, "A lesson slug is lowercase words joined by hyphens."),
  promptId: z.string().regex(SLUG_PATTERN, "A prompt id is lowercase words joined by hyphens."),
  text: writtenText({ max: REFLECTION_MAX_LENGTH, ...REFLECTION_PROBLEMS, mayBeEmpty: true }),
});
export type ReflectionInput = z.infer<typeof reflectionInput>;

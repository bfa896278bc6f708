// Validation of quiz answers against one quiz: a schema is built per quiz because the
// item ids it accepts come from that quiz.
import { z } from "zod";
import { ANSWER_VALUES, type AnswerValue, type Quiz } from "./types";

export const ANSWER_VALUE_MESSAGE = "Answers are 1 (Almost never) to 5 (Almost always).";

/** An answer that passed `answerSchema`: a known item and a value on the 1–5 scale. */
export type ValidAnswer = { itemId: string; value: AnswerValue };

/** One answer, as the quiz flow saves them one at a time. */
export function answerSchema(quiz: Quiz) {
  const itemIds = new Set(quiz.items.map((item) => item.id));
  return z.object({
    itemId: z
      .string({ error: "Each answer names a quiz item." })
      .refine((id) => itemIds.has(id), {
        error: (issue) => `Unknown quiz item "${String(issue.input)}".`,
      }),
    value: z.literal(ANSWER_VALUES, { error: ANSWER_VALUE_MESSAGE }),
  });
}

/** A whole attempt's answers: each one valid, and at most one per item. */
export function answersSchema(quiz: Quiz) {
  return z.array(answerSchema(quiz)).superRefine(
    (answers, ctx) => {
      const seen = new Set<string>();
      answers.forEach((answer, index) => {
        // Elements may be half-invalid here (see `when`); only well-formed ids can repeat.
        const itemId: unknown = (answer as { itemId?: unknown } | null)?.itemId;
        if (typeof itemId !== "string") return;
        if (seen.has(itemId)) {
          ctx.addIssue({
            code: "custom",
            message: `Item "${itemId}" is answered twice.`,
            input: itemId,
            path: [index, "itemId"],
          });
        }
        seen.add(itemId);
      });
    },
    // Report duplicates alongside other answers' errors, not only once those are fixed.
    { when: (payload) => Array.isArray(payload.value) },
  );
}

// Choosing two results to compare from the paged list of all results (/me/results): the
// boxes ticked on a page and any chosen on other pages arrive as `choose`, one id each.
import { z } from "zod";

/** A result's (attempt's) id as it appears in an address. */
export const attemptIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);

/**
 * The most ids a choice may carry: one page's boxes and two held from other pages, twice over.
 * More is no address the list makes, so it leads nowhere.
 */
export const MAX_CHOSEN = 24;

/** `choose` as the query has it (absent, one value or many) as a list of ids; at most MAX_CHOSEN. */
export const chosenSchema = z.preprocess(
  (value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]),
  z.array(attemptIdSchema).max(MAX_CHOSEN),
);

/** What a choice lacks to be compared, as the list says it beside the form. */
export type ChoiceProblem = "none" | "one" | "same" | "more";

/** What a list of chosen ids lacks to be a pair; null when it is exactly two distinct ids. */
function problemOf(ids: readonly string[]): ChoiceProblem | null {
  const distinct = new Set(ids).size;
  if (ids.length === 0) return "none";
  if (distinct > 2) return "more";
  if (distinct < ids.length) return "same";
  return distinct === 1 ? "one" : null;
}

/** Exactly two distinct ids: the only choice that can be compared. */
export const pairSchema = z
  .array(attemptIdSchema)
  .superRefine((ids, context) => {
    const problem = problemOf(ids);
    if (problem) context.addIssue({ code: "custom", message: `not two distinct results (${problem})`, params: { problem } });
  })
  .transform((ids) => [ids[0]!, ids[1]!] as const);

/** The pair to compare, or what the choice lacks. */
export function readPair(ids: readonly string[]): { pair: readonly [string, string] } | { problem: ChoiceProblem } {
  const parsed = pairSchema.safeParse(ids);
  if (parsed.success) return { pair: parsed.data };
  const issue = parsed.error.issues[0]!;
  return { problem: (issue.code === "custom" ? (issue.params?.problem as ChoiceProblem | undefined) : undefined) ?? "none" };
}

"use server";

import { notFound, redirect } from "next/navigation";
import { z } from "zod";
import { currentOrNewProfile, currentProfile } from "@/lib/auth/profile";
import { quiz, quizForVersion, quizVersions } from "@/lib/content/quiz";
import { isForeignKeyViolation, TooManyRequests } from "@/lib/data/errors";
import { finishAttempt, saveAnswer, startAttempt } from "@/lib/data/quiz-attempts";
import { databaseUnavailable, NOTHING_SAVED } from "@/lib/http/failures";
import { recordId } from "@/lib/http/ids";
import { questionPath, resultPath } from "@/lib/routes";
import { fieldMessages } from "@/lib/validation/field-messages";
import { CHOOSE_AN_ANSWER } from "@/lib/validation/quiz";

export type AnswerFormState = { error?: string };

/** Starts a fresh attempt (replacing an unfinished one) and opens its first question. */
export async function startQuiz(): Promise<never> {
  // Over a limit, or a database that can't save just now: the quiz page says so beside the button.
  const refused = (error: unknown): never => {
    if (error instanceof TooManyRequests) redirect(`/quiz?wait=${error.retryAfterSeconds}`);
    if (databaseUnavailable(error, "POST")) redirect("/quiz?unsaved=1");
    throw error;
  };
  const profile = await currentOrNewProfile().catch(refused);
  const attempt = await startAttempt(profile).catch((error: unknown) => (isForeignKeyViolation(error) ? signedOut(error) : refused(error)));
  redirect(questionPath(attempt.id, 1));
}

/** The longest version's length: a page of an earlier, longer version still posts a position that parses (and is then told the quiz changed). */
const longestQuiz = Math.max(...quizVersions.map((version) => quizForVersion(version)!.items.length));

const answerForm = z.object({
  attemptId: recordId,
  position: z.coerce.number().int().min(1).max(longestQuiz),
  itemId: recordId,
  value: z.coerce.number({ message: CHOOSE_AN_ANSWER }),
});

/**
 * Saves one answer from the question form and goes on: to the next question, or on the last
 * one to the results. This is the whole flow without JavaScript, and the last step with it.
 */
export async function submitAnswer(_previous: AnswerFormState, formData: FormData): Promise<AnswerFormState> {
  if (!(formData instanceof FormData)) return { error: "That answer could not be saved. Please try again." }; // a hand-made call
  const parsed = answerForm.safeParse({
    attemptId: formData.get("attemptId"),
    position: formData.get("position"),
    itemId: formData.get("itemId"),
    value: formData.get("value") ?? undefined,
  });
  if (!parsed.success) {
    return { error: fieldMessages<keyof typeof answerForm.shape>(parsed.error).value ?? "That answer could not be saved. Please try again." };
  }
  const { attemptId, position, itemId, value } = parsed.data;
  const profile = await currentProfile();
  if (!profile) notFound();

  const saved = await saveAnswer(profile, attemptId, { itemId, value }).catch((error: unknown) => {
    if (databaseUnavailable(error, "POST")) return null;
    return signedOut(error);
  });
  if (!saved) return { error: NOTHING_SAVED };
  if (!("saved" in saved)) {
    if (saved.refused === "not-found") notFound();
    if (saved.refused === "finished") redirect(resultPath(attemptId));
    // Begun on a quiz version since replaced: its own page says so and offers the new one.
    if (saved.refused === "outdated") redirect(questionPath(attemptId, position));
    return { error: saved.refused === "invalid-answer" ? saved.message : "That answer could not be saved." };
  }
  if (position < quiz.items.length) redirect(questionPath(attemptId, position + 1));
  return finish(profile, attemptId, position);
}

/** A write whose profile (or attempt) was deleted just now, by another browser: signed out, nothing here. */
function signedOut(error: unknown): never {
  if (isForeignKeyViolation(error)) notFound();
  throw error;
}

async function finish(profile: { id: string; isGuest: boolean }, attemptId: string, position: number): Promise<never> {
  const finished = await finishAttempt(profile, attemptId);
  if ("finished" in finished) redirect(resultPath(attemptId));
  if (finished.refused === "unanswered") redirect(questionPath(attemptId, finished.firstUnanswered + 1));
  if (finished.refused === "outdated") redirect(questionPath(attemptId, position));
  notFound();
}

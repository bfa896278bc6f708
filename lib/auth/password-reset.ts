import "server-only";
import { headers } from "next/headers";
import { isAPIError } from "better-auth/api";
import { config } from "@/lib/config";
import { db } from "@/lib/db";
import { auth, clientAddress, reserveAll } from "./index";
import { endAllSessions } from "./sessions";
import { passwordProblem } from "./sign-up-rules";

/** What /reset-password says to a link that is unknown, used or too old. */
export const RESET_LINK_REFUSED = "This link doesn’t work any more: it was used already or is too old. Ask for a new one.";

/** Whether "forgot password" emails are sent (SMTP_URL is set). */
export const resetByEmail = (): boolean => config().smtp !== null;

export type ResetRequestOutcome = { done: true } | { done: false; message: string };

/**
 * /forgot-password: asks the auth library to make a one-time link (its token kept in the
 * Verification table for RESET_LINK_MINUTES) and email it, when an account uses the address.
 * The answer is the same whether or not one does. Limited per email and per address.
 */
export async function requestPasswordReset(email: string): Promise<ResetRequestOutcome> {
  const requestHeaders = await headers();
  const key = email.trim().toLowerCase();
  try {
    await reserveAll([
      ["reset-emails-per-address", clientAddress(requestHeaders) ?? undefined],
      ["reset-emails-per-email", key],
    ]);
  } catch (error) {
    if (isAPIError(error) && error.statusCode === 429) return { done: false, message: error.message };
    throw error;
  }
  await auth().api.requestPasswordReset({ body: { email: key } });
  return { done: true };
}

export type ResetOutcome = { done: true } | { done: false; field?: "password"; message: string };

/** The account a reset link is for, or null when the link is unknown or too old. */
async function accountOfLink(token: string): Promise<{ id: string; email: string } | null> {
  const context = await auth().$context;
  const verification = await context.internalAdapter.findVerificationValue(`reset-password:${token}`);
  if (!verification || verification.expiresAt < new Date()) return null;
  const profile = await db().profile.findUnique({ where: { id: verification.value }, select: { id: true, email: true } });
  return profile ? { id: profile.id, email: profile.email ?? "" } : null;
}

/** Whether /reset-password?token=… still has a form to show. */
export async function resetLinkWorks(token: string): Promise<boolean> {
  return (await accountOfLink(token)) !== null;
}

/**
 * /reset-password: with a link's token, sets the new password (the sign-up's rules, hashed by the
 * auth library), uses the link up, and ends every session of the account (database and Redis).
 * Each try counts against the app-wide ceiling on password hashing.
 */
export async function resetPassword(token: string, password: string): Promise<ResetOutcome> {
  const account = await accountOfLink(token);
  if (!account) return { done: false, message: RESET_LINK_REFUSED };
  const problem = passwordProblem(password, account.email);
  if (problem) return { done: false, field: "password", message: problem };
  try {
    await reserveAll([["password-checks", null]]);
    await auth().api.resetPassword({ body: { token, newPassword: password } });
  } catch (error) {
    if (isAPIError(error) && error.statusCode === 429) return { done: false, message: error.message };
    if (isAPIError(error) && error.statusCode === 400) return { done: false, message: RESET_LINK_REFUSED };
    throw error;
  }
  await endAllSessions(account.id);
  return { done: true };
}

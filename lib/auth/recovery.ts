import "server-only";
import { cookies, headers } from "next/headers";
import { isAPIError } from "better-auth/api";
import { config } from "@/lib/config";
import { issueRecoveryCode, redeemRecoveryCode, sealCodeToShow, takeCodeToShow } from "@/lib/data/recovery-codes";
import { auth, clientAddress, reserveAll } from "./index";
import { currentProfile } from "./profile";
import { endAllSessions } from "./sessions";

/** What /recover says to every wrong email or code, so it never tells whether an email has an account. */
export const RECOVERY_REFUSED = "That email and recovery code don’t match an account. Please check both and try again.";

/** How long the page that shows a new code can be opened (once) after it was made. */
const SHOW_WITHIN_SECONDS = 10 * 60;

const cookieName = () => `${config().secureCookies ? "__Secure-" : ""}drawbridge.recovery_code`;

/**
 * Sends the browser a new code to be shown once at /recovery-code: in a short-lived, httpOnly
 * cookie, sealed. Its name starts like the session's, so signing out clears it.
 * Call only from server actions and route handlers.
 */
async function showOnce(profileId: string, code: string): Promise<void> {
  (await cookies()).set(cookieName(), sealCodeToShow(profileId, code), {
    maxAge: SHOW_WITHIN_SECONDS,
    path: "/",
    httpOnly: true,
    sameSite: "lax",
    secure: config().secureCookies,
  });
}

/** The new code this browser was sent, the first time the page asks; null after (or with none). */
export async function recoveryCodeToShow(): Promise<string | null> {
  const sealed = (await cookies()).get(cookieName())?.value;
  return sealed ? takeCodeToShow(sealed) : null;
}

/** Gives a new account (or one asking for a new code) a code and sends it to be shown once. */
export async function giveNewRecoveryCode(profileId: string): Promise<void> {
  await showOnce(profileId, await issueRecoveryCode(profileId));
}

export type RecoveryOutcome = { done: true; signedIn: boolean } | { done: false; message: string };

/**
 * /recover: with the right email and recovery code, sets a new password (hashed by the auth
 * library's own scrypt), ends every session of the account (database and Redis), signs this
 * browser in afresh and sends the next code to be shown once. Each try is reserved first, like a
 * sign-in try (per email, per address, and the app-wide ceiling on password hashing), one atomic
 * reservation per try. A wrong email or code changes nothing and gets RECOVERY_REFUSED.
 */
export async function recoverAccount(email: string, code: string, password: string): Promise<RecoveryOutcome> {
  const requestHeaders = await headers();
  const key = email.trim().toLowerCase();
  try {
    await reserveAll([
      ["recoveries-per-address", clientAddress(requestHeaders) ?? undefined],
      ["recoveries-per-email", key],
      ["password-checks", null],
    ]);
  } catch (error) {
    if (isAPIError(error) && error.statusCode === 429) return { done: false, message: error.message };
    throw error;
  }
  const context = await auth().$context;
  const redeemed = await redeemRecoveryCode(key, code, await context.password.hash(password));
  if (!redeemed) return { done: false, message: RECOVERY_REFUSED };
  await endAllSessions(redeemed.profileId);
  await showOnce(redeemed.profileId, redeemed.newCode);

  // A guest's session cookie goes along, so what the guest saved moves into the account, as at
  // sign-in; any other session cookie has just ended and is left out.
  const visitor = await currentProfile();
  const signInHeaders = new Headers(requestHeaders);
  if (!visitor?.isGuest) signInHeaders.delete("cookie");
  try {
    await auth().api.signInEmail({ body: { email: key, password }, headers: signInHeaders });
    return { done: true, signedIn: true };
  } catch (error) {
    // The password is set all the same (sign-in's own limit can refuse, say): the person signs in themselves.
    if (isAPIError(error)) return { done: true, signedIn: false };
    throw error;
  }
}

/** Whether the visitor is signed in to an account (so may make a new code). */
export async function signedInAccount(): Promise<string | null> {
  const profile = await currentProfile();
  return profile && !profile.isGuest ? profile.id : null;
}

import "server-only";
import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import { adjacencyGraphs, dictionary } from "@zxcvbn-ts/language-common";
import { APIError } from "better-auth/api";
import { newPassword, passwordMessages } from "@/lib/validation/account";
import { authFieldLimits, MAX_AUTH_FIELD_LENGTH } from "@/lib/validation/limits";
import { BROKEN_TEXT, isWellFormedText } from "@/lib/validation/text";

/**
 * The least zxcvbn score a new password needs: 3 is "safely unguessable", an estimated 10^8
 * guesses or more (0–2 are the top passwords, keyboard walks, repeats, a word and two digits).
 */
export const MIN_PASSWORD_SCORE = 3;

/**
 * Only the first 64 characters are estimated: zxcvbn’s time grows with length (a 128-character
 * password costs up to ~75 ms, 64 characters up to ~35 ms), and 64 are plenty to tell a weak one.
 */
const ESTIMATED_LENGTH = 64;

let estimator: ZxcvbnFactory | undefined;
// The common-passwords list (49,233 most used, ranked), the diceware words and keyboard layouts; no language
// dictionaries: they take 35 MB and up to 0.8 s a check, which a sign-up flood would turn into a stall.
const strength = () => (estimator ??= new ZxcvbnFactory({ dictionary, graphs: adjacencyGraphs, maxLength: ESTIMATED_LENGTH }));

// zxcvbn's warnings by key (no translations loaded, so it answers with the key), in our words.
const reasons: Record<string, string> = {
  straightRow: "Straight rows of keys are easy to guess.",
  keyPattern: "Short keyboard patterns are easy to guess.",
  simpleRepeat: "Repeated characters like “aaa” are easy to guess.",
  extendedRepeat: "Repeated patterns like “abcabc” are easy to guess.",
  sequences: "Sequences like “abc” or “1234” are easy to guess.",
  recentYears: "Recent years are easy to guess.",
  dates: "Dates are easy to guess.",
  topTen: "This is one of the most used passwords.",
  topHundred: "This is a very commonly used password.",
  common: "This is a commonly used password.",
  similarToCommon: "This is close to a commonly used password.",
  wordByItself: "A single word on its own is easy to guess.",
  namesByThemselves: "A name on its own is easy to guess.",
  commonNames: "Common names are easy to guess.",
  userInputs: "It is too close to your email address.",
};

/**
 * Why a new password is refused, or null when it is fine: the length, not only spaces or
 * invisible characters, not the email or the part before the @, and not easy to guess
 * (zxcvbn score ≥ MIN_PASSWORD_SCORE against the common-passwords list and the email).
 * The password is taken exactly as typed; only the email comparison ignores case and spaces.
 */
export function passwordProblem(password: string, email: string): string | null {
  const shape = newPassword.safeParse(password);
  if (!shape.success) return shape.error.issues[0]!.message;
  const address = email.trim().toLowerCase();
  const localPart = address.split("@")[0] ?? "";
  const typed = password.trim().toLowerCase();
  if (address && (typed === address || typed === localPart)) return passwordMessages.isEmail;
  const estimate = strength().check(password, [address, localPart].filter(Boolean));
  if (estimate.score >= MIN_PASSWORD_SCORE) return null;
  const warning = estimate.feedback.warning;
  return passwordMessages.easyToGuess((warning && reasons[warning]) || "This password would be easy to guess.");
}

/**
 * Better Auth endpoints the product doesn't use (`disabledPaths`: 404 over HTTP; server code
 * can still call them). Most write profile fields or credentials (name, image, email, password)
 * with no form of ours in front, or need email we don't send; deletion has its own page.
 */
export const UNUSED_AUTH_PATHS = [
  "/update-user",
  "/change-email",
  "/change-password",
  "/set-password",
  "/update-session",
  "/delete-user",
  "/delete-user/callback",
  "/delete-anonymous-user",
  "/request-password-reset",
  "/reset-password",
  "/send-verification-email",
  "/verify-email",
  "/sign-in/social",
  "/link-social",
  "/unlink-account",
  "/list-accounts",
  "/account-info",
  "/get-access-token",
  "/refresh-token",
];

function refuse(field: string, code: string, message: string): never {
  throw new APIError("BAD_REQUEST", { code, message, field });
}

/**
 * The field rules for every /api/auth request (and every auth.api call), run first in the
 * `before` hook: each text field within its length (authFieldLimits) and well-formed, and on
 * sign-up the password rules above. A refusal is a 400 `{ code, message, field }`.
 */
export function checkAuthRequest({ path, body }: { path?: string; body?: unknown }): void {
  if (!body || typeof body !== "object") return;
  const fields = body as Record<string, unknown>;
  for (const [field, value] of Object.entries(fields)) {
    if (typeof value !== "string") continue;
    const max = authFieldLimits[field] ?? MAX_AUTH_FIELD_LENGTH;
    if (value.length > max) refuse(field, "FIELD_TOO_LONG", `The ${field} is too long: at most ${max} characters.`);
    if (!isWellFormedText(value)) refuse(field, "BROKEN_TEXT", BROKEN_TEXT);
  }
  if (path === "/sign-up/email" && typeof fields.password === "string") {
    const problem = passwordProblem(fields.password, typeof fields.email === "string" ? fields.email : "");
    if (problem) refuse("password", "PASSWORD_REFUSED", problem);
  }
}

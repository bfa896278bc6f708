// What sign-up and sign-in accept, shared by the forms and the auth API (client-safe).
import { z } from "zod";
import { MAX_EMAIL_LENGTH, MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from "./limits";
import { hasVisibleText } from "./text";

export const passwordMessages = {
  tooShort: `Please use at least ${MIN_PASSWORD_LENGTH} characters. A short phrase works well.`,
  tooLong: `Please keep it under ${MAX_PASSWORD_LENGTH} characters.`,
  onlySpaces: "A password of only spaces (or other invisible characters) is easy to guess. Please use words, letters or numbers.",
  isEmail: "Please don’t use your email address, or the part before the @, as your password.",
  /** zxcvbn's reason (its warning), said in our words, then what to do instead. */
  easyToGuess: (reason: string) => `${reason} Please choose something harder to guess: three or four unrelated words work well.`,
} as const;

export const email = z
  .string()
  .trim()
  .min(1, "Please enter your email address.")
  .max(MAX_EMAIL_LENGTH, "That email address is too long.")
  .pipe(z.email("Please enter an email address like name@example.org."));

/**
 * A new password's shape, checked in the browser and on the server. Kept exactly as typed:
 * spaces around it are part of it. Whether it is easy to guess is checked on the server only
 * (lib/auth/sign-up-rules.ts), where the list of common passwords lives.
 */
export const newPassword = z
  .string()
  .min(MIN_PASSWORD_LENGTH, passwordMessages.tooShort)
  .max(MAX_PASSWORD_LENGTH, passwordMessages.tooLong)
  .refine(hasVisibleText, passwordMessages.onlySpaces);

"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { giveNewRecoveryCode, recoverAccount, signedInAccount } from "@/lib/auth/recovery";
import { passwordProblem } from "@/lib/auth/sign-up-rules";
import { email, newPassword } from "@/lib/validation/account";
import { fieldMessages } from "@/lib/validation/field-messages";
import { recoveryCode } from "@/lib/validation/recovery-code";

export type RecoverField = "email" | "code" | "password";

export type RecoverFormState = {
  /** What the visitor typed as their email (never the code or the password), shown again on an error. */
  email: string;
  fieldErrors?: Partial<Record<RecoverField, string>>;
  /** A refusal for the whole form: a wrong email or code, too many tries. */
  formError?: string;
};

const recoverForm = z.object({ email, code: recoveryCode, password: newPassword });

/** /recover: a recovery code sets a new password; then the next code is shown once. */
export async function recover(_previous: RecoverFormState, formData: FormData): Promise<RecoverFormState> {
  if (!(formData instanceof FormData)) formData = new FormData(); // a hand-made call: refused as an empty form
  const raw = {
    email: String(formData.get("email") ?? ""),
    code: String(formData.get("code") ?? ""),
    password: String(formData.get("password") ?? ""),
  };
  const parsed = recoverForm.safeParse(raw);
  if (!parsed.success) return { email: raw.email, fieldErrors: fieldMessages<RecoverField>(parsed.error) };
  const { email: address, code, password } = parsed.data;
  // The sign-up's rules for a new password (easy to guess, the email itself), before a try is used.
  const problem = passwordProblem(password, address);
  if (problem) return { email: address, fieldErrors: { password: problem } };

  const outcome = await recoverAccount(address, code, password);
  if (!outcome.done) return { email: address, formError: outcome.message };
  redirect(outcome.signedIn ? "/recovery-code?recovered=1" : "/recovery-code?recovered=1&signed-in=0");
}

/** My journey: a new code for the signed-in account; the old one stops working. Shown once. */
export async function makeNewRecoveryCode(): Promise<void> {
  const profileId = await signedInAccount();
  if (!profileId) redirect("/sign-in");
  await giveNewRecoveryCode(profileId);
  redirect("/recovery-code");
}

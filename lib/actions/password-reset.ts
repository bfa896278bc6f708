"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { requestPasswordReset, resetByEmail, resetPassword } from "@/lib/auth/password-reset";
import { email, newPassword } from "@/lib/validation/account";
import { fieldMessages } from "@/lib/validation/field-messages";

export type ForgotPasswordState = {
  /** What the visitor typed, shown again on an error. */
  email: string;
  fieldErrors?: Partial<Record<"email", string>>;
  /** Too many tries. */
  formError?: string;
  /** The request was taken: the same answer whether or not an account uses the address. */
  sent?: boolean;
};

/** /forgot-password: emails a one-time link to set a new password, if an account uses the address. */
export async function forgotPassword(_previous: ForgotPasswordState, formData: FormData): Promise<ForgotPasswordState> {
  if (!(formData instanceof FormData)) formData = new FormData();
  if (!resetByEmail()) redirect("/recover");
  const raw = String(formData.get("email") ?? "");
  const parsed = z.object({ email }).safeParse({ email: raw });
  if (!parsed.success) return { email: raw, fieldErrors: fieldMessages<"email">(parsed.error) };
  const outcome = await requestPasswordReset(parsed.data.email);
  if (!outcome.done) return { email: parsed.data.email, formError: outcome.message };
  return { email: parsed.data.email, sent: true };
}

export type NewPasswordState = {
  fieldErrors?: Partial<Record<"password", string>>;
  /** The link doesn't work any more, or too many tries. */
  formError?: string;
};

const newPasswordForm = z.object({ token: z.string().trim().min(1).max(200), password: newPassword });

/** /reset-password: the link's token and a new password; then every session ends and the person signs in. */
export async function setNewPassword(_previous: NewPasswordState, formData: FormData): Promise<NewPasswordState> {
  if (!(formData instanceof FormData)) formData = new FormData();
  const parsed = newPasswordForm.safeParse({ token: String(formData.get("token") ?? ""), password: String(formData.get("password") ?? "") });
  if (!parsed.success) {
    const errors = fieldMessages<"token" | "password">(parsed.error);
    if (errors.token) redirect("/reset-password");
    return { fieldErrors: { password: errors.password } };
  }
  const outcome = await resetPassword(parsed.data.token, parsed.data.password);
  if (!outcome.done) return outcome.field ? { fieldErrors: { password: outcome.message } } : { formError: outcome.message };
  redirect("/sign-in?password-reset=1");
}

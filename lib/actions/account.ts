"use server";

import { isAPIError } from "better-auth/api";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { auth, SIGN_IN_REFUSED } from "@/lib/auth";
import { endCurrentSession } from "@/lib/auth/profile";
import { giveNewRecoveryCode } from "@/lib/auth/recovery";
import { email, newPassword } from "@/lib/validation/account";
import { fieldMessages } from "@/lib/validation/field-messages";
import { MAX_PASSWORD_LENGTH } from "@/lib/validation/limits";

export type AccountField = "email" | "password";

export type AccountFormState = {
  /** What the visitor typed as their email (never the password), shown again on an error. */
  email: string;
  fieldErrors?: Partial<Record<AccountField, string>>;
  /** A refusal that belongs to the whole form: wrong credentials, too many tries. */
  formError?: string;
};

const signUpForm = z.object({ email, password: newPassword });

const signInForm = z.object({
  email,
  password: z.string().min(1, "Please enter your password.").max(MAX_PASSWORD_LENGTH, SIGN_IN_REFUSED),
});

function parse<T extends z.ZodType<{ email: string; password: string }>>(schema: T, formData: FormData) {
  if (!(formData instanceof FormData)) formData = new FormData(); // a hand-made call: refused as an empty form
  const raw = { email: String(formData.get("email") ?? ""), password: String(formData.get("password") ?? "") };
  const parsed = schema.safeParse(raw);
  if (parsed.success) return { data: parsed.data as z.infer<T> };
  return { refused: { email: raw.email, fieldErrors: fieldMessages<AccountField>(parsed.error) } satisfies AccountFormState };
}

/** Creates an account; a guest's saved work moves into it. Then shows its recovery code, once. */
export async function signUp(_previous: AccountFormState, formData: FormData): Promise<AccountFormState> {
  const parsed = parse(signUpForm, formData);
  if (parsed.refused) return parsed.refused;
  const { email, password } = parsed.data;
  let profileId: string;
  try {
    profileId = (await auth().api.signUpEmail({ body: { email, password, name: "" }, headers: await headers() })).user.id;
  } catch (error) {
    if (!isAPIError(error)) throw error;
    if (error.statusCode === 422) {
      return { email, fieldErrors: { email: "There’s already an account with this email. Please sign in instead." } };
    }
    if (error.statusCode === 429) return { email, formError: error.message };
    // The auth API's field rules (lib/auth/sign-up-rules.ts: a weak password, say) name their field.
    const field = (error.body as { field?: unknown } | undefined)?.field;
    if (error.statusCode === 400 && (field === "email" || field === "password")) {
      return { email, fieldErrors: { [field]: error.message } };
    }
    return { email, formError: "Your account couldn’t be created just now. Please try again." };
  }
  await giveNewRecoveryCode(profileId);
  redirect("/recovery-code");
}

/** Signs in; a guest's saved work on this device moves into the account. Then opens My journey. */
export async function signIn(_previous: AccountFormState, formData: FormData): Promise<AccountFormState> {
  const parsed = parse(signInForm, formData);
  if (parsed.refused) return parsed.refused;
  const { email, password } = parsed.data;
  try {
    await auth().api.signInEmail({ body: { email, password }, headers: await headers() });
  } catch (error) {
    if (!isAPIError(error)) throw error;
    if (error.statusCode === 429) return { email, formError: error.message };
    return { email, formError: SIGN_IN_REFUSED };
  }
  redirect("/me");
}

/** Ends this browser's session on the server and clears its cookies. */
export async function signOut(): Promise<void> {
  await endCurrentSession();
  redirect("/sign-in?signed-out=1");
}

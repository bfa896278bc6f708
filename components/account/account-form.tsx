"use client";

import { TextLink } from "@/components/ui/text-link";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import type { AccountField, AccountFormState } from "@/lib/actions/account";
import { EmailField, FormError, PasswordField } from "./account-fields";

type AccountFormProps = {
  mode: "sign-up" | "sign-in";
  action: (previous: AccountFormState, formData: FormData) => Promise<AccountFormState>;
};

const words = {
  "sign-up": {
    submit: "Create account",
    pending: "Creating your account…",
  },
  "sign-in": { submit: "Sign in", pending: "Signing in…" },
} as const;

/** Email and password, posted to a server action; works as a plain form post without JavaScript. */
export function AccountForm({ mode, action }: AccountFormProps) {
  const [state, formAction, pending] = useActionState(action, { email: "" });
  const text = words[mode];
  const id = (field: AccountField | "form", part = "") => `${mode}-${field}${part}`;

  return (
    <form action={formAction} noValidate className="space-y-6" aria-describedby={state.formError ? id("form", "-error") : undefined}>
      <FormError id={id("form", "-error")} message={state.formError} />
      <EmailField id={id("email")} email={state.email} error={state.fieldErrors?.email} />
      <PasswordField id={id("password")} label="Password" kind={mode === "sign-up" ? "new" : "current"} error={state.fieldErrors?.password} />
      <Button type="submit" disabled={pending}>
        {pending ? text.pending : text.submit}
      </Button>
      <p className="text-muted">
        {mode === "sign-up" ? (
          <>
            Already have an account? <TextLink href="/sign-in">Sign in</TextLink>
          </>
        ) : (
          <>
            New here? <TextLink href="/sign-up">Create an account</TextLink>
          </>
        )}
      </p>
    </form>
  );
}

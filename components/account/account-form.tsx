"use client";

import { TextLink } from "@/components/ui/text-link";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import type { AccountField, AccountFormState } from "@/lib/actions/account";
import { MIN_PASSWORD_LENGTH } from "@/lib/validation/limits";

type AccountFormProps = {
  mode: "sign-up" | "sign-in";
  action: (previous: AccountFormState, formData: FormData) => Promise<AccountFormState>;
};

const words = {
  "sign-up": {
    submit: "Create account",
    pending: "Creating your account…",
    passwordHint: `At least ${MIN_PASSWORD_LENGTH} characters, not a common password or your email. A short phrase you’ll remember works well.`,
    autoComplete: "new-password",
  },
  "sign-in": { submit: "Sign in", pending: "Signing in…", passwordHint: null, autoComplete: "current-password" },
} as const;

/** Email and password, posted to a server action; works as a plain form post without JavaScript. */
export function AccountForm({ mode, action }: AccountFormProps) {
  const [state, formAction, pending] = useActionState(action, { email: "" });
  const text = words[mode];
  const id = (field: AccountField | "form", part = "") => `${mode}-${field}${part}`;
  const control =
    "mt-2 block min-h-12 w-full rounded-xl border border-line-strong bg-canvas px-4 py-2 text-ink aria-[invalid=true]:border-accent";

  return (
    <form action={formAction} noValidate className="space-y-6" aria-describedby={state.formError ? id("form", "-error") : undefined}>
      {state.formError ? (
        <p id={id("form", "-error")} role="alert" className="rounded-xl border border-accent bg-accent-soft px-4 py-3 font-medium">
          {state.formError}
        </p>
      ) : null}
      <Field id={id("email")} label="Email" error={state.fieldErrors?.email}>
        {(wiring) => (
          <input
            {...wiring}
            name="email"
            type="email"
            autoComplete="email"
            required
            defaultValue={state.email}
            key={`email-${state.email}`}
            className={control}
          />
        )}
      </Field>
      <Field id={id("password")} label="Password" hint={text.passwordHint} error={state.fieldErrors?.password}>
        {(wiring) => (
          <input
            {...wiring}
            name="password"
            type="password"
            autoComplete={text.autoComplete}
            required
            minLength={mode === "sign-up" ? MIN_PASSWORD_LENGTH : undefined}
            className={control}
          />
        )}
      </Field>
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

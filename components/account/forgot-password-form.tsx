"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import type { ForgotPasswordState } from "@/lib/actions/password-reset";

type ForgotPasswordFormProps = {
  action: (previous: ForgotPasswordState, formData: FormData) => Promise<ForgotPasswordState>;
};

const control =
  "mt-2 block min-h-12 w-full rounded-xl border border-line-strong bg-canvas px-4 py-2 text-ink aria-[invalid=true]:border-accent";

/** One email field, posted to a server action; a plain form post without JavaScript. */
export function ForgotPasswordForm({ action }: ForgotPasswordFormProps) {
  const [state, formAction, pending] = useActionState(action, { email: "" });

  if (state.sent) {
    return (
      <p role="status" className="rounded-xl border border-line bg-surface px-4 py-3 font-medium">
        If an account uses that address, we’ve sent a link to it. The link works once, for an hour. Nothing there?
        Check your spam folder, or use your recovery code.
      </p>
    );
  }
  return (
    <form action={formAction} noValidate className="space-y-6" aria-describedby={state.formError ? "forgot-form-error" : undefined}>
      {state.formError ? (
        <p id="forgot-form-error" role="alert" className="rounded-xl border border-accent bg-accent-soft px-4 py-3 font-medium">
          {state.formError}
        </p>
      ) : null}
      <Field id="forgot-email" label="Email" error={state.fieldErrors?.email}>
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
      <Button type="submit" disabled={pending}>
        {pending ? "Sending…" : "Email me a link"}
      </Button>
    </form>
  );
}

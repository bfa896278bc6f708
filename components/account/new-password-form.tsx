"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import type { NewPasswordState } from "@/lib/actions/password-reset";
import { MIN_PASSWORD_LENGTH } from "@/lib/validation/limits";

type NewPasswordFormProps = {
  token: string;
  action: (previous: NewPasswordState, formData: FormData) => Promise<NewPasswordState>;
};

const control =
  "mt-2 block min-h-12 w-full rounded-xl border border-line-strong bg-canvas px-4 py-2 text-ink aria-[invalid=true]:border-accent";

/** The new password for the account a reset link is for; a plain form post without JavaScript. */
export function NewPasswordForm({ token, action }: NewPasswordFormProps) {
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <form action={formAction} noValidate className="space-y-6" aria-describedby={state.formError ? "new-password-form-error" : undefined}>
      {state.formError ? (
        <p id="new-password-form-error" role="alert" className="rounded-xl border border-accent bg-accent-soft px-4 py-3 font-medium">
          {state.formError}
        </p>
      ) : null}
      <input type="hidden" name="token" value={token} />
      <Field
        id="new-password"
        label="New password"
        hint={`At least ${MIN_PASSWORD_LENGTH} characters, not a common password or your email. A short phrase you’ll remember works well.`}
        error={state.fieldErrors?.password}
      >
        {(wiring) => (
          <input
            {...wiring}
            name="password"
            type="password"
            autoComplete="new-password"
            required
            minLength={MIN_PASSWORD_LENGTH}
            className={control}
          />
        )}
      </Field>
      <Button type="submit" disabled={pending}>
        {pending ? "Setting your new password…" : "Set new password"}
      </Button>
    </form>
  );
}

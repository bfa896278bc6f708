"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import type { NewPasswordState } from "@/lib/actions/password-reset";
import { FormError, PasswordField } from "./account-fields";

type NewPasswordFormProps = {
  token: string;
  action: (previous: NewPasswordState, formData: FormData) => Promise<NewPasswordState>;
};

/** The new password for the account a reset link is for; a plain form post without JavaScript. */
export function NewPasswordForm({ token, action }: NewPasswordFormProps) {
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <form action={formAction} noValidate className="space-y-6" aria-describedby={state.formError ? "new-password-form-error" : undefined}>
      <FormError id="new-password-form-error" message={state.formError} />
      <input type="hidden" name="token" value={token} />
      <PasswordField id="new-password" label="New password" kind="new" error={state.fieldErrors?.password} />
      <Button type="submit" disabled={pending}>
        {pending ? "Setting your new password…" : "Set new password"}
      </Button>
    </form>
  );
}

"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import type { ForgotPasswordState } from "@/lib/actions/password-reset";
import { EmailField, FormError } from "./account-fields";

type ForgotPasswordFormProps = {
  action: (previous: ForgotPasswordState, formData: FormData) => Promise<ForgotPasswordState>;
};

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
      <FormError id="forgot-form-error" message={state.formError} />
      <EmailField id="forgot-email" email={state.email} error={state.fieldErrors?.email} />
      <Button type="submit" disabled={pending}>
        {pending ? "Sending…" : "Email me a link"}
      </Button>
    </form>
  );
}

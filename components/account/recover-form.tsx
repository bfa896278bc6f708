"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import type { RecoverField, RecoverFormState } from "@/lib/actions/recovery";
import { accountControl, EmailField, FormError, PasswordField } from "./account-fields";

type RecoverFormProps = {
  action: (previous: RecoverFormState, formData: FormData) => Promise<RecoverFormState>;
};

/** Email, recovery code and a new password, posted to a server action; a plain form post without JavaScript. */
export function RecoverForm({ action }: RecoverFormProps) {
  const [state, formAction, pending] = useActionState(action, { email: "" });
  const id = (field: RecoverField | "form", part = "") => `recover-${field}${part}`;

  return (
    <form action={formAction} noValidate className="space-y-6" aria-describedby={state.formError ? id("form", "-error") : undefined}>
      <FormError id={id("form", "-error")} message={state.formError} />
      <EmailField id={id("email")} email={state.email} error={state.fieldErrors?.email} />
      <Field
        id={id("code")}
        label="Recovery code"
        hint="The 20 letters and digits you were given, like ABCD-EFGH-JKMN-PQRS-TVWX. Dashes and case don’t matter."
        error={state.fieldErrors?.code}
      >
        {(wiring) => (
          <input
            {...wiring}
            name="code"
            type="text"
            autoComplete="one-time-code"
            autoCapitalize="characters"
            spellCheck={false}
            required
            className={`${accountControl} font-mono tracking-wider`}
          />
        )}
      </Field>
      <PasswordField id={id("password")} label="New password" kind="new" error={state.fieldErrors?.password} />
      <Button type="submit" disabled={pending}>
        {pending ? "Setting your new password…" : "Set new password"}
      </Button>
    </form>
  );
}

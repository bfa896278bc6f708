"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import type { RecoverField, RecoverFormState } from "@/lib/actions/recovery";
import { MIN_PASSWORD_LENGTH } from "@/lib/validation/limits";

type RecoverFormProps = {
  action: (previous: RecoverFormState, formData: FormData) => Promise<RecoverFormState>;
};

const control =
  "mt-2 block min-h-12 w-full rounded-xl border border-line-strong bg-canvas px-4 py-2 text-ink aria-[invalid=true]:border-accent";

/** Email, recovery code and a new password, posted to a server action; a plain form post without JavaScript. */
export function RecoverForm({ action }: RecoverFormProps) {
  const [state, formAction, pending] = useActionState(action, { email: "" });
  const id = (field: RecoverField | "form", part = "") => `recover-${field}${part}`;

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
            className={`${control} font-mono tracking-wider`}
          />
        )}
      </Field>
      <Field
        id={id("password")}
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

import { Field } from "@/components/ui/field";
import { MIN_PASSWORD_LENGTH } from "@/lib/validation/limits";

// The pieces the account forms share (sign-up, sign-in, /recover, /forgot-password,
// /reset-password): the message above a refused form, the email field and the password field.

export const accountControl =
  "mt-2 block min-h-12 w-full rounded-xl border border-line-strong bg-canvas px-4 py-2 text-ink aria-[invalid=true]:border-accent";

/** Said under a new password's label, wherever one is chosen. */
export const NEW_PASSWORD_HINT = `At least ${MIN_PASSWORD_LENGTH} characters, not a common password or your email. A short phrase you’ll remember works well.`;

/** Why the whole form was refused, above it; the form names it with aria-describedby={id}. */
export function FormError({ id, message }: { id: string; message?: string }) {
  return message ? (
    <p id={id} role="alert" className="rounded-xl border border-accent bg-accent-soft px-4 py-3 font-medium">
      {message}
    </p>
  ) : null;
}

/** The email field, keeping what was typed when the form comes back refused. */
export function EmailField({ id, email, error }: { id: string; email: string; error?: string }) {
  return (
    <Field id={id} label="Email" error={error}>
      {(wiring) => (
        <input {...wiring} name="email" type="email" autoComplete="email" required defaultValue={email} key={`email-${email}`} className={accountControl} />
      )}
    </Field>
  );
}

/** A password field: a new one (with its rules said under the label), or the current one to sign in. */
export function PasswordField({ id, label, error, kind }: { id: string; label: string; error?: string; kind: "new" | "current" }) {
  return (
    <Field id={id} label={label} hint={kind === "new" ? NEW_PASSWORD_HINT : undefined} error={error}>
      {(wiring) => (
        <input
          {...wiring}
          name="password"
          type="password"
          autoComplete={kind === "new" ? "new-password" : "current-password"}
          required
          minLength={kind === "new" ? MIN_PASSWORD_LENGTH : undefined}
          className={accountControl}
        />
      )}
    </Field>
  );
}

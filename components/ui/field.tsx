import type { ReactNode } from "react";
import { cn } from "./cn";

/** What a field's control needs to be named, described and marked invalid. */
export type FieldControlProps = {
  id: string;
  "aria-invalid": true | undefined;
  "aria-describedby": string | undefined;
};

type FieldProps = {
  /** The control's id; its hint and message are `${id}-hint` and `${id}-error`. */
  id: string;
  label: ReactNode;
  /** A line that helps fill it in: read with the control, shown under the label or under the control. */
  hint?: ReactNode;
  hintPlacement?: "under-label" | "under-control";
  /** Why the value was refused, shown under the control; the control is then marked invalid. */
  error?: string;
  /** Announce the message as it appears (for forms that stay on the page when refused). */
  errorRole?: "alert";
  /** The id of other text that describes the control (a note, or a message above the form), read last. */
  describedBy?: string;
  /** Marks the control invalid when the message about it is shown elsewhere (see describedBy). */
  invalid?: boolean;
  className?: string;
  /** The control itself (input, textarea, select), given its id and aria wiring. */
  children: (control: FieldControlProps) => ReactNode;
};

/** A form field: label, control, hint and message, with the control labelled and described by them. */
export function Field({ id, label, hint, hintPlacement = "under-label", error, errorRole, describedBy, invalid, className, children }: FieldProps) {
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const described = cn(hint ? hintId : null, error ? errorId : null, describedBy) || undefined;
  const hintText = hint ? (
    <p id={hintId} className={cn("text-sm text-muted", hintPlacement === "under-label" ? "mt-1" : "mt-2")}>
      {hint}
    </p>
  ) : null;

  return (
    <div className={className}>
      <label htmlFor={id} className="block font-semibold">
        {label}
      </label>
      {hintPlacement === "under-label" ? hintText : null}
      {children({ id, "aria-invalid": error || invalid ? true : undefined, "aria-describedby": described })}
      {hintPlacement === "under-control" ? hintText : null}
      {error ? (
        <p id={errorId} role={errorRole} className="mt-2 font-medium text-accent">
          {error}
        </p>
      ) : null}
    </div>
  );
}

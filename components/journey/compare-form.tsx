import { buttonClassName, type ButtonVariant } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import type { NumberedResult } from "./format";

type Props = {
  /** Newest first; at least two. */
  results: readonly NumberedResult[];
  /** The choices to show; by default the two newest results. */
  from?: string;
  to?: string;
  /** Shown above the choices when the last pair couldn't be compared. */
  error?: string;
  variant?: ButtonVariant;
};

const select = "mt-2 block min-h-12 w-full rounded-xl border border-line-strong bg-canvas px-3 py-2 text-ink";

/**
 * Two results to put side by side: a plain GET form to /me/compare, so it works the same
 * with or without JavaScript and the comparison has an address of its own.
 */
export function CompareForm({ results, from, to, error, variant = "secondary" }: Props) {
  const errorId = "compare-error";
  const errorShown = error ? errorId : undefined;
  const option = (result: NumberedResult) => (
    <option key={result.id} value={result.id}>
      {result.date} ({result.title})
    </option>
  );
  return (
    <form method="get" action="/me/compare" aria-label="Choose two results to compare" className="max-w-reading">
      {error ? (
        <p id={errorId} role="alert" className="mb-4 font-medium text-accent">
          {error}
        </p>
      ) : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="compare-from" label="Earlier result" describedBy={errorShown} invalid={Boolean(error)}>
          {(wiring) => (
            <select {...wiring} name="from" defaultValue={from ?? results[1]?.id} className={select}>
              {results.map(option)}
            </select>
          )}
        </Field>
        <Field id="compare-to" label="Later result" describedBy={errorShown} invalid={Boolean(error)}>
          {(wiring) => (
            <select {...wiring} name="to" defaultValue={to ?? results[0]?.id} className={select}>
              {results.map(option)}
            </select>
          )}
        </Field>
      </div>
      <button type="submit" className={buttonClassName(variant, "mt-5")}>
        Compare these two
      </button>
    </form>
  );
}

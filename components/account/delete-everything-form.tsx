"use client";

import { useActionState, useEffect, useRef } from "react";
import { Button } from "@/components/ui/button";
import { deleteEverything, type DeleteEverythingState } from "@/lib/actions/profile";

type Props = {
  /** The word to type, e.g. "delete". */
  word: string;
};

/**
 * The last step before deleting everything: type the word, then press the button. A plain
 * form post without JavaScript; with it, a wrong word is answered without reloading the page.
 */
export function DeleteEverythingForm({ word }: Props) {
  const [state, formAction, deleting] = useActionState<DeleteEverythingState, FormData>(deleteEverything, {
    confirmation: "",
  });
  const field = useRef<HTMLInputElement>(null);
  const fieldId = "deletion-confirmation";
  const hintId = `${fieldId}-hint`;
  const errorId = `${fieldId}-error`;

  // After a wrong word, the box is ready for the right one: focused, with the old word selected.
  useEffect(() => {
    if (!state.error) return;
    field.current?.focus();
    field.current?.select();
  }, [state]);

  return (
    <form action={formAction} noValidate className="max-w-reading space-y-3">
      <label htmlFor={fieldId} className="block font-semibold">
        To confirm, type the word <span className="font-mono">{word}</span>
      </label>
      <p id={hintId} className="text-sm text-muted">
        This can’t be undone. Nothing is deleted until you press the button.
      </p>
      <input
        ref={field}
        id={fieldId}
        name="confirmation"
        type="text"
        defaultValue={state.confirmation}
        autoComplete="off"
        autoCapitalize="none"
        autoCorrect="off"
        spellCheck={false}
        aria-invalid={state.error ? true : undefined}
        aria-describedby={state.error ? `${errorId} ${hintId}` : hintId}
        className="block min-h-12 w-full max-w-xs rounded-xl border border-line-strong bg-canvas px-4 py-2.5"
      />
      {state.error ? (
        <p id={errorId} role="alert" className="font-medium text-accent">
          {state.error}
        </p>
      ) : null}
      <div className="pt-2">
        <Button type="submit" disabled={deleting}>
          {deleting ? "Deleting…" : "Delete everything"}
        </Button>
      </div>
    </form>
  );
}

"use client";

import { useActionState, useEffect, useRef } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
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

  // After a wrong word, the box is ready for the right one: focused, with the old word selected.
  useEffect(() => {
    if (!state.error) return;
    field.current?.focus();
    field.current?.select();
  }, [state]);

  return (
    <form action={formAction} noValidate className="max-w-reading space-y-3">
      <Field
        id="deletion-confirmation"
        label={
          <>
            To confirm, type the word <span className="font-mono">{word}</span>
          </>
        }
        hint="This can’t be undone. Nothing is deleted until you press the button."
        error={state.error}
        errorRole="alert"
      >
        {(wiring) => (
          <input
            {...wiring}
            ref={field}
            name="confirmation"
            type="text"
            defaultValue={state.confirmation}
            autoComplete="off"
            autoCapitalize="none"
            autoCorrect="off"
            spellCheck={false}
            className="mt-2 block min-h-12 w-full max-w-xs rounded-xl border border-line-strong bg-canvas px-4 py-2.5"
          />
        )}
      </Field>
      <div className="pt-2">
        <Button type="submit" disabled={deleting}>
          {deleting ? "Deleting…" : "Delete everything"}
        </Button>
      </div>
    </form>
  );
}

"use client";

import { startTransition, useActionState, useEffect, useRef, useState } from "react";
import { saveReflectionForm, type ReflectionFormState } from "@/lib/actions/reflections";
import { buttonClassName } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { REFLECTION_MAX_LENGTH as LIMIT } from "@/lib/validation/limits";
import { afterFirstSave, canSaveNow } from "./first-save";
import { formatCount } from "@/lib/format";

const AUTOSAVE_AFTER_MS = 1200;

type Props = { lessonSlug: string; promptId: string; prompt: string };

/**
 * A reflection prompt with its answer. Without JavaScript, Save posts the form and the page
 * comes back with it saved. With it, the saved answer is fetched on arrival, and typing saves
 * itself a moment after you pause.
 */
export function ReflectionForm({ lessonSlug, promptId, prompt }: Props) {
  const [state, formAction, saving] = useActionState<ReflectionFormState, FormData>(saveReflectionForm, { text: "" });
  const [text, setText] = useState(state.text);
  const [loaded, setLoaded] = useState(false);
  const edited = useRef(false);
  const form = useRef<HTMLFormElement>(null);
  const fieldId = `reflection-${promptId}`;
  const noteId = `${fieldId}-note`;

  // Bring back what the visitor wrote before (unless they have started typing already).
  useEffect(() => {
    let cancelled = false;
    fetch(`/api/lessons/${lessonSlug}/reflections`)
      .then((response) => (response.ok ? response.json() : null))
      .then((body: { reflections?: Record<string, string> } | null) => {
        if (cancelled) return;
        const saved = body?.reflections?.[promptId];
        if (saved !== undefined && !edited.current) setText(saved);
        setLoaded(true);
      })
      .catch(() => setLoaded(true));
    return () => {
      cancelled = true;
    };
  }, [lessonSlug, promptId]);

  // Quiet autosave: a moment after typing stops.
  useEffect(() => {
    if (!edited.current) return;
    const timer = setTimeout(() => {
      if (form.current) save(new FormData(form.current));
    }, AUTOSAVE_AFTER_MS);
    return () => clearTimeout(timer);
    // Only typing restarts the timer; save() is new on every render and reads the form when it fires.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [text, formAction]);

  // Sent once any save already on its way has answered (see first-save.ts).
  function save(data: FormData) {
    void afterFirstSave(async () => startTransition(() => formAction(data)));
  }

  const savedThisText = state.savedAt !== undefined && state.text === text;

  // Leaving the step (Next, a link) before the pause is over still saves what was typed.
  const unsaved = useRef<string | null>(null);
  useEffect(() => {
    unsaved.current = edited.current && !savedThisText && !state.error ? text : null;
  });
  useEffect(
    () => () => {
      if (unsaved.current === null) return;
      const data = new FormData();
      data.set("lessonSlug", lessonSlug);
      data.set("promptId", promptId);
      data.set("text", unsaved.current);
      void afterFirstSave(() => saveReflectionForm({ text: "" }, data)).catch(() => {
        // The page is gone; nothing left to tell.
      });
    },
    [lessonSlug, promptId],
  );
  const status = saving ? "Saving…" : state.error ? "" : savedThisText ? "Saved" : edited.current ? "Not saved yet" : "";

  return (
    <form
      ref={form}
      action={formAction}
      onSubmit={(event) => {
        if (canSaveNow()) return; // React posts it to the action as usual
        event.preventDefault();
        save(new FormData(event.currentTarget));
      }}
      className="space-y-3"
    >
      <input type="hidden" name="lessonSlug" value={lessonSlug} />
      <input type="hidden" name="promptId" value={promptId} />
      <Field id={fieldId} label={prompt} error={state.error} errorRole="alert" describedBy={state.error ? undefined : noteId}>
        {(wiring) => (
          <textarea
            {...wiring}
            name="text"
            rows={6}
            value={text}
            onChange={(event) => {
              edited.current = true;
              setText(event.target.value);
            }}
            className="mt-3 block w-full rounded-xl border border-line-strong bg-canvas px-4 py-3 leading-relaxed"
            placeholder={loaded ? "Write as much or as little as you like." : undefined}
          />
        )}
      </Field>
      <div className="flex flex-wrap items-center gap-4">
        <button type="submit" className={buttonClassName("secondary")} disabled={saving}>
          Save reflection
        </button>
        <p role="status" className="text-sm text-muted">
          {status}
          {text.length > LIMIT * 0.9 ? ` · ${formatCount(text.length)} of ${formatCount(LIMIT)} characters` : ""}
        </p>
      </div>
      <p id={noteId} className="text-sm text-muted">
        Private to you. Saved on this device’s session; nothing is shared.
      </p>
    </form>
  );
}

"use client";

import { useState, type FormEvent } from "react";
import { flushSync } from "react-dom";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Field } from "@/components/ui/field";
import type { PracticeEntrySaveResult } from "@/lib/actions/practice-entries";
import { PRACTICE_TEXTS } from "@/lib/notes";
import { EARLIEST_PRACTICE_DAY, PRACTICE_TEXT_MAX_LENGTH } from "@/lib/validation/limits";
import type { PracticeEntryDraft, PracticeEntryField } from "@/lib/validation/practice-entries";

/** What a save from the form came to: the server's answer, or null when it didn't reach the server. */
export type PracticeEntrySaveOutcome = PracticeEntrySaveResult | null;

type Props = {
  idPrefix: string;
  initial: PracticeEntryDraft;
  submitLabel: string;
  onSave: (draft: PracticeEntryDraft) => Promise<PracticeEntrySaveOutcome>;
  onCancel?: () => void;
  /** The id of the heading that names the form. */
  labelledBy: string;
};

const fieldOrder: PracticeEntryField[] = ["practisedOn", ...PRACTICE_TEXTS.map((text) => text.name)];
const COULD_NOT_REACH = "We couldn’t reach Drawbridge just now. Your words are still here; try again in a moment.";
const control = "mt-2 block rounded-xl border border-line-strong bg-canvas px-4 text-ink";

/** A practice entry's date and three texts, with each field's message beside it. */
export function PracticeEntryForm({ idPrefix, initial, submitLabel, onSave, onCancel, labelledBy }: Props) {
  const [values, setValues] = useState<PracticeEntryDraft>(() => ({
    practisedOn: initial.practisedOn,
    whatHappened: initial.whatHappened,
    whatNoticed: initial.whatNoticed,
    whatYouDid: initial.whatYouDid,
  }));
  const [errors, setErrors] = useState<Partial<Record<PracticeEntryField, string>>>({});
  const [problem, setProblem] = useState("");
  const [saving, setSaving] = useState(false);

  const fieldId = (name: PracticeEntryField) => `${idPrefix}-${name}`;
  const change = (name: PracticeEntryField, value: string) => {
    setValues((previous) => ({ ...previous, [name]: value }));
    setErrors((previous) => ({ ...previous, [name]: undefined }));
  };

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (saving) return; // a double press saves once
    setSaving(true);
    setProblem("");
    const outcome = await onSave(values);
    setSaving(false);
    if (outcome === null) return setProblem(COULD_NOT_REACH);
    if ("entry" in outcome) return;
    // Render the messages first, so the field is already described when it takes focus.
    flushSync(() => {
      setErrors(outcome.fieldErrors);
      if (Object.keys(outcome.fieldErrors).length === 0) setProblem(outcome.error || COULD_NOT_REACH);
    });
    const first = fieldOrder.find((name) => outcome.fieldErrors[name]);
    if (first) document.getElementById(fieldId(first))?.focus();
  }

  return (
    <form onSubmit={submit} noValidate aria-labelledby={labelledBy} className="mt-4 space-y-5">
      <Field id={fieldId("practisedOn")} label="The day it happened" error={errors.practisedOn}>
        {(wiring) => (
          <input
            {...wiring}
            name="practisedOn"
            type="date"
            min={EARLIEST_PRACTICE_DAY}
            value={values.practisedOn}
            onChange={(event) => change("practisedOn", event.target.value)}
            className={cn(control, "min-h-12 py-2")}
          />
        )}
      </Field>
      {PRACTICE_TEXTS.map((text) => (
        <Field key={text.name} id={fieldId(text.name)} label={text.label} error={errors[text.name]}>
          {(wiring) => (
            <textarea
              {...wiring}
              name={text.name}
              rows={3}
              maxLength={PRACTICE_TEXT_MAX_LENGTH}
              value={values[text.name]}
              onChange={(event) => change(text.name, event.target.value)}
              className={cn(control, "w-full py-3 leading-relaxed")}
            />
          )}
        </Field>
      ))}
      {problem ? (
        <p role="alert" className="font-medium text-accent">
          {problem}
        </p>
      ) : null}
      <div className="flex flex-wrap gap-3">
        <Button type="submit">{saving ? "Saving…" : submitLabel}</Button>
        {onCancel ? (
          <Button variant="secondary" onClick={onCancel}>
            Cancel
          </Button>
        ) : null}
      </div>
    </form>
  );
}

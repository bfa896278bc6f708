"use client";

import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { flushSync } from "react-dom";
import { Button } from "@/components/ui/button";
import { PRACTICE_TEXTS } from "@/lib/notes";
import { afterFirstSave } from "./first-save";

type Props = {
  /** A capacity id from content/capacities.json, e.g. "catching-the-reflex". */
  capacity: string;
  /** Its name as readers see it, e.g. "Catching the reflex". */
  capacityName: string;
  /**
   * The log's heading level; its parts go one and two levels below. 3 (the default) beside a
   * lesson step's h3 "Practice" panel, 4 inside it.
   */
  headingLevel?: 2 | 3 | 4;
};

/** An entry as the practice routes send it. */
export type PracticeLogEntry = {
  id: string;
  practisedOn: string; // YYYY-MM-DD
  whatHappened: string;
  whatNoticed: string;
  whatYouDid: string;
};
type Fields = Omit<PracticeLogEntry, "id">;
type FieldErrors = Partial<Record<keyof Fields, string>>;
type SaveOutcome = { entry: PracticeLogEntry } | { fieldErrors: FieldErrors; error: string } | { failed: true };

const texts = PRACTICE_TEXTS;
const fieldOrder: (keyof Fields)[] = ["practisedOn", ...texts.map((text) => text.name)];
const COULD_NOT_REACH = "We couldn’t reach Drawbridge just now. Your words are still here; try again in a moment.";
const json = { "Content-Type": "application/json" };

/** Today where the visitor is, as YYYY-MM-DD (the date input's format). */
function localToday(): string {
  const now = new Date();
  return [now.getFullYear(), now.getMonth() + 1, now.getDate()].map((n) => String(n).padStart(2, "0")).join("-");
}

const dayFormat = new Intl.DateTimeFormat("en-GB", {
  weekday: "long",
  day: "numeric",
  month: "long",
  year: "numeric",
  timeZone: "UTC", // the day is stored as UTC midnight; show that same calendar day everywhere
});
const formatDay = (day: string) => dayFormat.format(new Date(`${day}T00:00:00Z`));
const newestFirst = (entries: PracticeLogEntry[]) =>
  [...entries].sort((a, b) => b.practisedOn.localeCompare(a.practisedOn));

async function saveEntry(url: string, method: "POST" | "PUT", fields: Fields): Promise<SaveOutcome> {
  try {
    const response = await afterFirstSave(() => fetch(url, { method, headers: json, body: JSON.stringify(fields) }));
    const body = await response.json().catch(() => ({}));
    if (response.ok && body.entry) return { entry: body.entry };
    if (response.status === 400) return { fieldErrors: body.fieldErrors ?? {}, error: body.error ?? "" };
    if (response.status === 404) return { fieldErrors: {}, error: body.error ?? "This entry isn’t here any more." };
    // A full log (409) or too many saves at once (429): the server's sentence says what to do.
    if ((response.status === 409 || response.status === 429) && body.error) return { fieldErrors: {}, error: body.error };
  } catch {
    // offline, or the server did not answer: said below, in one line
  }
  return { failed: true };
}

/**
 * The "caught it" log under a capacity's practice: add an entry, read, edit and delete your
 * own. The lesson page around it is prerendered, so the visitor's entries are fetched here.
 */
export function PracticeLog({ capacity, capacityName, headingLevel = 3 }: Props) {
  const Heading = `h${headingLevel}` as const;
  const Subheading = `h${headingLevel + 1}` as "h3" | "h4" | "h5";
  const EntryHeading = `h${headingLevel + 2}` as "h4" | "h5" | "h6";
  const id = useId();
  const collection = `/api/practice/${encodeURIComponent(capacity)}/entries`;

  const [entries, setEntries] = useState<PracticeLogEntry[] | null>(null); // null until loaded
  const [loadFailed, setLoadFailed] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const [today, setToday] = useState(""); // known only in the browser, never at build time
  const [addedCount, setAddedCount] = useState(0); // a new key empties the add form
  const [editing, setEditing] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [deleteProblem, setDeleteProblem] = useState("");
  const [status, setStatus] = useState("");
  const focusAfterRender = useRef<string | null>(null);

  useEffect(() => setToday(localToday()), []);

  useEffect(() => {
    let current = true;
    setLoadFailed(false);
    fetch(collection, { cache: "no-store" })
      .then((response) => (response.ok ? response.json() : Promise.reject(new Error(`HTTP ${response.status}`))))
      .then((body: { entries: PracticeLogEntry[] }) => current && setEntries(newestFirst(body.entries)))
      .catch(() => current && setLoadFailed(true));
    return () => {
      current = false;
    };
  }, [collection, attempt]);

  // Focus moves to an element that only exists after the state change has rendered.
  useEffect(() => {
    if (!focusAfterRender.current) return;
    document.getElementById(focusAfterRender.current)?.focus();
    focusAfterRender.current = null;
  });

  const statusId = `${id}-status`;
  const listHeadingId = `${id}-entries`;
  const entryId = (entry: PracticeLogEntry, part: string) => `${id}-${entry.id}-${part}`;

  function announce(message: string, focusId: string) {
    setStatus(message);
    focusAfterRender.current = focusId;
  }

  async function add(fields: Fields): Promise<SaveOutcome> {
    setStatus("");
    const outcome = await saveEntry(collection, "POST", fields);
    if ("entry" in outcome) {
      const added = outcome.entry;
      setEntries((previous) => (previous ? newestFirst([added, ...previous]) : previous));
      setAddedCount((count) => count + 1);
      announce("Entry saved", statusId);
    }
    return outcome;
  }

  async function update(entry: PracticeLogEntry, fields: Fields): Promise<SaveOutcome> {
    setStatus("");
    const outcome = await saveEntry(`/api/practice/entries/${encodeURIComponent(entry.id)}`, "PUT", fields);
    if ("entry" in outcome) {
      const saved = outcome.entry;
      setEntries((previous) => previous && newestFirst(previous.map((e) => (e.id === saved.id ? saved : e))));
      setEditing(null);
      announce("Changes saved", entryId(entry, "edit"));
    }
    return outcome;
  }

  async function remove(entry: PracticeLogEntry) {
    setDeleteProblem("");
    try {
      const response = await fetch(`/api/practice/entries/${encodeURIComponent(entry.id)}`, { method: "DELETE" });
      // 404: it is already gone (another tab, perhaps), which is what was asked for.
      if (!response.ok && response.status !== 404) throw new Error(`HTTP ${response.status}`);
    } catch {
      setDeleteProblem("We couldn’t delete it just now. Please try again in a moment.");
      return;
    }
    setEntries((previous) => previous && previous.filter((e) => e.id !== entry.id));
    setConfirming(null);
    announce("Entry deleted", listHeadingId);
  }

  function startEditing(entry: PracticeLogEntry) {
    setConfirming(null);
    setEditing(entry.id);
    setStatus("");
    focusAfterRender.current = `${entryId(entry, "form")}-practisedOn`;
  }

  function askToDelete(entry: PracticeLogEntry) {
    setDeleteProblem("");
    setConfirming(entry.id);
    setStatus("");
    focusAfterRender.current = entryId(entry, "keep");
  }

  return (
    <section aria-labelledby={`${id}-title`} className="max-w-reading">
      <Heading id={`${id}-title`} className="text-xl font-semibold sm:text-2xl">
        Your practice log
      </Heading>
      <p className="mt-2 text-muted">
        Your notes on “{capacityName}”. A few lines each time are plenty; only you can see them.
      </p>

      <div className="mt-6 rounded-2xl border border-line bg-canvas p-4 sm:p-6">
        <Subheading id={`${id}-add`} className="text-lg font-semibold">
          Add an entry
        </Subheading>
        <EntryForm
          key={`${addedCount}-${today}`}
          idPrefix={`${id}-new`}
          labelledBy={`${id}-add`}
          initial={{ practisedOn: today, whatHappened: "", whatNoticed: "", whatYouDid: "" }}
          submitLabel="Save entry"
          onSave={add}
        />
        {/* Always in the page (a live region must exist before it speaks); out of sight while empty. */}
        <p id={statusId} role="status" tabIndex={-1} className={status ? "mt-4 font-medium text-accent" : "sr-only"}>
          {status}
        </p>
      </div>

      <Subheading id={listHeadingId} tabIndex={-1} className="mt-10 text-lg font-semibold">
        Your entries
      </Subheading>
      {entries === null ? (
        loadFailed ? (
          <div className="mt-3 flex flex-wrap items-center gap-x-4 gap-y-2">
            <p role="alert">We couldn’t load your entries just now.</p>
            <Button variant="secondary" onClick={() => setAttempt((n) => n + 1)}>
              Try again
            </Button>
          </div>
        ) : (
          <p className="mt-3 text-muted">Loading your entries…</p>
        )
      ) : entries.length === 0 ? (
        <p className="mt-3 text-muted">
          Nothing here yet. Your first entry can be small: one moment, in a few words. Catching it late counts too.
        </p>
      ) : (
        <ol className="mt-4 space-y-4">
          {entries.map((entry) => {
            const day = formatDay(entry.practisedOn);
            return (
              <li key={entry.id} className="rounded-2xl border border-line bg-canvas p-4 sm:p-6">
                {editing === entry.id ? (
                  <>
                    <EntryHeading id={entryId(entry, "editing")} className="font-semibold">
                      Edit the entry from {day}
                    </EntryHeading>
                    <EntryForm
                      idPrefix={entryId(entry, "form")}
                      labelledBy={entryId(entry, "editing")}
                      initial={entry}
                      submitLabel="Save changes"
                      onSave={(fields) => update(entry, fields)}
                      onCancel={() => {
                        setEditing(null);
                        focusAfterRender.current = entryId(entry, "edit");
                      }}
                    />
                  </>
                ) : (
                  <article aria-labelledby={entryId(entry, "day")}>
                    <EntryHeading id={entryId(entry, "day")} className="font-semibold">
                      <time dateTime={entry.practisedOn}>{day}</time>
                    </EntryHeading>
                    <dl className="mt-3 space-y-3">
                      {texts.map((text) => (
                        <div key={text.name}>
                          <dt className="text-sm font-semibold text-muted">{text.label}</dt>
                          <dd className="mt-0.5 break-words whitespace-pre-line">{entry[text.name]}</dd>
                        </div>
                      ))}
                    </dl>
                    {confirming === entry.id ? (
                      <div
                        role="group"
                        aria-labelledby={entryId(entry, "ask")}
                        className="mt-4 rounded-xl bg-soft p-4"
                      >
                        <p id={entryId(entry, "ask")} className="font-semibold">
                          Delete this entry?
                        </p>
                        {deleteProblem ? (
                          <p role="alert" className="mt-1 font-medium text-accent">
                            {deleteProblem}
                          </p>
                        ) : null}
                        <div className="mt-3 flex flex-wrap gap-3">
                          <Button onClick={() => void remove(entry)}>Delete</Button>
                          <Button
                            id={entryId(entry, "keep")}
                            variant="secondary"
                            onClick={() => {
                              setConfirming(null);
                              focusAfterRender.current = entryId(entry, "delete");
                            }}
                          >
                            Keep it
                          </Button>
                        </div>
                      </div>
                    ) : (
                      <div className="mt-4 flex flex-wrap gap-3">
                        <Button
                          id={entryId(entry, "edit")}
                          variant="secondary"
                          aria-label={`Edit the entry from ${day}`}
                          onClick={() => startEditing(entry)}
                        >
                          Edit
                        </Button>
                        <Button
                          id={entryId(entry, "delete")}
                          variant="secondary"
                          aria-label={`Delete the entry from ${day}`}
                          onClick={() => askToDelete(entry)}
                        >
                          Delete
                        </Button>
                      </div>
                    )}
                  </article>
                )}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}

type EntryFormProps = {
  idPrefix: string;
  initial: Fields;
  submitLabel: string;
  onSave: (fields: Fields) => Promise<SaveOutcome>;
  onCancel?: () => void;
  /** The id of the heading that names the form. */
  labelledBy: string;
};

/** The date and the three texts, with each field's message beside it. */
function EntryForm({ idPrefix, initial, submitLabel, onSave, onCancel, labelledBy }: EntryFormProps) {
  const [values, setValues] = useState<Fields>(() => ({
    practisedOn: initial.practisedOn,
    whatHappened: initial.whatHappened,
    whatNoticed: initial.whatNoticed,
    whatYouDid: initial.whatYouDid,
  }));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [problem, setProblem] = useState("");
  const [saving, setSaving] = useState(false);

  const fieldId = (name: keyof Fields) => `${idPrefix}-${name}`;
  const errorId = (name: keyof Fields) => `${idPrefix}-${name}-error`;
  const change = (name: keyof Fields, value: string) => {
    setValues((previous) => ({ ...previous, [name]: value }));
    setErrors((previous) => ({ ...previous, [name]: undefined }));
  };
  const described = (name: keyof Fields) =>
    errors[name] ? { "aria-invalid": true as const, "aria-describedby": errorId(name) } : {};

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (saving) return; // a double press saves once
    setSaving(true);
    setProblem("");
    const outcome = await onSave(values);
    setSaving(false);
    if ("failed" in outcome) return setProblem(COULD_NOT_REACH);
    if (!("fieldErrors" in outcome)) return;
    // Render the messages first, so the field is already described when it takes focus.
    flushSync(() => {
      setErrors(outcome.fieldErrors);
      if (Object.keys(outcome.fieldErrors).length === 0) setProblem(outcome.error || COULD_NOT_REACH);
    });
    const first = fieldOrder.find((name) => outcome.fieldErrors[name]);
    if (first) document.getElementById(fieldId(first))?.focus();
  }

  const control = "mt-2 block rounded-xl border border-line-strong bg-canvas px-4 text-ink";
  const fieldError = (name: keyof Fields) =>
    errors[name] ? (
      <p id={errorId(name)} className="mt-2 font-medium text-accent">
        {errors[name]}
      </p>
    ) : null;

  return (
    <form onSubmit={submit} noValidate aria-labelledby={labelledBy} className="mt-4 space-y-5">
      <div>
        <label htmlFor={fieldId("practisedOn")} className="block font-semibold">
          The day it happened
        </label>
        <input
          id={fieldId("practisedOn")}
          name="practisedOn"
          type="date"
          min="2000-01-01"
          value={values.practisedOn}
          onChange={(event) => change("practisedOn", event.target.value)}
          className={`${control} min-h-12 py-2`}
          {...described("practisedOn")}
        />
        {fieldError("practisedOn")}
      </div>
      {texts.map((text) => (
        <div key={text.name}>
          <label htmlFor={fieldId(text.name)} className="block font-semibold">
            {text.label}
          </label>
          <textarea
            id={fieldId(text.name)}
            name={text.name}
            rows={3}
            maxLength={2000}
            value={values[text.name]}
            onChange={(event) => change(text.name, event.target.value)}
            className={`${control} w-full py-3 leading-relaxed`}
            {...described(text.name)}
          />
          {fieldError(text.name)}
        </div>
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

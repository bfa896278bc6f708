"use client";

import { useEffect, useId, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { addToPracticeLog, changePracticeEntry, removePracticeEntry } from "@/lib/actions/practice-entries";
import type { PracticeEntryDraft, PracticeLogEntry } from "@/lib/validation/practice-entries";
import { formatDayWithWeekday } from "@/lib/format";
import { afterFirstSave } from "./first-save";
import { PracticeEntryView } from "./practice-entry";
import { PracticeEntryForm, type PracticeEntrySaveOutcome } from "./practice-entry-form";

type Props = {
  /** A capacity id from content/capacities.json, e.g. "catching-the-reflex". */
  capacity: string;
  /** Its name as readers see it, e.g. "Catching the pull". */
  capacityName: string;
  /**
   * The log's heading level; its parts go one and two levels below. 3 (the default) beside a
   * lesson step's h3 "Practice" panel, 4 inside it.
   */
  headingLevel?: 2 | 3 | 4;
};

/** What GET /api/practice/<capacity>/entries answers: the log's one read (its writes are server actions). */
type EntriesResponse = { entries: PracticeLogEntry[] };

/** Today where the visitor is, as YYYY-MM-DD (the date input's format). */
function localToday(): string {
  const now = new Date();
  return [now.getFullYear(), now.getMonth() + 1, now.getDate()].map((n) => String(n).padStart(2, "0")).join("-");
}

const newestFirst = (entries: PracticeLogEntry[]) =>
  [...entries].sort((a, b) => b.practisedOn.localeCompare(a.practisedOn));

/** A save through a server action; null when it didn't reach the server (offline, or no answer). */
async function reaching<T>(save: () => Promise<T>): Promise<T | null> {
  try {
    return await afterFirstSave(save);
  } catch {
    return null;
  }
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
      .then((body: EntriesResponse) => current && setEntries(newestFirst(body.entries)))
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

  async function add(draft: PracticeEntryDraft): Promise<PracticeEntrySaveOutcome> {
    setStatus("");
    const outcome = await reaching(() => addToPracticeLog(capacity, draft));
    if (outcome && "entry" in outcome) {
      const added = outcome.entry;
      setEntries((previous) => (previous ? newestFirst([added, ...previous]) : previous));
      setAddedCount((count) => count + 1);
      announce("Entry saved", statusId);
    }
    return outcome;
  }

  async function update(entry: PracticeLogEntry, draft: PracticeEntryDraft): Promise<PracticeEntrySaveOutcome> {
    setStatus("");
    const outcome = await reaching(() => changePracticeEntry(entry.id, draft));
    if (outcome && "entry" in outcome) {
      const saved = outcome.entry;
      setEntries((previous) => previous && newestFirst(previous.map((e) => (e.id === saved.id ? saved : e))));
      setEditing(null);
      announce("Changes saved", entryId(entry, "edit"));
    }
    return outcome;
  }

  async function remove(entry: PracticeLogEntry) {
    setDeleteProblem("");
    // An entry already gone (another tab, perhaps) counts as deleted: it is what was asked for.
    if ((await reaching(() => removePracticeEntry(entry.id))) !== "deleted") {
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
        <PracticeEntryForm
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
            const day = formatDayWithWeekday(entry.practisedOn);
            return (
              <li key={entry.id} className="rounded-2xl border border-line bg-canvas p-4 sm:p-6">
                {editing === entry.id ? (
                  <>
                    <EntryHeading id={entryId(entry, "editing")} className="font-semibold">
                      Edit the entry from {day}
                    </EntryHeading>
                    <PracticeEntryForm
                      idPrefix={entryId(entry, "form")}
                      labelledBy={entryId(entry, "editing")}
                      initial={entry}
                      submitLabel="Save changes"
                      onSave={(draft) => update(entry, draft)}
                      onCancel={() => {
                        setEditing(null);
                        focusAfterRender.current = entryId(entry, "edit");
                      }}
                    />
                  </>
                ) : (
                  <PracticeEntryView
                    entry={entry}
                    day={day}
                    Heading={EntryHeading}
                    partId={(part) => entryId(entry, part)}
                    confirming={confirming === entry.id}
                    deleteProblem={deleteProblem}
                    onEdit={() => startEditing(entry)}
                    onAskToDelete={() => askToDelete(entry)}
                    onKeep={() => {
                      setConfirming(null);
                      focusAfterRender.current = entryId(entry, "delete");
                    }}
                    onDelete={() => void remove(entry)}
                  />
                )}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}

"use client";

import { Button } from "@/components/ui/button";
import { PRACTICE_TEXTS } from "@/lib/notes";
import type { PracticeLogEntry } from "@/lib/validation/practice-entries";

type Props = {
  entry: PracticeLogEntry;
  /** The day as readers see it, e.g. "Monday 2 November 2026". */
  day: string;
  /** The entry's heading element, two levels below the log's. */
  Heading: "h4" | "h5" | "h6";
  /** The id of one of the entry's parts ("day", "edit", "delete", "ask", "keep"). */
  partId: (part: string) => string;
  /** True while "Delete this entry?" is asked. */
  confirming: boolean;
  /** Why the last delete didn't go through, said inside the question. */
  deleteProblem: string;
  onEdit: () => void;
  onAskToDelete: () => void;
  onKeep: () => void;
  onDelete: () => void;
};

/** One saved entry: its day and three texts, with Edit and Delete (which asks first). */
export function PracticeEntryView({ entry, day, Heading, partId, confirming, deleteProblem, onEdit, onAskToDelete, onKeep, onDelete }: Props) {
  return (
    <article aria-labelledby={partId("day")}>
      <Heading id={partId("day")} className="font-semibold">
        <time dateTime={entry.practisedOn}>{day}</time>
      </Heading>
      <dl className="mt-3 space-y-3">
        {PRACTICE_TEXTS.map((text) => (
          <div key={text.name}>
            <dt className="text-sm font-semibold text-muted">{text.label}</dt>
            <dd className="mt-0.5 break-words whitespace-pre-line">{entry[text.name]}</dd>
          </div>
        ))}
      </dl>
      {confirming ? (
        <div role="group" aria-labelledby={partId("ask")} className="mt-4 rounded-xl bg-soft p-4">
          <p id={partId("ask")} className="font-semibold">
            Delete this entry?
          </p>
          {deleteProblem ? (
            <p role="alert" className="mt-1 font-medium text-accent">
              {deleteProblem}
            </p>
          ) : null}
          <div className="mt-3 flex flex-wrap gap-3">
            <Button onClick={onDelete}>Delete</Button>
            <Button id={partId("keep")} variant="secondary" onClick={onKeep}>
              Keep it
            </Button>
          </div>
        </div>
      ) : (
        <div className="mt-4 flex flex-wrap gap-3">
          <Button id={partId("edit")} variant="secondary" aria-label={`Edit the entry from ${day}`} onClick={onEdit}>
            Edit
          </Button>
          <Button id={partId("delete")} variant="secondary" aria-label={`Delete the entry from ${day}`} onClick={onAskToDelete}>
            Delete
          </Button>
        </div>
      )}
    </article>
  );
}

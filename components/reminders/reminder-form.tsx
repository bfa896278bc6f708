import { buttonClassName } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Field } from "@/components/ui/field";
import { REMINDER_FILE_PATH } from "@/lib/routes";
import {
  DEFAULT_PRACTICE_TIME,
  DEFAULT_REMINDER_TITLES,
  DEFAULT_RETAKE_WEEKS,
  MAX_REMINDER_TITLE_LENGTH,
  PRACTICE_WEEKS,
  RETAKE_WEEKS,
  type ReminderField,
  type ReminderKind,
} from "@/lib/validation/reminders";

type Props = {
  kind: ReminderKind;
  /** The practice's lesson, linked from the reminder when the person asks. */
  lessonSlug?: string;
  /** A problem from a refused form, shown beside its field. */
  problems?: Partial<Record<ReminderField, string>>;
  /** Keeps ids unique when a page shows more than one form. */
  idPrefix?: string;
};

const control = "mt-2 block min-h-12 w-full rounded-xl border border-line-strong bg-canvas px-3 py-2 text-ink";

/**
 * A reminder in the person's own calendar: a plain form post that answers with an .ics file.
 * No account or address is needed, and Drawbridge keeps nothing of it.
 */
export function ReminderForm({ kind, lessonSlug, problems = {}, idPrefix = "reminder" }: Props) {
  const id = (field: string) => `${idPrefix}-${field}`;
  const general = problems.kind ?? problems.lesson;

  return (
    <form
      method="post"
      action={REMINDER_FILE_PATH}
      aria-label={kind === "retake-quiz" ? "A reminder to retake the quiz" : "A reminder to practise"}
      className="max-w-reading space-y-5"
    >
      <input type="hidden" name="kind" value={kind} />
      {lessonSlug ? <input type="hidden" name="lesson" value={lessonSlug} /> : null}
      {general ? (
        <p role="alert" className="font-medium text-accent">
          {general}
        </p>
      ) : null}

      <Field
        id={id("title")}
        label="What your calendar will say"
        hint="Anyone who sees your calendar sees this, so choose words you’re comfortable with."
        hintPlacement="under-control"
        error={problems.title}
      >
        {(wiring) => (
          <input
            {...wiring}
            name="title"
            type="text"
            required
            maxLength={MAX_REMINDER_TITLE_LENGTH}
            defaultValue={DEFAULT_REMINDER_TITLES[kind]}
            autoComplete="off"
            className={control}
          />
        )}
      </Field>

      {kind === "retake-quiz" ? (
        <Field id={id("weeks")} label="When" error={problems.weeks}>
          {(wiring) => (
            <select {...wiring} name="weeks" defaultValue={DEFAULT_RETAKE_WEEKS} className={control}>
              {RETAKE_WEEKS.map((weeks) => (
                <option key={weeks} value={weeks}>
                  In {weeks} weeks
                </option>
              ))}
            </select>
          )}
        </Field>
      ) : (
        <div className="grid gap-5 sm:grid-cols-2">
          <Field
            id={id("repeat")}
            label="How often"
            hint={`From tomorrow, for ${PRACTICE_WEEKS} weeks; then it stops by itself.`}
            hintPlacement="under-control"
            error={problems.repeat}
          >
            {(wiring) => (
              <select {...wiring} name="repeat" defaultValue="weekly" className={control}>
                <option value="daily">Every day</option>
                <option value="weekly">Every week</option>
              </select>
            )}
          </Field>
          <Field id={id("time")} label="At what time" error={problems.time}>
            {(wiring) => (
              <input {...wiring} name="time" type="time" required defaultValue={DEFAULT_PRACTICE_TIME} className={control} />
            )}
          </Field>
        </div>
      )}

      <div className="flex min-h-11 items-start gap-3">
        <input
          id={id("mention")}
          name="mentionDrawbridge"
          type="checkbox"
          className="mt-1 size-5 shrink-0 accent-accent"
          aria-describedby={id("mention-hint")}
        />
        <div>
          <label htmlFor={id("mention")} className="font-semibold">
            Add a link back to Drawbridge
          </label>
          <p id={id("mention-hint")} className="text-sm text-muted">
            Off unless you tick it, so the reminder doesn’t say what it’s for.
          </p>
        </div>
      </div>

      <div>
        <button type="submit" className={buttonClassName("secondary")}>
          Download for my calendar (.ics)
        </button>
        <p className="mt-3 text-sm text-muted">
          Open the file to add it to your calendar app. No account or email address needed: Drawbridge doesn’t keep a
          copy or send you anything.
        </p>
      </div>
    </form>
  );
}

/** The form folded away under one line, for pages where a reminder is an aside. */
export function ReminderOffer({ kind, lessonSlug, className }: { kind: ReminderKind; lessonSlug?: string; className?: string }) {
  return (
    <details className={cn("rounded-2xl border border-line bg-surface print:hidden", className)}>
      <summary className="flex min-h-12 cursor-pointer items-center rounded-2xl px-5 py-3 font-semibold">
        {kind === "retake-quiz" ? "Remind me to retake the quiz" : "Remind me to practise"}
      </summary>
      <div className="px-5 pt-2 pb-6">
        <ReminderForm kind={kind} lessonSlug={lessonSlug} idPrefix={`${kind}-reminder`} />
      </div>
    </details>
  );
}

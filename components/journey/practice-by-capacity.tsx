import { TextLink } from "@/components/ui/text-link";
import type { Capacity, Lesson } from "@/lib/content/lessons";
import type { PracticeEntry } from "@/lib/data/practice-entries";
import { lessonStepPath } from "@/lib/routes";
import { formatDay, isoDay } from "@/lib/format";

/** A saved practice-log entry: what the page needs of lib/data's PracticeEntry. */
type SavedPracticeEntry = Omit<PracticeEntry, "updatedAt">;

export type PracticeGroup = {
  capacity: string;
  name: string;
  /** The lesson step that holds this capacity's log, when it is still on the path. */
  log: { href: string; lessonNumber: number } | null;
  /** Newest first. */
  entries: SavedPracticeEntry[];
};

/** The newest entries shown per capacity; older ones wait behind a disclosure. */
export const ENTRIES_SHOWN = 5;

const fields = [
  { name: "whatHappened", label: "What happened" },
  { name: "whatNoticed", label: "What you noticed" },
  { name: "whatYouDid", label: "What you did" },
] as const;

/** Entries by capacity in the content's order (unknown capacities last), each newest first. */
export function groupPracticeEntries(
  capacities: readonly Capacity[],
  lessons: readonly Lesson[],
  entries: readonly SavedPracticeEntry[],
): PracticeGroup[] {
  const known = capacities.map((capacity) => capacity.id);
  const ids = [...known, ...new Set(entries.map((entry) => entry.capacity).filter((id) => !known.includes(id)))];
  return ids.flatMap((id) => {
    const own = entries
      .filter((entry) => entry.capacity === id)
      .sort((a, b) => b.practisedOn.getTime() - a.practisedOn.getTime());
    if (own.length === 0) return [];
    const capacity = capacities.find((entry) => entry.id === id);
    const lessonIndex = lessons.findIndex((lesson) => lesson.teaches === id);
    const step = lessons[lessonIndex]?.steps.find((entry) => entry.practice?.capacity === id);
    return [
      {
        capacity: id,
        name: capacity?.name ?? id,
        log: step ? { href: lessonStepPath(lessons[lessonIndex]!.slug, step.number), lessonNumber: lessonIndex + 1 } : null,
        entries: own,
      },
    ];
  });
}

function Entry({ entry }: { entry: SavedPracticeEntry }) {
  const headingId = `practice-${entry.id}`;
  return (
    <li>
      <article aria-labelledby={headingId} className="rounded-2xl border border-line bg-surface p-4 sm:p-5">
        <h4 id={headingId} className="font-semibold">
          <time dateTime={isoDay(entry.practisedOn)}>{formatDay(entry.practisedOn)}</time>
        </h4>
        <dl className="mt-3 space-y-3">
          {fields.map((field) => (
            <div key={field.name}>
              <dt className="text-sm font-semibold text-muted">{field.label}</dt>
              <dd className="mt-0.5 break-words whitespace-pre-line">{entry[field.name]}</dd>
            </div>
          ))}
        </dl>
      </article>
    </li>
  );
}

/** Everything logged in the capacity practices, grouped by capacity. */
export function PracticeByCapacity({ groups }: { groups: readonly PracticeGroup[] }) {
  return (
    <div className="max-w-reading space-y-10">
      {groups.map((group) => {
        const shown = group.entries.slice(0, ENTRIES_SHOWN);
        const older = group.entries.slice(ENTRIES_SHOWN);
        return (
          <div key={group.capacity}>
            <h3 className="text-lg font-semibold">{group.name}</h3>
            <p className="mt-1 text-sm text-muted">
              {group.entries.length === 1 ? "1 entry" : `${group.entries.length} entries`}
              {group.log ? (
                <>
                  {" · "}
                  <TextLink href={group.log.href}>Add one in lesson {group.log.lessonNumber}</TextLink>
                </>
              ) : null}
            </p>
            <ul className="mt-4 space-y-4">
              {shown.map((entry) => (
                <Entry key={entry.id} entry={entry} />
              ))}
            </ul>
            {older.length > 0 ? (
              <details className="mt-4 rounded-2xl border border-line">
                <summary className="flex min-h-12 cursor-pointer items-center rounded-2xl px-5 py-3 font-semibold">
                  {older.length === 1 ? "Show 1 earlier entry" : `Show ${older.length} earlier entries`}
                </summary>
                <ul className="space-y-4 px-3 pb-3 sm:px-4 sm:pb-4">
                  {older.map((entry) => (
                    <Entry key={entry.id} entry={entry} />
                  ))}
                </ul>
              </details>
            ) : null}
          </div>
        );
      })}
    </div>
  );
}

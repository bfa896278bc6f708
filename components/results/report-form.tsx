import { buttonClassName } from "@/components/ui/button";
import { REPORT_PATH } from "@/lib/routes";

/**
 * A PDF of one result to bring to someone. A plain GET form, so it works without JavaScript;
 * the person's own writing goes in only if they tick it.
 */
export function ReportForm({ resultId, idPrefix = "report" }: { resultId: string; idPrefix?: string }) {
  const id = (field: string) => `${idPrefix}-${field}`;
  return (
    <form method="get" action={REPORT_PATH} aria-label="A report to bring to someone" className="max-w-reading space-y-4">
      <input type="hidden" name="result" value={resultId} />
      <p>
        A PDF of this result to take to a therapist, a doctor or someone you trust: the five scores with their likely
        ranges, what each means, and the note that this is not a diagnosis.
      </p>
      <fieldset className="space-y-3">
        <legend className="font-semibold">Also include, if you want</legend>
        {[
          ["reflections", "My reflections from the lessons"],
          ["practice", "My practice log"],
        ].map(([name, label]) => (
          <div key={name} className="flex min-h-11 items-center gap-3">
            <input id={id(name!)} name={name} type="checkbox" className="size-5 shrink-0 accent-accent" />
            <label htmlFor={id(name!)}>{label}</label>
          </div>
        ))}
      </fieldset>
      <p className="text-sm text-muted">
        Once you share the PDF, it is out of Drawbridge’s hands: anyone you give it to can keep it or pass it on.
      </p>
      <button type="submit" className={buttonClassName("secondary")}>
        Download the report (PDF)
      </button>
    </form>
  );
}

import { ReportForm } from "@/components/results/report-form";
import { buttonClassName } from "@/components/ui/button";
import { TextLink } from "@/components/ui/text-link";
import { IMPORT_PAGE_PATH } from "@/lib/routes";

/** Download or delete everything: the last word on the journey page. */
export function YourData({ hasProfile, latestResultId }: { hasProfile: boolean; latestResultId?: string }) {
  if (!hasProfile) {
    return (
      <p className="max-w-reading">
        Nothing is saved for this browser yet. Once you answer a question or save a note, you can download all of it or
        delete it for good from here. Have an export from another device?{" "}
        <TextLink href={IMPORT_PAGE_PATH}>Bring back your data</TextLink>.
      </p>
    );
  }
  return (
    <div className="max-w-reading">
      <p>
        Everything here is yours. You can take a copy with you as one JSON file, take your reflections and practice
        notes as a Markdown file to keep with your own notes, bring back what an export from another device holds, or
        delete your profile and everything it holds.
      </p>
      <div className="mt-5 flex flex-wrap items-center gap-x-6 gap-y-4">
        <a href="/api/me/export" download className={buttonClassName("secondary")}>
          Download everything
        </a>
        <a href="/api/me/notes" download className={buttonClassName("secondary")}>
          Download my notes (Markdown)
        </a>
        <TextLink href={IMPORT_PAGE_PATH} className="inline-flex min-h-11 items-center">
          Bring back data from an export
        </TextLink>
        <TextLink href="/me/delete" className="inline-flex min-h-11 items-center">
          Delete everything
        </TextLink>
      </div>
      {latestResultId ? (
        <div className="mt-8 rounded-2xl border border-line bg-surface p-5 sm:p-6">
          <h3 className="text-lg font-semibold">A report of your latest result</h3>
          <div className="mt-3">
            <ReportForm resultId={latestResultId} idPrefix="journey-report" />
          </div>
        </div>
      ) : null}
    </div>
  );
}

import { buttonClassName } from "@/components/ui/button";
import { IMPORT_FILE_PATH } from "@/lib/routes";

const control =
  "mt-2 block min-h-12 w-full rounded-xl border border-line-strong bg-canvas px-3 py-2 text-ink file:mr-4 file:rounded-lg file:border-0 file:bg-surface file:px-3 file:py-2 file:font-semibold file:text-ink";

/**
 * The import form: a plain multipart post of one export file, so it works without JavaScript.
 * `problem` is why the last file was refused, shown beside the file field.
 */
export function ImportForm({ problem, maxMegabytes }: { problem?: string; maxMegabytes: number }) {
  const described = ["import-file-hint", problem ? "import-file-error" : undefined].filter(Boolean).join(" ");
  return (
    <form method="post" action={IMPORT_FILE_PATH} encType="multipart/form-data" className="max-w-reading space-y-5" aria-label="Bring back your data">
      <div>
        <label htmlFor="import-file" className="block font-semibold">
          Your export file
        </label>
        <input
          id="import-file"
          name="file"
          type="file"
          accept=".json,application/json"
          required
          className={control}
          aria-describedby={described}
          aria-invalid={problem ? true : undefined}
        />
        <p id="import-file-hint" className="mt-2 text-sm text-muted">
          The .json file that “Download everything” saved, from this server or another, at most {maxMegabytes} MB.
        </p>
        {problem ? (
          <p id="import-file-error" className="mt-2 font-medium text-accent">
            {problem}
          </p>
        ) : null}
      </div>
      <button type="submit" className={buttonClassName("primary")}>
        Bring it back
      </button>
    </form>
  );
}

import { buttonClassName } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { IMPORT_FILE_PATH } from "@/lib/routes";

const control =
  "mt-2 block min-h-12 w-full rounded-xl border border-line-strong bg-canvas px-3 py-2 text-ink file:mr-4 file:rounded-lg file:border-0 file:bg-surface file:px-3 file:py-2 file:font-semibold file:text-ink";

/**
 * The import form: a plain multipart post of one export file, so it works without JavaScript.
 * `problem` is why the last file was refused, shown beside the file field.
 */
export function ImportForm({ problem, maxMegabytes }: { problem?: string; maxMegabytes: number }) {
  return (
    <form method="post" action={IMPORT_FILE_PATH} encType="multipart/form-data" className="max-w-reading space-y-5" aria-label="Bring back your data">
      <Field
        id="import-file"
        label="Your export file"
        hint={`The .json file that “Download everything” saved, from this server or another, at most ${maxMegabytes} MB.`}
        hintPlacement="under-control"
        error={problem}
      >
        {(wiring) => <input {...wiring} name="file" type="file" accept=".json,application/json" required className={control} />}
      </Field>
      <button type="submit" className={buttonClassName("primary")}>
        Bring it back
      </button>
    </form>
  );
}

import { protectionText, stored } from "@/lib/content/privacy";
import { formatDay } from "@/lib/format";

const columns = ["What", "Why", "How long", "Encrypted"] as const;

/**
 * Every field the database holds, grouped by kind of record: what it is, why it is kept, for how
 * long, and whether it is encrypted. A table from sm up; on a phone each row stacks, with its labels.
 */
export function StoredFields() {
  return (
    <div className="space-y-3">
      {stored.kinds.map((kind) => {
        const fieldCount = kind.rows.reduce((count, row) => count + row.fields.length, 0);
        return (
          <details key={kind.model} className="rounded-2xl border border-line bg-surface">
            <summary className="flex min-h-12 cursor-pointer items-center justify-between gap-4 rounded-2xl px-5 py-3 font-semibold">
              <span>{kind.title}</span>
              <span className="text-sm font-normal text-muted">
                {fieldCount} {fieldCount === 1 ? "field" : "fields"}
              </span>
            </summary>
            <div className="px-5 pb-5">
              <table className="w-full border-collapse text-left text-sm max-sm:block">
                <caption className="sr-only">{kind.title}: what is stored, why, for how long, and whether it is encrypted</caption>
                <thead className="max-sm:sr-only">
                  <tr className="border-b border-line-strong">
                    {columns.map((column) => (
                      <th key={column} scope="col" className="py-2 pr-4 font-semibold">
                        {column}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody className="max-sm:block">
                  {kind.rows.map((row) => (
                    <tr key={row.fields.join()} className="border-b border-line align-top last:border-b-0 max-sm:block max-sm:py-3">
                      <td className="py-3 pr-4 max-sm:block max-sm:py-1">
                        {row.what}
                        <span className="mt-1 block font-mono text-xs text-muted">{row.fields.join(", ")}</span>
                      </td>
                      <td className="py-3 pr-4 max-sm:block max-sm:py-1">
                        <span className="font-semibold sm:hidden">Why: </span>
                        {row.why}
                      </td>
                      <td className="py-3 pr-4 max-sm:block max-sm:py-1">
                        <span className="font-semibold sm:hidden">How long: </span>
                        {row.kept}
                      </td>
                      <td className="py-3 max-sm:block max-sm:py-1">
                        <span className="font-semibold sm:hidden">Encrypted: </span>
                        {protectionText[row.protection]}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </details>
        );
      })}
      <p className="text-sm text-muted">Checked against the code on {formatDay(stored.checked)}.</p>
    </div>
  );
}

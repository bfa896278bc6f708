import { helpLines, telHref, type CrisisLine, type Elsewhere } from "@/lib/content/help";

const linkClass = "font-semibold text-accent underline decoration-1 underline-offset-[0.2em] hover:decoration-2";

type CrisisLinesProps = {
  lines?: readonly CrisisLine[];
  elsewhere?: Elsewhere;
};

/** The crisis lines at the top of the help page, from content/help/lines.json. */
export function CrisisLines({ lines = helpLines.crisis.lines, elsewhere = helpLines.crisis.elsewhere }: CrisisLinesProps) {
  return (
    <ul className="space-y-3">
      {lines.map((line) => {
        const alsoText = line.text?.to === line.phone && !line.text.keyword;
        return (
          <li key={line.id}>
            <strong className="font-semibold">{line.region}:</strong> {line.name}. Call{alsoText ? " or text" : ""}{" "}
            <a href={telHref(line.phone)} className={linkClass}>
              {line.phone}
            </a>
            {line.hours ? `, ${line.hours.text}` : ""}.{line.note ? ` ${line.note}` : ""}
            {line.chat ? (
              <>
                {" "}
                You can also chat online at{" "}
                <a href={line.chat.url} className={linkClass}>
                  {new URL(line.chat.url).hostname.replace(/^www\./, "")}
                </a>
                .
              </>
            ) : null}
          </li>
        );
      })}
      <li>
        <strong className="font-semibold">Anywhere else:</strong>{" "}
        <a href={elsewhere.url} className={linkClass}>
          {elsewhere.name}
        </a>{" "}
        lists free, confidential helplines in many countries.
      </li>
      <li>
        <strong className="font-semibold">If you or someone else is in immediate danger,</strong> call your local
        emergency number now.
      </li>
    </ul>
  );
}

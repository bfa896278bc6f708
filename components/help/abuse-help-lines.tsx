import { helpLines, telHref, type Country, type Elsewhere, type HelpLine } from "@/lib/content/help";
import { formatDay } from "@/lib/format";
import { cn } from "@/components/ui/cn";

export type HelpHeadingLevel = 2 | 3 | 4 | 5;

type AbuseHelpLinesProps = {
  /** The level of each country's heading, so the outline stays right wherever this sits. */
  headingLevel?: HelpHeadingLevel;
  /** The countries and lines to show; the checked data in content/help by default. */
  countries?: readonly Country[];
  elsewhere?: Elsewhere;
  lastChecked?: string;
  className?: string;
};

// Links here are the reason the list exists: large enough to tap, underlined like all links.
const actionLink =
  "inline-flex min-h-11 items-center font-semibold text-accent underline decoration-1 underline-offset-[0.2em] hover:text-accent-hover hover:decoration-2";
const quietLink = "text-accent underline decoration-1 underline-offset-[0.2em] hover:text-accent-hover hover:decoration-2";


function LineDetails({ line }: { line: HelpLine }) {
  return (
    <li>
      <p className="font-semibold">
        <span>{line.name}</span>
        {line.area ? <span className="font-normal text-muted"> · {line.area}</span> : null}
      </p>
      <ul className="mt-1">
        <li>
          Call{" "}
          <a href={telHref(line.phone)} className={actionLink}>
            {line.phone}
          </a>
        </li>
        {line.text ? (
          <li>
            Text {line.text.keyword ? <><strong className="font-semibold">{line.text.keyword}</strong> to </> : null}
            <a href={`sms:${line.text.to.replace(/[ -]/g, "")}`} className={actionLink}>
              {line.text.to}
            </a>
          </li>
        ) : null}
        {line.chat ? (
          <li>
            <a href={line.chat.url} className={actionLink}>
              Chat online <span className="sr-only">with {line.name}</span>
            </a>
          </li>
        ) : null}
        {line.hours ? <li className="text-muted">Open {line.hours.text}</li> : null}
        {line.note ? <li className="text-muted">{line.note}</li> : null}
      </ul>
    </li>
  );
}

/**
 * Domestic-abuse lines by country, for someone afraid of a partner or family member: numbers as
 * tel: links, text and chat where there is one, opening hours, the emergency number, and how to
 * find a line anywhere else. The one list the help page, the results and the lessons all show.
 */
export function AbuseHelpLines({
  headingLevel = 3,
  countries = helpLines.abuse.countries,
  elsewhere = helpLines.abuse.elsewhere,
  lastChecked = helpLines.lastChecked,
  className,
}: AbuseHelpLinesProps) {
  const Heading = `h${headingLevel}` as const;
  return (
    <div className={cn("@container space-y-5", className)}>
      {/* Two columns only where there is room for them (the help page), one inside a lesson. */}
      <ul className="grid items-start gap-4 @xl:grid-cols-2">
        {countries.map((country) => (
          <li key={country.id} className="rounded-2xl border border-line bg-canvas p-4 sm:p-5">
            <Heading className="text-lg font-semibold">{country.name}</Heading>
            {country.lines.length > 0 ? (
              <ul className="mt-2 space-y-4">
                {country.lines.map((line) => (
                  <LineDetails key={line.id} line={line} />
                ))}
              </ul>
            ) : null}
            {country.findLocal ? (
              <div className="mt-2 space-y-2">
                <p>{country.findLocal.text}</p>
                <ul className="space-y-1">
                  {country.findLocal.links.map((link) => (
                    <li key={link.url}>
                      <a href={link.url} className={quietLink}>
                        {link.name}
                      </a>
                    </li>
                  ))}
                </ul>
              </div>
            ) : null}
            <p className="mt-3 border-t border-line pt-2">
              In immediate danger, call{" "}
              <a href={telHref(country.emergency.number)} className={actionLink}>
                {country.emergency.number}
              </a>
              {country.emergency.silentCall ? (
                <span className="mt-1 block text-muted">{country.emergency.silentCall.text}</span>
              ) : null}
            </p>
          </li>
        ))}
      </ul>
      <p>
        <strong className="font-semibold">Somewhere else?</strong>{" "}
        <a href={elsewhere.url} className={quietLink}>
          {elsewhere.name}
        </a>{" "}
        lists free, confidential helplines country by country, including lines for abuse at home. If you are in danger
        right now, call your local emergency number.
      </p>
      <p className="text-sm text-muted">
        We last checked these numbers and opening times on{" "}
        <time dateTime={lastChecked}>{formatDay(lastChecked)}</time>. Services do
        change; each organisation’s own website has the latest.
      </p>
    </div>
  );
}

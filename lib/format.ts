// How Drawbridge writes dates and figures, in one place for the pages, the notes download, the
// PDF report and the item report. Plain functions with no I/O and no server-only imports, so a
// component in the browser can use them as well as the server.

const longDate = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric" });
const shortDate = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric" });
// Calendar days (a practice day, a date written in the content) are kept as UTC midnight; show
// that same day wherever the server or the browser is.
const calendarDay = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
const calendarDayWithWeekday = new Intl.DateTimeFormat("en-GB", { weekday: "long", day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });

/** A moment, as the date it fell on: "27 November 2026" (a result finished, a reflection saved). */
export const formatDate = (date: Date) => longDate.format(date);

/** A moment's date with the month shortened: "27 Nov 2026", where room is short (charts, tables). */
export const formatShortDate = (date: Date) => shortDate.format(date);

/** A calendar day, a Date at UTC midnight or "2026-11-27": "27 November 2026", the day that was meant. */
export const formatDay = (day: Date | string) => calendarDay.format(typeof day === "string" ? new Date(`${day}T00:00:00Z`) : day);

/** A moment's day for `<time dateTime>`: "2026-11-27". */
/** A calendar day with its weekday, e.g. "Monday, 2 March 2026" (a practice log entry's day). */
export const formatDayWithWeekday = (day: Date | string) => calendarDayWithWeekday.format(typeof day === "string" ? new Date(`${day}T00:00:00Z`) : day);
export const isoDay = (date: Date) => date.toISOString().slice(0, 10);

/** A count with its thousands marked: "10,000". */
export const formatCount = (count: number) => count.toLocaleString("en");

/**
 * A statistic as editors read it (α, a correlation, a mean, a standard deviation): `digits`
 * decimals, a true minus sign, no leading zero for |x| < 1 when asked ("−.12"); "–" for none.
 */
export function formatStatistic(value: number | null, digits = 2, leadingZero = true): string {
  if (value === null || !Number.isFinite(value)) return "–";
  let text = Math.abs(value).toFixed(digits);
  if (!leadingZero) text = text.replace(/^0(?=\.)/, "");
  const negative = Number(text) !== 0 && value < 0;
  return (negative ? "−" : "") + text;
}

// A reminder as an iCalendar file (RFC 5545) the person adds to their own calendar. Pure: the
// caller gives the time, the id and the address, so the same input always gives the same file.
import { PRACTICE_WEEKS, type ReminderRequest } from "@/lib/validation/reminders";

type Context = {
  now: Date;
  /** Unique per file (RFC 5545 §3.8.4.7); nothing about the person. */
  uid: string;
  /** The app's public address, for the optional link back. */
  appUrl: string;
  /** The practice's lesson, when the reminder links to it. */
  lesson?: { slug: string; title: string };
};

const DAY_MS = 24 * 60 * 60 * 1000;
const pad = (value: number) => String(value).padStart(2, "0");
/** A DATE value (YYYYMMDD) of the UTC calendar day of `date`. */
const dateValue = (date: Date) => `${date.getUTCFullYear()}${pad(date.getUTCMonth() + 1)}${pad(date.getUTCDate())}`;
/** A UTC DATE-TIME value (YYYYMMDDTHHMMSSZ). */
const utcValue = (date: Date) => `${dateValue(date)}T${pad(date.getUTCHours())}${pad(date.getUTCMinutes())}${pad(date.getUTCSeconds())}Z`;

/** TEXT escaping (§3.3.11): backslash, semicolon, comma and line breaks. */
export function escapeText(text: string): string {
  return text.replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\r\n|\r|\n/g, "\\n");
}

/**
 * Folds a content line into lines of at most 75 octets of UTF-8 (§3.1), never inside a
 * character; each continuation starts with one space.
 */
export function foldLine(line: string): string {
  const encoder = new TextEncoder();
  const parts: string[] = [];
  let current = "";
  let octets = 0;
  for (const character of line) {
    const size = encoder.encode(character).length;
    const room = parts.length === 0 ? 75 : 74; // a continuation's leading space counts
    if (octets + size > room) {
      parts.push(current);
      current = "";
      octets = 0;
    }
    current += character;
    octets += size;
  }
  parts.push(current);
  return parts.join("\r\n ");
}

/** The file for `reminder`: one event, with an alarm, and for a practice a repeat that ends by itself. */
export function reminderCalendar(reminder: ReminderRequest, { now, uid, appUrl, lesson }: Context): string {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const event: string[] = [`UID:${uid}`, `DTSTAMP:${utcValue(now)}`, `SUMMARY:${escapeText(reminder.title)}`];
  let link: string;
  let alarm: string;

  if (reminder.kind === "retake-quiz") {
    // All day, so it lands on the right day in any time zone; the alarm comes at 9 in the morning.
    const day = new Date(today + reminder.weeks * 7 * DAY_MS);
    event.push(`DTSTART;VALUE=DATE:${dateValue(day)}`, `DTEND;VALUE=DATE:${dateValue(new Date(day.getTime() + DAY_MS))}`, "TRANSP:TRANSPARENT");
    alarm = "TRIGGER;RELATED=START:PT9H";
    link = `${appUrl}/quiz`;
  } else {
    // From tomorrow, at the chosen time wherever the person is (a floating time, no time zone).
    const start = dateValue(new Date(today + DAY_MS));
    const [hours, minutes] = reminder.time.split(":");
    const count = reminder.repeat === "daily" ? PRACTICE_WEEKS * 7 : PRACTICE_WEEKS;
    event.push(`DTSTART:${start}T${hours}${minutes}00`, "DURATION:PT15M", `RRULE:FREQ=${reminder.repeat === "daily" ? "DAILY" : "WEEKLY"};COUNT=${count}`);
    alarm = "TRIGGER:PT0S";
    link = lesson ? `${appUrl}/lessons/${lesson.slug}` : `${appUrl}/lessons`;
  }

  if (reminder.mentionDrawbridge) {
    const what = reminder.kind === "retake-quiz" ? "Retake the patterns quiz" : lesson ? `Practise from “${lesson.title}”` : "Practise";
    event.push(`DESCRIPTION:${escapeText(`${what} on Drawbridge: ${link}`)}`, `URL:${link}`);
  }
  // The alarm comes after the event's own properties (§3.6.1).
  event.push("BEGIN:VALARM", "ACTION:DISPLAY", `DESCRIPTION:${escapeText(reminder.title)}`, alarm, "END:VALARM");

  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    // Neutral on purpose: nothing in the file says where it came from unless the person asks.
    "PRODID:-//Reminder//EN",
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    "BEGIN:VEVENT",
    ...event,
    "END:VEVENT",
    "END:VCALENDAR",
  ];
  return lines.map(foldLine).join("\r\n") + "\r\n";
}

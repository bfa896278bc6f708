import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { foldLine, reminderCalendar } from "@/lib/reminders";
import { reminderProblems, reminderRequest } from "@/lib/validation/reminders";

const now = new Date("2026-12-02T20:30:00Z");
const context = { now, uid: "0f8e2c1a-5b7d-4e3f-9a6b-2c4d6e8f0a1b", appUrl: "https://drawbridge.example.org" };

/** Parses the file with Mozilla's iCalendar parser (as Thunderbird does) and returns its one event. */
function parsedEvent(file: string) {
  const calendar = new ICAL.Component(ICAL.parse(file));
  const events = calendar.getAllSubcomponents("vevent");
  expect(events).toHaveLength(1);
  return { calendar, vevent: events[0]!, event: new ICAL.Event(events[0]!) };
}

const request = (fields: Record<string, string>) => reminderRequest.parse(fields);

describe("reminderCalendar", () => {
  it("a quiz retake in 4 weeks is an all-day event 28 days on, with an alarm that morning and nothing about the pattern", () => {
    const file = reminderCalendar(request({ kind: "retake-quiz", title: "Check in with myself", weeks: "4" }), context);
    const { calendar, vevent, event } = parsedEvent(file);
    expect(calendar.getFirstPropertyValue("version")).toBe("2.0");
    expect(event.summary).toBe("Check in with myself");
    expect(event.startDate.isDate).toBe(true);
    expect(event.startDate.toString()).toBe("2026-12-30");
    expect(event.endDate.toString()).toBe("2026-12-31");
    expect(event.isRecurring()).toBe(false);
    expect(event.uid).toBe(context.uid);
    const alarm = vevent.getFirstSubcomponent("valarm")!;
    expect(alarm.getFirstPropertyValue("trigger")!.toString()).toBe("PT9H");
    expect(file).not.toMatch(/drawbridge|quiz|avoid/i);
  });

  it("a practice reminder repeats at the chosen local time from tomorrow, and stops after 8 weeks", () => {
    const weekly = parsedEvent(reminderCalendar(request({ kind: "practice", title: "Quiet minutes", time: "07:45", repeat: "weekly" }), context));
    expect(weekly.event.startDate.toString()).toBe("2026-12-03T07:45:00");
    expect(weekly.event.startDate.zone?.tzid).toBe("floating");
    const rule = weekly.event.component.getFirstPropertyValue("rrule") as ICAL.Recur;
    expect(rule.freq).toBe("WEEKLY");
    const iterator = weekly.event.iterator();
    const dates: string[] = [];
    for (let next = iterator.next(); next; next = iterator.next()) dates.push(next.toString());
    expect(dates).toHaveLength(8);
    expect(dates.at(-1)).toBe("2027-01-21T07:45:00");

    const daily = parsedEvent(reminderCalendar(request({ kind: "practice", title: "Quiet minutes", time: "21:00", repeat: "daily" }), context));
    const dailyRule = daily.event.component.getFirstPropertyValue("rrule") as ICAL.Recur;
    expect(dailyRule.freq).toBe("DAILY");
    expect(dailyRule.count).toBe(56);
  });

  it("names Drawbridge and links back only when the person ticks it", () => {
    const lesson = { slug: "catching-the-reflex", title: "Catching the reflex" };
    const plain = reminderCalendar(request({ kind: "practice", title: "Me time", time: "19:00", repeat: "weekly", lesson: lesson.slug }), { ...context, lesson });
    expect(plain).not.toMatch(/drawbridge|reflex/i);
    const linked = parsedEvent(
      reminderCalendar(request({ kind: "practice", title: "Me time", time: "19:00", repeat: "weekly", lesson: lesson.slug, mentionDrawbridge: "on" }), { ...context, lesson }),
    );
    expect(linked.event.description).toBe("Practise from “Catching the reflex” on Drawbridge: https://drawbridge.example.org/lessons/catching-the-reflex");
    expect(linked.vevent.getFirstPropertyValue("url")).toBe("https://drawbridge.example.org/lessons/catching-the-reflex");
  });

  it("keeps a title with commas, semicolons, backslashes and emoji exactly, in lines of at most 75 octets", () => {
    const title = "Call Mum; breathe, then \\ listen 🌿 — " + "ü".repeat(20);
    const file = reminderCalendar(request({ kind: "retake-quiz", title, weeks: "2" }), context);
    expect(parsedEvent(file).event.summary).toBe(title);
    for (const line of file.split("\r\n")) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    expect(file.endsWith("\r\n")).toBe(true);
    expect(file.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
  });
});

describe("foldLine", () => {
  it("never splits a character, and unfolds to the same line", () => {
    const line = "SUMMARY:" + "🌿".repeat(40);
    const folded = foldLine(line);
    expect(folded.replace(/\r\n /g, "")).toBe(line);
    for (const part of folded.split("\r\n")) expect(new TextEncoder().encode(part).length).toBeLessThanOrEqual(75);
  });
});

describe("reminderRequest", () => {
  it("refuses a blank or two-line title, a week count not offered, a time that isn't one, with a message per field", () => {
    const checked = (fields: Record<string, string>) => {
      const result = reminderRequest.safeParse(fields);
      expect(result.success).toBe(false);
      return reminderProblems(result.error!);
    };
    expect(checked({ kind: "retake-quiz", title: "   ", weeks: "4" })).toEqual({ title: "Give the reminder a title, or keep the one suggested." });
    expect(checked({ kind: "retake-quiz", title: "a\nb", weeks: "4" })).toEqual({ title: "Keep the title to one line." });
    expect(checked({ kind: "retake-quiz", title: "x".repeat(81), weeks: "4" }).title).toMatch(/80 characters/);
    expect(checked({ kind: "retake-quiz", title: "Hi", weeks: "5" })).toEqual({ weeks: "Choose when to be reminded: in 2, 4, 6 or 8 weeks." });
    expect(checked({ kind: "practice", title: "Hi", time: "24:00", repeat: "daily" })).toEqual({ time: "Choose a time of day, like 19:00." });
    expect(checked({ kind: "practice", title: "Hi", time: "19:00", repeat: "hourly" })).toEqual({ repeat: "Choose every day or every week." });
    expect(checked({ kind: "nagging", title: "Hi" })).toEqual({ kind: "Choose which reminder you want." });
  });
});

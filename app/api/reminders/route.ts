import { randomUUID } from "node:crypto";
import { config } from "@/lib/config";
import { lessons } from "@/lib/content/lessons";
import { readBodyBytes, refuseCrossSiteWrite } from "@/lib/http/body";
import { seeOther } from "@/lib/http/see-other";
import { reminderCalendar } from "@/lib/reminders";
import { remindersPath } from "@/lib/routes";
import { REMINDER_PROBLEMS, reminderProblems, reminderRequest, type ReminderField } from "@/lib/validation/reminders";

const FORM_LIMIT = 4 * 1024;

/**
 * Makes a reminder's calendar file from the reminder form (a plain form post, so it works without
 * JavaScript and keeps the title out of the address bar and history). Nothing is stored or logged.
 * A browser whose form was refused is sent back to the form with the reason beside the field;
 * any other client gets 400 with the reasons.
 */
export async function POST(request: Request): Promise<Response> {
  const crossSite = refuseCrossSiteWrite(request);
  if (crossSite) return crossSite.refused;
  if (!request.headers.get("content-type")?.startsWith("application/x-www-form-urlencoded")) {
    return Response.json({ error: "Send the reminder form (application/x-www-form-urlencoded)." }, { status: 415 });
  }
  const read = await readBodyBytes(request, FORM_LIMIT);
  if ("refused" in read) return read.refused;
  const fields = Object.fromEntries(new URLSearchParams(new TextDecoder().decode(read.bytes)));

  const parsed = reminderRequest.safeParse(fields);
  const problems: Partial<Record<ReminderField, string>> = parsed.success ? {} : reminderProblems(parsed.error);
  const slug = parsed.success && parsed.data.kind === "practice" ? parsed.data.lesson : undefined;
  const lesson = slug ? lessons().find((entry) => entry.slug === slug) : undefined;
  if (slug && !lesson) problems.lesson = REMINDER_PROBLEMS.lesson;

  if (!parsed.success || Object.keys(problems).length > 0) {
    if (!request.headers.get("accept")?.includes("text/html")) return Response.json({ error: "The reminder can't be made.", problems }, { status: 400 });
    // Back to the form, with the first problem beside its field; the title isn't carried in the address.
    const [field] = Object.keys(problems) as ReminderField[];
    const kind = fields.kind === "practice" ? "practice" : "retake-quiz";
    return seeOther(remindersPath(kind, { problem: field, lesson: validSlug(fields.lesson) }));
  }

  const file = reminderCalendar(parsed.data, {
    now: new Date(),
    uid: randomUUID(),
    appUrl: config().appUrl,
    lesson: lesson && { slug: lesson.slug, title: lesson.title },
  });
  return new Response(file, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": 'attachment; filename="reminder.ics"',
      "Cache-Control": "no-store",
    },
  });
}

const validSlug = (value: string | undefined) => (value && lessons().some((entry) => entry.slug === value) ? value : undefined);

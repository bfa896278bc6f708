import type { Metadata } from "next";
import { z } from "zod";
import { ReminderForm } from "@/components/reminders/reminder-form";
import { Container } from "@/components/ui/container";
import { PageHeading } from "@/components/ui/page-heading";
import { lessons } from "@/lib/content/lessons";
import { REMINDER_FIELDS, REMINDER_KINDS, reminderProblemText } from "@/lib/validation/reminders";

export const metadata: Metadata = { title: "A reminder in your calendar" };

const query = z.object({
  kind: z.enum(REMINDER_KINDS).catch("retake-quiz"),
  lesson: z.string().optional().catch(undefined),
  problem: z.enum(REMINDER_FIELDS).optional().catch(undefined),
});

/** The reminder form on its own: where a refused form comes back, with the problem beside its field. */
export default async function RemindersPage({ searchParams }: PageProps<"/reminders">) {
  const { kind, lesson: slug, problem } = query.parse(await searchParams);
  const lesson = kind === "practice" ? lessons().find((entry) => entry.slug === slug) : undefined;
  return (
    <Container className="py-10 sm:py-14">
      <PageHeading
        eyebrow="Reminders"
        title={kind === "retake-quiz" ? "A reminder to retake the quiz" : "A reminder to practise"}
        lead={
          kind === "retake-quiz"
            ? "Taking the quiz again after a few weeks shows what has moved. Add a quiet reminder to your own calendar."
            : `A small, regular nudge to practise${lesson ? ` what “${lesson.title}” teaches` : ""}, in your own calendar.`
        }
      />
      <div className="mt-10">
        <ReminderForm kind={kind} lessonSlug={lesson?.slug} problems={problem ? { [problem]: reminderProblemText(problem) } : {}} />
      </div>
    </Container>
  );
}

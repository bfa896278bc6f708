import type { Metadata } from "next";
import Link from "next/link";
import { DeleteEverythingForm } from "@/components/account/delete-everything-form";
import { ButtonLink, buttonClassName } from "@/components/ui/button";
import { Container } from "@/components/ui/container";
import { Notice } from "@/components/ui/notice";
import { PageHeading } from "@/components/ui/page-heading";
import { Prose } from "@/components/ui/prose";
import { currentProfile } from "@/lib/auth/profile";
import { DELETION_WORD, summariseProfileData, type ProfileDataSummary } from "@/lib/data/profile-data";

export const metadata: Metadata = {
  title: "Delete everything",
  description: "Download a copy of what you have saved in Drawbridge, then delete all of it for good.",
};

const counted = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

/** What goes, in plain words: only the things this person actually has. */
function whatGoes(summary: ProfileDataSummary): string[] {
  const lines: string[] = [];
  if (summary.finishedAttempts) lines.push(`${counted(summary.finishedAttempts, "quiz result", "quiz results")}, with every answer`);
  if (summary.unfinishedAttempts) lines.push(`The answers of ${counted(summary.unfinishedAttempts, "quiz", "quizzes")} you haven’t finished`);
  if (summary.lessonsStarted) lines.push(`Your place in ${counted(summary.lessonsStarted, "lesson", "lessons")}`);
  if (summary.reflections) lines.push(counted(summary.reflections, "reflection", "reflections"));
  if (summary.practiceEntries) lines.push(counted(summary.practiceEntries, "practice log entry", "practice log entries"));
  lines.push(
    summary.kind === "account"
      ? `Your account${summary.email ? ` (${summary.email})` : ""}, its password, and every browser signed in to it`
      : "Your guest profile, and this browser’s link to it",
  );
  return lines;
}

export default async function DeleteEverythingPage() {
  const profile = await currentProfile();
  const summary = profile ? await summariseProfileData(profile) : null;
  if (!summary) return <NothingStored />;

  return (
    <Container className="py-12 sm:py-16">
      <PageHeading
        title="Delete everything"
        lead="You can remove everything Drawbridge keeps for you, in one step. It can’t be undone, so take a moment first."
      />
      <Prose className="mt-10">
        <h2>What will be deleted</h2>
        <ul>
          {whatGoes(summary).map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
        <p>
          Once it’s gone, Drawbridge can’t bring it back. You can always start again afresh: the quiz and the lessons
          will be here.
        </p>
      </Prose>

      <Notice tone="highlight" title="Keep a copy first" className="mt-8 max-w-reading">
        <p>
          Download everything you’ve saved as one file (JSON, readable in any text editor): your answers and results,
          your progress, your reflections and your practice log, exactly as you wrote them.
        </p>
        <p>
          {/* A plain link: the browser saves the file the route sends as an attachment. */}
          <a href="/api/me/export" download className={buttonClassName("secondary")}>
            Download my data
          </a>
        </p>
      </Notice>

      <section aria-labelledby="confirm-heading" className="mt-12">
        <h2 id="confirm-heading" className="mb-4 text-2xl font-semibold">
          Delete it all
        </h2>
        <DeleteEverythingForm word={DELETION_WORD} />
      </section>

      <p className="mt-10 max-w-reading text-muted">
        Changed your mind?{" "}
        <Link href="/me" className="text-accent underline underline-offset-4 hover:text-accent-hover">
          Go back to My journey
        </Link>
        ; nothing has changed.
      </p>
    </Container>
  );
}

function NothingStored() {
  return (
    <Container className="py-12 sm:py-16">
      <PageHeading
        title="Nothing to delete"
        lead="Drawbridge has nothing stored for you in this browser: no results, progress or writing."
      />
      <Prose className="mt-10">
        <p>
          Nothing is kept until you save something, such as an answer in the quiz or a reflection in a lesson. If you
          saved things in another browser or on another device, open this page there. If you have an account, sign in
          first and come back here.
        </p>
      </Prose>
      <ButtonLink href="/" className="mt-8">
        Go to the home page
      </ButtonLink>
    </Container>
  );
}

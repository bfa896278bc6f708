import type { Metadata } from "next";
import { z } from "zod";
import { ImportForm } from "@/components/journey/import-form";
import { Container } from "@/components/ui/container";
import { Notice } from "@/components/ui/notice";
import { PageHeading } from "@/components/ui/page-heading";
import { Prose } from "@/components/ui/prose";
import { TextLink } from "@/components/ui/text-link";
import { currentProfile } from "@/lib/auth/profile";
import { IMPORT_MAX_BYTES, importProblemText, type ImportProblem, type ImportSummary } from "@/lib/data/profile-import";
import { describeProfile } from "@/lib/data/profiles";

export const metadata: Metadata = {
  title: "Bring back your data",
  description: "Bring the results, progress, reflections and practice notes of a Drawbridge export into this browser or account.",
};

const count = z.coerce.number().int().min(0).max(1_000_000);
const position = z.coerce.number().int().min(1).max(1_000_000);
/** What the import form's post sent back in the address: what changed, or why nothing did. */
const outcome = z.union([
  z.object({
    done: z.literal("1"),
    resultsAdded: count,
    resultsAlreadyHere: count,
    unfinishedLeftOut: count,
    lessonsUpdated: count,
    reflectionsAdded: count,
    reflectionsJoined: count,
    reflectionsAlreadyHere: count,
    practiceAdded: count,
    practiceAlreadyHere: count,
  }),
  z.object({
    code: z.enum(["no-file", "too-large", "not-json", "not-export", "wrong-shape", "unknown-lesson", "text-rules", "too-many-entries", "not-saved"]),
  }),
  z.object({ code: z.literal("newer-version"), version: position }),
  z.object({ code: z.literal("too-soon"), wait: position }),
  z.object({ code: z.enum(["unknown-quiz", "scores-disagree", "unfinished-with-scores"]), result: position }),
]);

const counted = (n: number, one: string, many: string) => `${n.toLocaleString("en")} ${n === 1 ? one : many}`;

/** What the import changed, in plain words; only the lines that happened. */
function changes(summary: ImportSummary): string[] {
  const lines = [
    summary.resultsAdded && `${counted(summary.resultsAdded, "quiz result", "quiz results")} added`,
    summary.resultsAlreadyHere && `${counted(summary.resultsAlreadyHere, "quiz result was", "quiz results were")} already here, so left as they are`,
    summary.unfinishedLeftOut && `${counted(summary.unfinishedLeftOut, "unfinished quiz", "unfinished quizzes")} left out`,
    summary.lessonsUpdated && `Your place in ${counted(summary.lessonsUpdated, "lesson", "lessons")} brought forward`,
    summary.reflectionsAdded && `${counted(summary.reflectionsAdded, "reflection", "reflections")} added`,
    summary.reflectionsJoined && `${counted(summary.reflectionsJoined, "reflection", "reflections")} joined to what you had written here`,
    summary.reflectionsAlreadyHere && `${counted(summary.reflectionsAlreadyHere, "reflection was", "reflections were")} already here`,
    summary.practiceAdded && `${counted(summary.practiceAdded, "practice log entry", "practice log entries")} added`,
    summary.practiceAlreadyHere && `${counted(summary.practiceAlreadyHere, "practice log entry was", "practice log entries were")} already here`,
  ];
  return lines.filter((line): line is string => typeof line === "string");
}

export default async function ImportPage({ searchParams }: PageProps<"/me/import">) {
  const query = await searchParams;
  const parsed = outcome.safeParse(query);
  const summary = parsed.success && "done" in parsed.data ? parsed.data : null;
  const problem = parsed.success && "code" in parsed.data ? importProblemText(parsed.data as ImportProblem) : undefined;
  const profile = await currentProfile();
  const owner = profile ? await describeProfile(profile) : null;

  return (
    <Container className="py-12 sm:py-16">
      <PageHeading
        eyebrow="My journey"
        title="Bring back your data"
        lead="Moving to another device, or to another Drawbridge? Choose the file that “Download everything” saved, and what it holds joins what is here."
      />

      {summary ? (
        <div role="status" className="mt-10 max-w-reading">
          <Notice tone="highlight" title="Your data is back">
            {changes(summary).length > 0 ? (
              <ul className="list-disc space-y-1 pl-5">
                {changes(summary).map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            ) : (
              <p>The file held nothing to add.</p>
            )}
            <p>
              <TextLink href="/me">See it on My journey</TextLink>
            </p>
          </Notice>
        </div>
      ) : null}

      <section aria-labelledby="import-heading" className="mt-10">
        <h2 id="import-heading" className="mb-2 text-2xl font-semibold">
          Choose the file
        </h2>
        <p className="mb-5 max-w-reading text-muted">
          {owner?.kind === "account"
            ? `It goes into your account (${owner.email}).`
            : owner
              ? "It goes into this browser’s guest profile. Sign in first if you’d like it in your account."
              : "Nothing is saved in this browser yet: a guest profile will be made to hold it. Sign in first if you’d like it in your account."}
        </p>
        <ImportForm problem={problem} maxMegabytes={IMPORT_MAX_BYTES / 1024 / 1024} />
      </section>

      <Prose className="mt-12">
        <h2>What happens to what is already here</h2>
        <ul>
          <li>Nothing here is deleted or overwritten. A quiz result you already have is not added twice.</li>
          <li>Your place in a lesson only moves forward: the further step counts.</li>
          <li>
            Where you have already answered a reflection question here, your words stay and the file’s words are added
            after them.
          </li>
          <li>Practice log entries are added unless the same one is already here.</li>
          <li>Quizzes you hadn’t finished are left out; you can start a new one any time.</li>
          <li>Bringing back the same file twice changes nothing the second time.</li>
        </ul>
        <p>
          The file is checked whole before anything is saved. If any part of it can’t be right (edited by hand, damaged,
          or from a newer Drawbridge), nothing at all is imported, and this page says why. The file itself is not kept:
          what it holds is saved as if you had written it here, with your reflections and practice notes encrypted as
          always.
        </p>
      </Prose>

      <p className="mt-10 max-w-reading text-muted">
        <TextLink href="/me">Back to My journey</TextLink>
      </p>
    </Container>
  );
}

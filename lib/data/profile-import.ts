import "server-only";
import type { CurrentProfile } from "@/lib/data/profiles";
import { capacities, lessons } from "@/lib/content/lessons";
import { quizForVersion } from "@/lib/content/quiz";
import { db } from "@/lib/db";
import { storedScoresAgree } from "@/lib/scoring";
import { practiceEntryInput } from "@/lib/validation/practice-entries";
import { reflectionInput } from "@/lib/validation/reflections";
import { openText, sealText } from "./encryption";
import { TooManyRequests } from "./errors";
import { PRACTICE_ENTRIES_PER_PROFILE } from "./practice-entries";
import { PROFILE_EXPORT_FORMAT_VERSION, profileExportSchema, type ProfileExport } from "./profile-data";
import { reserve } from "./rate-limits";


/*
 * "Bring back your data": an export file (profileExportSchema, the one definition of the format)
 * merged into the visitor's profile, guest or account. The merge rules, also in the README:
 * - a finished result is added unless the profile already has it (the same id, or the same quiz
 *   version begun at the same moment); unfinished quizzes are left out;
 * - lesson progress never moves backwards: the further step and the earlier start and completion win;
 * - a reflection on a prompt the profile has already answered keeps its text and adds the file's
 *   after it, unless the text already holds it;
 * - a practice entry is added unless the profile has it (the same id, or the same day, capacity
 *   and words);
 * so importing the same file twice changes nothing the second time. Everything is checked before
 * anything is written, and everything is written in one transaction: a refused file changes nothing.
 */

/** The largest file an import takes: about 2,000 results with their answers (500 results are about 5 MB). */
export const IMPORT_MAX_BYTES = 20 * 1024 * 1024;

/** Why a file was refused: a code for pages to say it, a sentence for any other client, and where, when it's one result or entry. */
export type ImportProblem =
  | { code: "no-file" | "too-large" | "not-json" | "not-export" | "wrong-shape" | "unknown-lesson" | "text-rules" | "too-many-entries" }
  | { code: "newer-version"; version: number }
  /** Refused by a limit, not for the file: try again after `wait` seconds. */
  | { code: "too-soon"; wait: number }
  /** The database couldn't save just now. */
  | { code: "not-saved" }
  | { code: "unknown-quiz" | "scores-disagree" | "unfinished-with-scores"; result: number };

export class ImportRefused extends Error {
  override name = "ImportRefused";
  constructor(
    readonly problem: ImportProblem,
    /** For clients that read JSON: what exactly was wrong (a path in the file, the value's rule). */
    readonly detail?: string,
  ) {
    super(importProblemText(problem));
  }
}

/** What a refused import says, in the product's words. */
export function importProblemText(problem: ImportProblem): string {
  switch (problem.code) {
    case "no-file":
      return "Choose the export file to bring back first.";
    case "too-large":
      return `This file is larger than ${IMPORT_MAX_BYTES / 1024 / 1024} MB, the most an import takes. Nothing was imported.`;
    case "not-json":
      return "This file can’t be read as a Drawbridge export: it isn’t a JSON file. Choose the .json file that “Download everything” saved. Nothing was imported.";
    case "not-export":
      return "This file isn’t a Drawbridge export. Choose the .json file that “Download everything” saved. Nothing was imported.";
    case "newer-version":
      return `This export was made by a newer version of Drawbridge (format ${problem.version}) than this one, which reads format ${PROFILE_EXPORT_FORMAT_VERSION}. Nothing was imported.`;
    case "wrong-shape":
      return "Part of this file doesn’t follow the export format, so it may have been edited or damaged. Nothing was imported.";
    case "unknown-quiz":
      return `Result ${problem.result} in this file comes from a version of the quiz this server doesn’t know, or answers a question that quiz doesn’t ask. Nothing was imported.`;
    case "scores-disagree":
      return `The scores of result ${problem.result} in this file don’t match its answers, so the file may have been edited. Nothing was imported.`;
    case "unfinished-with-scores":
      return `Result ${problem.result} in this file is unfinished but has scores, which Drawbridge never saves. Nothing was imported.`;
    case "unknown-lesson":
      return "This file has lesson progress or a reflection for a lesson step or question this server doesn’t have. Nothing was imported.";
    case "text-rules":
      return "A reflection or practice entry in this file is empty, too long, or dated in the future, which Drawbridge never saves. Nothing was imported.";
    case "too-soon":
      return `You brought back a file a moment ago. Please wait ${problem.wait} seconds before importing again. Nothing was imported.`;
    case "not-saved":
      return "The database can’t save anything right now, so nothing was imported. Please try again in a moment.";
    case "too-many-entries":
      return `With this file, your practice log would hold more than ${PRACTICE_ENTRIES_PER_PROFILE.toLocaleString("en")} entries, the most it keeps. Nothing was imported.`;
  }
}

/**
 * Reads and checks an export file's text: the format (the export's own zod schema), then what the
 * schema can't see: every result's quiz version and questions, scores that agree with the answers,
 * lessons, steps and reflection questions this server has, and texts within the rules a save
 * keeps. Throws ImportRefused with the first problem found.
 */
export function readExportFile(text: string): ProfileExport {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new ImportRefused({ code: "not-json" });
  }
  if (typeof json !== "object" || json === null || (json as { format?: unknown }).format !== "drawbridge-export") {
    throw new ImportRefused({ code: "not-export" });
  }
  const version = (json as { formatVersion?: unknown }).formatVersion;
  if (typeof version === "number" && Number.isInteger(version) && version > PROFILE_EXPORT_FORMAT_VERSION) {
    throw new ImportRefused({ code: "newer-version", version });
  }
  const parsed = profileExportSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ImportRefused({ code: "wrong-shape" }, issue && `${issue.path.join(".") || "(the file)"}: ${issue.message}`);
  }
  const file = parsed.data;

  file.quizAttempts.forEach((attempt, index) => {
    const result = index + 1;
    const quiz = quizForVersion(attempt.quizVersion);
    const answers = attempt.answers.map(({ itemId, value }) => ({ itemId, value }));
    const known = quiz && answers.every(({ itemId }) => quiz.items.some((item) => item.id === itemId));
    if (!quiz || !known) throw new ImportRefused({ code: "unknown-quiz", result }, `quizAttempts.${index}`);
    if (attempt.status === "in_progress") {
      if (attempt.scores.length > 0 || attempt.completedAt !== null) throw new ImportRefused({ code: "unfinished-with-scores", result });
      return;
    }
    const agree = attempt.completedAt !== null && attempt.scoringVersion !== null && storedScoresAgree(quiz, attempt.scoringVersion, answers, attempt.scores);
    if (!agree) throw new ImportRefused({ code: "scores-disagree", result }, `quizAttempts.${index}`);
  });

  const lessonSteps = new Map(lessons().map((lesson) => [lesson.slug, lesson.steps]));
  for (const progress of file.lessonProgress) {
    const steps = lessonSteps.get(progress.lessonSlug);
    if (!steps || progress.stepReached < 1 || progress.stepReached > steps.length) {
      throw new ImportRefused({ code: "unknown-lesson" }, `lessonProgress: ${progress.lessonSlug} step ${progress.stepReached}`);
    }
  }
  for (const reflection of file.reflections) {
    const asked = lessonSteps.get(reflection.lessonSlug)?.some((step) => step.reflections.some((prompt) => prompt.id === reflection.promptId));
    if (!asked) throw new ImportRefused({ code: "unknown-lesson" }, `reflections: ${reflection.lessonSlug}/${reflection.promptId}`);
    const checked = reflectionInput.safeParse(reflection);
    if (!checked.success) throw new ImportRefused({ code: "text-rules" }, `reflections: ${checked.error.issues[0]?.message}`);
  }
  const capacityIds = new Set(capacities.map((capacity) => capacity.id));
  for (const entry of file.practiceEntries) {
    const checked = practiceEntryInput.safeParse(entry);
    if (!capacityIds.has(entry.capacity) || !checked.success) {
      throw new ImportRefused({ code: "text-rules" }, `practiceEntries: ${checked.success ? `unknown capacity ${entry.capacity}` : checked.error.issues[0]?.message}`);
    }
  }
  return file;
}

/** What an import changed, for the page to say. */
export type ImportSummary = {
  resultsAdded: number;
  resultsAlreadyHere: number;
  unfinishedLeftOut: number;
  lessonsUpdated: number;
  reflectionsAdded: number;
  reflectionsJoined: number;
  reflectionsAlreadyHere: number;
  practiceAdded: number;
  practiceAlreadyHere: number;
};

/** Refuses an import when the profile has used its allowance ("imports-per-profile"): each one writes a whole history. */
export async function reserveImport(profile: CurrentProfile, now = Date.now()): Promise<void> {
  const reservation = await reserve("imports-per-profile", profile.id, now);
  if (reservation.allowed) return;
  const wait = reservation.retryAfterSeconds;
  throw new TooManyRequests(wait, importProblemText({ code: "too-soon", wait }));
}

const DAY = (date: Date) => date.toISOString().slice(0, 10);
/** Whichever moment came first; null only when neither happened. */
const earlier = (a: Date | null, b: Date | null) => (!a || !b ? (a ?? b) : a < b ? a : b);

/** Merges a checked export file (readExportFile) into the profile, all in one transaction, by the rules above. */
export async function importProfileData(profile: CurrentProfile, file: ProfileExport): Promise<ImportSummary> {
  const summary: ImportSummary = {
    resultsAdded: 0,
    resultsAlreadyHere: 0,
    unfinishedLeftOut: 0,
    lessonsUpdated: 0,
    reflectionsAdded: 0,
    reflectionsJoined: 0,
    reflectionsAlreadyHere: 0,
    practiceAdded: 0,
    practiceAlreadyHere: 0,
  };
  await db().$transaction(
    async (tx) => {
      // Results.
      const finished = file.quizAttempts.filter((attempt) => attempt.status === "completed");
      summary.unfinishedLeftOut = file.quizAttempts.length - finished.length;
      const mine = await tx.quizAttempt.findMany({ where: { profileId: profile.id }, select: { id: true, quizVersion: true, startedAt: true } });
      const mineById = new Set(mine.map((attempt) => attempt.id));
      const mineByStart = new Set(mine.map((attempt) => `${attempt.quizVersion}@${attempt.startedAt.toISOString()}`));
      const elsewhere = new Set(
        (await tx.quizAttempt.findMany({ where: { id: { in: finished.map((attempt) => attempt.id) } }, select: { id: true } })).map((row) => row.id),
      );
      for (const attempt of finished) {
        const startKey = `${attempt.quizVersion}@${attempt.startedAt}`;
        if (mineById.has(attempt.id) || mineByStart.has(startKey)) {
          summary.resultsAlreadyHere += 1;
          continue;
        }
        mineByStart.add(startKey);
        const created = await tx.quizAttempt.create({
          data: {
            // The file's id where it is free, so links to the result keep working; another profile's stays its own.
            ...(elsewhere.has(attempt.id) ? {} : { id: attempt.id }),
            profileId: profile.id,
            quizVersion: attempt.quizVersion,
            status: "completed",
            scoringVersion: attempt.scoringVersion,
            startedAt: new Date(attempt.startedAt),
            completedAt: new Date(attempt.completedAt!),
            updatedAt: new Date(attempt.completedAt!),
          },
          select: { id: true },
        });
        await tx.quizAnswer.createMany({
          data: attempt.answers.map((answer) => ({
            attemptId: created.id,
            itemId: answer.itemId,
            value: answer.value,
            answeredAt: new Date(answer.answeredAt),
            updatedAt: new Date(answer.updatedAt),
          })),
        });
        await tx.strategyScore.createMany({
          data: attempt.scores.map((score) => ({ attemptId: created.id, ...score })),
        });
        summary.resultsAdded += 1;
      }

      // Lesson progress: never backwards.
      const progress = new Map(
        (await tx.lessonProgress.findMany({ where: { profileId: profile.id } })).map((row) => [row.lessonSlug, row]),
      );
      for (const theirs of file.lessonProgress) {
        const kept = progress.get(theirs.lessonSlug);
        const completedAt = theirs.completedAt ? new Date(theirs.completedAt) : null;
        if (!kept) {
          await tx.lessonProgress.create({
            data: {
              profileId: profile.id,
              lessonSlug: theirs.lessonSlug,
              stepReached: theirs.stepReached,
              startedAt: new Date(theirs.startedAt),
              updatedAt: new Date(theirs.updatedAt),
              completedAt,
            },
          });
          summary.lessonsUpdated += 1;
          continue;
        }
        const merged = {
          stepReached: Math.max(kept.stepReached, theirs.stepReached),
          startedAt: earlier(kept.startedAt, new Date(theirs.startedAt))!,
          completedAt: earlier(kept.completedAt, completedAt),
        };
        const movedOn = merged.stepReached !== kept.stepReached || merged.completedAt?.getTime() !== kept.completedAt?.getTime();
        if (!movedOn && merged.startedAt.getTime() === kept.startedAt.getTime()) continue;
        await tx.lessonProgress.update({ where: { id: kept.id }, data: merged });
        if (movedOn) summary.lessonsUpdated += 1; // an earlier start alone is kept, but isn't news
      }

      // Reflections: what is written here stays; the file's words come after it.
      const promptKey = (row: { lessonSlug: string; promptId: string }) => `${row.lessonSlug}/${row.promptId}`;
      const reflections = new Map(
        (await tx.reflection.findMany({ where: { profileId: profile.id } })).map((row) => [promptKey(row), row]),
      );
      for (const theirs of file.reflections) {
        const kept = reflections.get(promptKey(theirs));
        if (!kept) {
          await tx.reflection.create({
            data: {
              profileId: profile.id,
              lessonSlug: theirs.lessonSlug,
              promptId: theirs.promptId,
              text: sealText(theirs.text, "reflection.text"),
              createdAt: new Date(theirs.createdAt),
              updatedAt: new Date(theirs.updatedAt),
            },
          });
          summary.reflectionsAdded += 1;
          continue;
        }
        const keptText = openText(kept.text, "reflection.text");
        if (!theirs.text.trim() || keptText.includes(theirs.text)) {
          summary.reflectionsAlreadyHere += 1;
          continue;
        }
        const joined = [keptText, theirs.text].filter((text) => text.trim()).join("\n\n");
        await tx.reflection.update({ where: { id: kept.id }, data: { text: sealText(joined, "reflection.text") } });
        summary.reflectionsJoined += 1;
      }

      // Practice entries: added unless already here.
      const entries = await tx.practiceEntry.findMany({ where: { profileId: profile.id } });
      const entryKey = (entry: { capacity: string; practisedOn: string; whatHappened: string; whatNoticed: string; whatYouDid: string }) =>
        JSON.stringify([entry.capacity, entry.practisedOn, entry.whatHappened, entry.whatNoticed, entry.whatYouDid]);
      const entryIds = new Set(entries.map((entry) => entry.id));
      const entryKeys = new Set(
        entries.map((entry) =>
          entryKey({
            capacity: entry.capacity,
            practisedOn: DAY(entry.practisedOn),
            whatHappened: openText(entry.whatHappened, "practice.whatHappened"),
            whatNoticed: openText(entry.whatNoticed, "practice.whatNoticed"),
            whatYouDid: openText(entry.whatYouDid, "practice.whatYouDid"),
          }),
        ),
      );
      const entriesElsewhere = new Set(
        (await tx.practiceEntry.findMany({ where: { id: { in: file.practiceEntries.map((entry) => entry.id) } }, select: { id: true } })).map((row) => row.id),
      );
      const toAdd = file.practiceEntries.filter((entry) => {
        const key = entryKey(entry);
        if (entryIds.has(entry.id) || entryKeys.has(key)) return false;
        entryKeys.add(key);
        return true;
      });
      summary.practiceAlreadyHere = file.practiceEntries.length - toAdd.length;
      if (entries.length + toAdd.length > PRACTICE_ENTRIES_PER_PROFILE) throw new ImportRefused({ code: "too-many-entries" });
      for (const entry of toAdd) {
        await tx.practiceEntry.create({
          data: {
            ...(entriesElsewhere.has(entry.id) ? {} : { id: entry.id }),
            profileId: profile.id,
            capacity: entry.capacity,
            practisedOn: new Date(`${entry.practisedOn}T00:00:00.000Z`),
            whatHappened: sealText(entry.whatHappened, "practice.whatHappened"),
            whatNoticed: sealText(entry.whatNoticed, "practice.whatNoticed"),
            whatYouDid: sealText(entry.whatYouDid, "practice.whatYouDid"),
            createdAt: new Date(entry.createdAt),
            updatedAt: new Date(entry.updatedAt),
          },
        });
      }
      summary.practiceAdded = toAdd.length;
    },
    { maxWait: 10_000, timeout: 120_000 },
  );
  return summary;
}

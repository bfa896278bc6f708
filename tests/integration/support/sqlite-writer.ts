// One of several processes writing to the same SQLite file (run with `node --conditions=react-server
// --import tsx`, DATABASE_URL set): guests read lessons and answer the quiz through lib/data, as
// the server's route handlers do. Meanwhile one shared attempt is changed (WRITER_ROLE=changer) or
// finished (WRITER_ROLE=finisher) from here while the other process does the other.
// Reports to the parent how many saves succeeded and each failure.
import { randomUUID } from "node:crypto";
import { quiz } from "@/lib/content/quiz";
import { recordLessonStep } from "@/lib/data/lesson-progress";
import { finishAttempt, saveAnswer, startAttempt } from "@/lib/data/quiz-attempts";
import { db } from "@/lib/db";

const GUESTS = Number(process.env.WRITER_GUESTS ?? 6);
const STEPS = Number(process.env.WRITER_STEPS ?? 30);
const ANSWERS = Number(process.env.WRITER_ANSWERS ?? 20);
const FINISHES = 10;
/** Spreads the shared attempt's changes and finishes over the processes' busiest moments. */
const jitter = () => new Promise((resolve) => setTimeout(resolve, Math.random() * 300));

export type WriterReport = {
  progressSaves: number;
  answerSaves: number;
  finishes: number;
  /** Indices of the shared attempt's items whose change was acknowledged as saved. */
  sharedChangesSaved: number[];
  sharedChangesRefused: number;
  failures: string[];
};

const report: WriterReport = { progressSaves: 0, answerSaves: 0, finishes: 0, sharedChangesSaved: [], sharedChangesRefused: 0, failures: [] };

async function attempt<T>(kind: string, save: () => Promise<T>): Promise<T | undefined> {
  try {
    return await save();
  } catch (error) {
    report.failures.push(`${kind}: ${error instanceof Error ? error.message.split("\n").slice(-2).join(" ") : String(error)}`);
    return undefined;
  }
}

async function guest() {
  const profile = { id: randomUUID(), isGuest: true };
  await db().profile.create({ data: { id: profile.id, name: "Guest", isAnonymous: true } });
  const quizAttempt = await startAttempt(profile);
  const work: Promise<unknown>[] = [];
  for (let step = 1; step <= STEPS; step++) {
    const lessonSlug = `lesson-${step % 3}`;
    const input = { lessonSlug, step: 1 + (step % 5), completes: step % 7 === 0 };
    work.push(attempt("progress save", () => recordLessonStep(profile, input)).then((saved) => saved && report.progressSaves++));
  }
  for (let index = 0; index < ANSWERS; index++) {
    const item = quiz.items[index % quiz.items.length]!;
    const answer = { itemId: item.id, value: 1 + (index % 5) };
    work.push(attempt("answer save", () => saveAnswer(profile, quizAttempt.id, answer)).then((saved) => saved && report.answerSaves++));
  }
  await Promise.all(work);
}

/** The other process's answers to the shared attempt change while this one finishes it, or the reverse. */
async function sharedAttempt() {
  const profile = { id: process.env.SHARED_PROFILE!, isGuest: true };
  const attemptId = process.env.SHARED_ATTEMPT!;
  if (process.env.WRITER_ROLE === "finisher") {
    await Promise.all(
      Array.from({ length: FINISHES }, async () => {
        await jitter();
        const outcome = await attempt("finish", () => finishAttempt(profile, attemptId));
        if (outcome && "finished" in outcome) report.finishes++;
      }),
    );
    return;
  }
  // One change after another, as a visitor revising answers does, so the finish lands midway.
  for (const [index, item] of quiz.items.entries()) {
    await new Promise((resolve) => setTimeout(resolve, Math.random() * 4));
    const outcome = await attempt("shared change", () => saveAnswer(profile, attemptId, { itemId: item.id, value: 1 + ((index + 2) % 5) }));
    if (outcome && "saved" in outcome) report.sharedChangesSaved.push(index);
    else if (outcome) report.sharedChangesRefused++;
  }
}

async function main() {
  // Wait for the parent's go, so the processes start writing at the same moment.
  await new Promise<void>((resolve) => process.once("message", () => resolve()));
  await Promise.all([...Array.from({ length: GUESTS }, () => guest()), sharedAttempt()]);
  process.send!(report);
  await db().$disconnect();
}

process.send!("ready");
main().catch((error) => {
  process.send!({ ...report, failures: [...report.failures, `setup: ${String(error)}`] });
});

// One of several processes writing to the same SQLite file (run with `node --conditions=react-server
// --import tsx`, DATABASE_URL set): guests read lessons and answer the quiz through lib/data, as
// the server's route handlers do. Reports to the parent how many saves succeeded and each failure.
import { randomUUID } from "node:crypto";
import { quiz } from "@/lib/content/quiz";
import { recordLessonStep } from "@/lib/data/lesson-progress";
import { saveAnswer, startAttempt } from "@/lib/data/quiz-attempts";
import { db } from "@/lib/db";

const GUESTS = Number(process.env.WRITER_GUESTS ?? 6);
const STEPS = Number(process.env.WRITER_STEPS ?? 30);
const ANSWERS = Number(process.env.WRITER_ANSWERS ?? 20);

const counts = { progressSaves: 0, answerSaves: 0, failures: [] as string[] };

async function attempt(kind: "progressSaves" | "answerSaves", save: () => Promise<unknown>) {
  try {
    await save();
    counts[kind]++;
  } catch (error) {
    counts.failures.push(`${kind}: ${error instanceof Error ? error.message.split("\n").slice(-2).join(" ") : String(error)}`);
  }
}

async function guest() {
  const profile = { id: randomUUID(), isGuest: true };
  await db().profile.create({ data: { id: profile.id, name: "Guest", isAnonymous: true } });
  const quizAttempt = await startAttempt(profile);
  const work: Promise<void>[] = [];
  for (let step = 1; step <= STEPS; step++) {
    const lessonSlug = `lesson-${step % 3}`;
    work.push(attempt("progressSaves", () => recordLessonStep(profile, { lessonSlug, step: 1 + (step % 5), completes: step % 7 === 0 })));
  }
  for (let index = 0; index < ANSWERS; index++) {
    const item = quiz.items[index % quiz.items.length]!;
    work.push(attempt("answerSaves", () => saveAnswer(profile, quizAttempt.id, { itemId: item.id, value: 1 + (index % 5) })));
  }
  await Promise.all(work);
}

async function main() {
  // Wait for the parent's go, so the processes start writing at the same moment.
  await new Promise<void>((resolve) => process.once("message", () => resolve()));
  await Promise.all(Array.from({ length: GUESTS }, () => guest()));
  process.send!(counts);
  await db().$disconnect();
}

process.send!("ready");
main().catch((error) => {
  process.send!({ ...counts, failures: [...counts.failures, `setup: ${String(error)}`] });
});

import { randomUUID } from "node:crypto";
import { inject } from "vitest";
import { describe, expect, it } from "vitest";
import type { CurrentProfile } from "@/lib/data/profiles";
import { quiz } from "@/lib/content/quiz";
import { db } from "@/lib/db";
import { TooManyRequests } from "@/lib/data/errors";
import { recordLessonStep } from "@/lib/data/lesson-progress";
import { addPracticeEntry } from "@/lib/data/practice-entries";
import { EXPORT_BATCH_SIZE, exportProfileData, profileExportSchema, reserveExport, streamProfileExport } from "@/lib/data/profile-data";
import { LIMITS } from "@/lib/data/rate-limits";
import { saveReflection } from "@/lib/data/reflections";
import { refusalResponse } from "@/lib/http/failures";
import { STRATEGIES } from "@/lib/scoring";
import { exportInMemory } from "./support/export-in-memory";
import { makeGuestProfile } from "./support/profiles";

const provider = inject("provider");
const DAY = 86_400_000;

/**
 * A long history: more attempts and practice entries than one batch holds, several started in
 * the same millisecond (so the order's tie-break shows), answers saved out of the quiz's order.
 */
async function longHistory(profile: CurrentProfile, attempts: number, entries: number) {
  const start = Date.UTC(2025, 0, 1);
  const rows = Array.from({ length: attempts }, (_, index) => ({
    id: randomUUID(),
    profileId: profile.id,
    quizVersion: quiz.version,
    status: index % 7 === 3 ? "in_progress" : "completed",
    startedAt: new Date(start + Math.floor(index / 3) * DAY), // three at a time share a moment
    completedAt: index % 7 === 3 ? null : new Date(start + Math.floor(index / 3) * DAY + 600_000),
    scoringVersion: index % 7 === 3 ? null : "test-scoring",
  }));
  await db().quizAttempt.createMany({ data: rows });
  await db().quizAnswer.createMany({
    data: rows.flatMap((attempt, a) =>
      [...quiz.items].reverse().map((item, i) => ({ attemptId: attempt.id, itemId: item.id, value: 1 + ((a + i) % 5), answeredAt: attempt.startedAt })),
    ),
  });
  await db().strategyScore.createMany({
    data: rows
      .filter((attempt) => attempt.status === "completed")
      .flatMap((attempt, a) => [...STRATEGIES].reverse().map((strategy, s) => ({ attemptId: attempt.id, strategy, score: (a * 7 + s * 13) % 100, band: "some", answered: 5, total: 5 }))),
  });
  for (let index = 0; index < entries; index++) {
    await addPracticeEntry(profile, {
      capacity: "catching-the-reflex",
      practisedOn: `2026-0${1 + (index % 3)}-1${index % 4}`, // many on the same day
      whatHappened: `Entry ${index}: "quoted", a tab\there, and a line\nbreak — ünïcödé.`,
      whatNoticed: "I noticed.",
      whatYouDid: "I stayed.",
    });
  }
  await recordLessonStep(profile, { lessonSlug: "the-pattern-from-inside", step: 5, completes: true });
  await saveReflection(profile, { lessonSlug: "the-pattern-from-inside", promptId: "moves-you-recognise", text: "Going quiet." });
  await saveReflection(profile, { lessonSlug: "the-trade-off", promptId: "what-closeness-cost", text: "" });
  await db().session.create({
    data: { id: randomUUID(), token: randomUUID(), profileId: profile.id, expiresAt: new Date(Date.now() + DAY), userAgent: "Test browser" },
  });
}

async function streamedText(profile: CurrentProfile, now: Date) {
  const started = await streamProfileExport(profile, now);
  return started && new Response(started.body).text();
}

describe("the streamed export", () => {
  it("writes exactly the bytes the in-memory export wrote, for a long history and a short one", async () => {
    const now = new Date();
    const long = await makeGuestProfile();
    await longHistory(long, EXPORT_BATCH_SIZE * 2 + 17, EXPORT_BATCH_SIZE + 9);
    const short = await makeGuestProfile();
    await recordLessonStep(short, { lessonSlug: "the-trade-off", step: 2, completes: false });
    const empty = await makeGuestProfile();

    for (const profile of [long, short, empty]) {
      const text = await streamedText(profile, now);
      expect(text).toBe(`${JSON.stringify(await exportInMemory(profile, now), null, 2)}\n`);
      const parsed = profileExportSchema.parse(JSON.parse(text!));
      expect(await exportProfileData(profile, now)).toEqual(parsed);
    }
    const parsed = profileExportSchema.parse(JSON.parse((await streamedText(long, now))!));
    expect(parsed.quizAttempts).toHaveLength(EXPORT_BATCH_SIZE * 2 + 17);
    expect(new Set(parsed.quizAttempts.map((attempt) => attempt.id)).size).toBe(EXPORT_BATCH_SIZE * 2 + 17);
    expect(parsed.practiceEntries).toHaveLength(EXPORT_BATCH_SIZE + 9);
    expect(parsed.practiceEntries[0]!.whatHappened).toContain("a line\nbreak — ünïcödé");
  });

  it("writes every kind of stored value as the in-memory export did: fractions, nulls, escapes, old versions, no answers", async () => {
    // The attempts' answers and scores reach the export through the database's own JSON (see
    // answersAndScores): scores that are not whole numbers, nulls, text that needs escaping and
    // times with milliseconds must come out exactly as Prisma's reading of the rows gives them.
    const profile = await makeGuestProfile();
    const at = (offset: number) => new Date(Date.UTC(2026, 2, 1, 9, 30, 0, 123) + offset);
    const attempts = [
      { id: randomUUID(), quizVersion: quiz.version, status: "completed", scoringVersion: "test-scoring", completedAt: at(600_000) },
      { id: randomUUID(), quizVersion: "2026.11-1", status: "completed", scoringVersion: "older-scoring", completedAt: at(700_000) },
      { id: randomUUID(), quizVersion: "never-published", status: "in_progress", scoringVersion: null, completedAt: null },
      { id: randomUUID(), quizVersion: quiz.version, status: "in_progress", scoringVersion: null, completedAt: null }, // nothing answered yet
    ];
    await db().quizAttempt.createMany({ data: attempts.map((attempt, index) => ({ ...attempt, profileId: profile.id, startedAt: at(index) })) });
    const [current, older, unknown] = attempts;
    await db().quizAnswer.createMany({
      data: [
        ...quiz.items.slice(0, 7).map((item, index) => ({ attemptId: current!.id, itemId: item.id, value: 1 + (index % 5), answeredAt: at(index * 1001), updatedAt: at(index * 1001 + (index % 2) * 90_000) })),
        { attemptId: older!.id, itemId: "ia-01", value: 5, answeredAt: at(1), updatedAt: at(1) },
        { attemptId: unknown!.id, itemId: 'a "quoted" item', value: 2, answeredAt: at(2), updatedAt: at(3) },
        { attemptId: unknown!.id, itemId: "ünïcödé — item\tone", value: 3, answeredAt: at(4), updatedAt: at(4) },
        { attemptId: unknown!.id, itemId: "another", value: 4, answeredAt: at(5), updatedAt: at(5) },
      ],
    });
    await db().strategyScore.createMany({
      data: [
        ...[100 / 3, 0.1 + 0.2, 200 / 3, 1e-7, 0, 100, 62.5].map((score, index) => ({ attemptId: current!.id, strategy: STRATEGIES[index % STRATEGIES.length]!, score, band: "some", answered: 3, total: 5 })),
        { attemptId: older!.id, strategy: "a retired strategy", score: null, band: null, answered: 1, total: 5 },
        { attemptId: older!.id, strategy: STRATEGIES[0]!, score: 41.25, band: "moderate", answered: 5, total: 5 },
      ].filter((row, index, rows) => rows.findIndex((other) => other.attemptId === row.attemptId && other.strategy === row.strategy) === index),
    });
    const now = new Date();
    const text = await streamedText(profile, now);
    expect(text).toBe(`${JSON.stringify(await exportInMemory(profile, now), null, 2)}\n`);
    const parsed = profileExportSchema.parse(JSON.parse(text!));
    expect(parsed.quizAttempts.map((attempt) => attempt.answers.length)).toEqual([7, 1, 3, 0]);
    expect(parsed.quizAttempts[0]!.scores.map((score) => score.score)).toContain(100 / 3);
    expect(parsed.quizAttempts[1]!.scores.at(-1)).toMatchObject({ strategy: "a retired strategy", score: null, band: null });
  });

  it("has nothing to stream for a profile that no longer exists", async () => {
    expect(await streamProfileExport({ id: randomUUID(), isGuest: true })).toBeNull();
  });

  it.runIf(provider === "postgresql")("is one snapshot on PostgreSQL: a quiz started during the download is not in it", async () => {
    const profile = await makeGuestProfile();
    await longHistory(profile, EXPORT_BATCH_SIZE * 2, 0);
    const started = (await streamProfileExport(profile))!;
    const reader = started.body.getReader();
    const decoder = new TextDecoder();
    let text = decoder.decode((await reader.read()).value, { stream: true }); // the snapshot is taken
    const lateId = randomUUID();
    await db().quizAttempt.create({ data: { id: lateId, profileId: profile.id, quizVersion: quiz.version, startedAt: new Date(Date.UTC(2030, 0, 1)) } });
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) text += decoder.decode(chunk.value, { stream: true });
    const parsed = profileExportSchema.parse(JSON.parse(text));
    expect(parsed.quizAttempts).toHaveLength(EXPORT_BATCH_SIZE * 2);
    expect(text).not.toContain(lateId);
    expect((await exportProfileData(profile))!.quizAttempts.map((attempt) => attempt.id)).toContain(lateId);
  });
});

describe("the export's limit", () => {
  it("refuses the next download inside the window with a 429 and when to try again, for that profile only", async () => {
    const { allowed, windowSeconds } = LIMITS["exports-per-profile"];
    const alex = await makeGuestProfile();
    const sam = await makeGuestProfile();
    const now = Date.now();
    for (let index = 0; index < allowed; index++) await expect(reserveExport(alex, now + index * 1000)).resolves.toBeUndefined();
    const refused = await reserveExport(alex, now + allowed * 1000).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(TooManyRequests);
    const response = refusalResponse(refused, "GET");
    expect(response.status).toBe(429);
    expect(Number(response.headers.get("retry-after"))).toBe(windowSeconds - allowed);
    expect(await response.json()).toEqual({ error: expect.stringContaining("Please wait") });

    await expect(reserveExport(sam, now + allowed * 1000)).resolves.toBeUndefined(); // someone else is not held up
    await expect(reserveExport(alex, now + windowSeconds * 1000 + 1)).resolves.toBeUndefined(); // a new window
  });
});

import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import type { CurrentProfile } from "@/lib/data/profiles";
import { quiz } from "@/lib/content/quiz";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/db/generated/sqlite/client";
import { recordLessonStep } from "@/lib/data/lesson-progress";
import { addPracticeEntry } from "@/lib/data/practice-entries";
import {
  deleteProfileData,
  exportProfileData,
  PROFILE_EXPORT_FORMAT_VERSION,
  profileExportSchema,
  summariseProfileData,
} from "@/lib/data/profile-data";
import { finishAttempt, saveAnswer, startAttempt } from "@/lib/data/quiz-attempts";
import { saveReflection } from "@/lib/data/reflections";
import { scoreAttempt } from "@/lib/scoring";
import { makeGuestProfile } from "./support/profiles";

const valueFor = (index: number) => 1 + ((index * 2) % 5);

/** A profile that has used everything: a finished and an unfinished quiz, two lessons, two reflections, a practice entry. */
async function useEverything(profile: CurrentProfile, words: string) {
  const finished = await startAttempt(profile);
  for (const [index, item] of quiz.items.entries()) {
    expect(await saveAnswer(profile, finished.id, { itemId: item.id, value: valueFor(index) })).toEqual({ saved: true });
  }
  expect(await finishAttempt(profile, finished.id)).toEqual({ finished: true, attemptId: finished.id });
  const unfinished = await startAttempt(profile);
  await saveAnswer(profile, unfinished.id, { itemId: quiz.items[0]!.id, value: 4 });
  await saveAnswer(profile, unfinished.id, { itemId: quiz.items[1]!.id, value: 2 });

  await recordLessonStep(profile, { lessonSlug: "the-pattern-from-inside", step: 5, completes: true });
  await recordLessonStep(profile, { lessonSlug: "the-trade-off", step: 2, completes: false });
  await saveReflection(profile, { lessonSlug: "the-pattern-from-inside", promptId: "moves-you-recognise", text: `${words}: going quiet.` });
  await saveReflection(profile, { lessonSlug: "the-trade-off", promptId: "what-closeness-cost", text: `${words}: a friendship.` });
  const entry = await addPracticeEntry(profile, {
    capacity: "catching-the-reflex",
    practisedOn: "2026-02-14",
    whatHappened: `${words}: she asked about my week.`,
    whatNoticed: "I wanted to change the subject.",
    whatYouDid: "Told her one true thing.",
  });
  return { finishedId: finished.id, unfinishedId: unfinished.id, entryId: entry.id };
}

/** A signed-in browser and a password sign-in, as the auth library stores them. */
async function signInRows(profile: CurrentProfile) {
  const sessionToken = `session-${randomUUID()}`;
  const passwordHash = `scrypt-hash-${randomUUID()}`;
  await db().session.create({
    data: {
      id: randomUUID(),
      token: sessionToken,
      expiresAt: new Date(Date.now() + 86_400_000),
      ipAddress: "203.0.113.7",
      userAgent: "Test browser",
      profileId: profile.id,
    },
  });
  await db().account.create({
    data: { id: randomUUID(), accountId: profile.id, providerId: "credential", password: passwordHash, profileId: profile.id },
  });
  // A password-reset token names its profile only in `value`.
  const resetToken = `reset-password:${randomUUID()}`;
  await db().verification.create({
    data: { id: randomUUID(), identifier: resetToken, value: profile.id, expiresAt: new Date(Date.now() + 3_600_000) },
  });
  const recoveryCodeHash = `recovery-code-hash-${randomUUID()}`;
  await db().recoveryCode.create({ data: { profileId: profile.id, codeHash: recoveryCodeHash } });
  return { sessionToken, passwordHash, resetToken, recoveryCodeHash };
}

/**
 * How many rows of each table belong to the profile. Typed by Prisma's model names, so a new
 * model fails the typecheck until it is added here, and checked against schema.prisma below.
 */
async function rowsOf(profileId: string, attemptIds: string[]): Promise<Record<Prisma.ModelName, number>> {
  const owned = { where: { profileId } };
  const ofAttempts = { where: { attemptId: { in: attemptIds } } };
  const [Profile, Session, Account, RecoveryCode, Verification, RateLimit, QuizAttempt, QuizAnswer, StrategyScore, LessonProgress, Reflection, PracticeEntry] =
    await Promise.all([
      db().profile.count({ where: { id: profileId } }),
      db().session.count(owned),
      db().account.count(owned),
      db().recoveryCode.count(owned),
      db().verification.count({ where: { value: profileId } }),
      // Sign-in counters are keyed by address and route, never by profile: none may name it.
      db().rateLimit.count({ where: { key: { contains: profileId } } }),
      db().quizAttempt.count(owned),
      db().quizAnswer.count(ofAttempts),
      db().strategyScore.count(ofAttempts),
      db().lessonProgress.count(owned),
      db().reflection.count(owned),
      db().practiceEntry.count(owned),
    ]);
  // The health check's one row holds a timestamp only and never names a profile.
  const HealthCheck = 0;
  // A lease names a piece of work (the guest clean-up) and a server process, never a profile.
  const Lease = 0;
  // A server process's row holds its host, pid and a hash of its secrets, never a profile.
  const ServerProcess = 0;
  return { Profile, Session, Account, RecoveryCode, Verification, RateLimit, HealthCheck, Lease, ServerProcess, QuizAttempt, QuizAnswer, StrategyScore, LessonProgress, Reflection, PracticeEntry };
}

const schemaModels = () =>
  [...readFileSync("prisma/schema.prisma", "utf8").matchAll(/^model (\w+) \{/gm)].map((match) => match[1]!).sort();

describe("exporting a profile's data", () => {
  it("holds exactly the profile's attempts, answers, scores, versions, progress and texts, and nothing of anyone else's", async () => {
    const alex = await makeGuestProfile();
    const sam = await makeGuestProfile();
    const mine = await useEverything(alex, "Alex");
    const theirs = await useEverything(sam, "Sam");

    const before = Date.now();
    const exported = await exportProfileData(alex);
    expect(profileExportSchema.parse(exported)).toEqual(exported); // strict: no field beyond the documented ones
    const data = exported!;
    expect(data).toMatchObject({ format: "drawbridge-export", formatVersion: 1, profile: { kind: "guest" } });
    expect(Date.parse(data.exportedAt)).toBeGreaterThanOrEqual(before - 1000);
    expect(data.profile).not.toHaveProperty("email"); // a guest's placeholder address is not theirs

    expect(data.quizAttempts.map((attempt) => attempt.id)).toEqual([mine.finishedId, mine.unfinishedId]);
    const [finished, unfinished] = data.quizAttempts;
    const expected = scoreAttempt(
      quiz,
      quiz.items.map((item, index) => ({ itemId: item.id, value: valueFor(index) })),
    );
    expect(finished).toMatchObject({
      status: "completed",
      quizVersion: quiz.version,
      scoringVersion: expected.scoringVersion,
    });
    expect(finished!.completedAt).not.toBeNull();
    expect(Object.fromEntries(finished!.answers.map((answer) => [answer.itemId, answer.value]))).toEqual(
      Object.fromEntries(quiz.items.map((item, index) => [item.id, valueFor(index)])),
    );
    expect(finished!.scores).toEqual(
      expected.strategies.map((result) => ({
        strategy: result.strategy,
        score: result.status === "scored" ? result.score : null,
        band: result.status === "scored" ? result.band : null,
        answered: result.answered,
        total: result.total,
      })),
    );
    expect(unfinished).toMatchObject({ status: "in_progress", scoringVersion: null, completedAt: null, scores: [] });
    expect(unfinished!.answers.map(({ itemId, value }) => ({ itemId, value }))).toEqual([
      { itemId: quiz.items[0]!.id, value: 4 },
      { itemId: quiz.items[1]!.id, value: 2 },
    ]);

    expect(data.lessonProgress.map(({ lessonSlug, stepReached, completedAt }) => ({ lessonSlug, stepReached, done: completedAt !== null }))).toEqual([
      { lessonSlug: "the-pattern-from-inside", stepReached: 5, done: true },
      { lessonSlug: "the-trade-off", stepReached: 2, done: false },
    ]);
    expect(data.reflections.map(({ lessonSlug, promptId, text }) => ({ lessonSlug, promptId, text }))).toEqual([
      { lessonSlug: "the-pattern-from-inside", promptId: "moves-you-recognise", text: "Alex: going quiet." },
      { lessonSlug: "the-trade-off", promptId: "what-closeness-cost", text: "Alex: a friendship." },
    ]);
    expect(data.practiceEntries).toEqual([
      expect.objectContaining({
        id: mine.entryId,
        capacity: "catching-the-reflex",
        practisedOn: "2026-02-14",
        whatHappened: "Alex: she asked about my week.",
        whatNoticed: "I wanted to change the subject.",
        whatYouDid: "Told her one true thing.",
      }),
    ]);

    const text = JSON.stringify(data);
    for (const foreign of [sam.id, theirs.finishedId, theirs.unfinishedId, theirs.entryId, "Sam:"]) {
      expect(text).not.toContain(foreign);
    }
  });

  it("gives an account its email and sessions, and never a password hash, session token, reset token or recovery code hash", async () => {
    const id = randomUUID();
    const email = `robin-${randomUUID().slice(0, 8)}@example.org`;
    await db().profile.create({ data: { id, name: "Robin", email, isAnonymous: false } });
    const robin = { id, isGuest: false };
    const secrets = await signInRows(robin);

    const data = profileExportSchema.parse(await exportProfileData(robin));
    expect(data.profile).toEqual({ kind: "account", email, name: "Robin", createdAt: expect.any(String) });
    expect(data.sessions).toEqual([
      { createdAt: expect.any(String), expiresAt: expect.any(String), ipAddress: "203.0.113.7", userAgent: "Test browser" },
    ]);
    const text = JSON.stringify(data);
    for (const secret of Object.values(secrets)) expect(text).not.toContain(secret);
    expect(text).not.toContain(id); // the internal profile id is no use to the reader and is left out
  });

  it("has nothing to export for a profile that no longer exists", async () => {
    expect(await exportProfileData({ id: randomUUID(), isGuest: true })).toBeNull();
    expect(await summariseProfileData({ id: randomUUID(), isGuest: true })).toBeNull();
  });

  it("sums up what is stored, for the deletion page", async () => {
    const alex = await makeGuestProfile();
    await useEverything(alex, "Alex");
    expect(await summariseProfileData(alex)).toEqual({
      kind: "guest",
      email: null,
      finishedAttempts: 1,
      unfinishedAttempts: 1,
      lessonsStarted: 2,
      reflections: 2,
      practiceEntries: 1,
    });
  });
});

describe("deleting a profile's data", () => {
  it("leaves no row of the profile in any table and every row of another profile as it was", async () => {
    const alex = await makeGuestProfile();
    const sam = await makeGuestProfile();
    const mine = await useEverything(alex, "Alex");
    const theirs = await useEverything(sam, "Sam");
    await signInRows(alex);
    await signInRows(sam);
    const alexAttempts = [mine.finishedId, mine.unfinishedId];
    const samAttempts = [theirs.finishedId, theirs.unfinishedId];

    const alexBefore = await rowsOf(alex.id, alexAttempts);
    // Every table this test can fill holds rows of Alex's, so "zero after" is a real change.
    for (const [model, count] of Object.entries(alexBefore)) {
      if (!["RateLimit", "HealthCheck", "Lease", "ServerProcess"].includes(model)) expect(count, model).toBeGreaterThan(0);
    }
    const samBefore = await rowsOf(sam.id, samAttempts);
    const samExport = await exportProfileData(sam);

    expect(await deleteProfileData(alex)).toBe(true);

    const alexAfter = await rowsOf(alex.id, alexAttempts);
    expect(Object.keys(alexAfter).sort()).toEqual(schemaModels()); // every table in the schema is counted
    expect(alexAfter).toEqual(Object.fromEntries(schemaModels().map((model) => [model, 0])));
    expect(await rowsOf(sam.id, samAttempts)).toEqual(samBefore);
    expect({ ...(await exportProfileData(sam)), exportedAt: "" }).toEqual({ ...samExport, exportedAt: "" });

    expect(await deleteProfileData(alex)).toBe(false); // a second click, another tab: nothing left to delete
    expect(await exportProfileData(alex)).toBeNull();
  });
});

describe("the export format's description in the README", () => {
  /** Every field name in the schema, at any depth. */
  function fieldNames(schema: z.ZodType): string[] {
    if (schema instanceof z.ZodOptional || schema instanceof z.ZodNullable) return fieldNames(schema.unwrap() as z.ZodType);
    if (schema instanceof z.ZodArray) return fieldNames(schema.element as z.ZodType);
    if (schema instanceof z.ZodObject) {
      return Object.entries(schema.shape).flatMap(([name, field]) => [name, ...fieldNames(field as z.ZodType)]);
    }
    return [];
  }

  it("names every field of the format and its current version", () => {
    const readme = readFileSync("README.md", "utf8");
    const section = /^## Your data: export, import and deletion\n([\s\S]*?)(?=^## )/m.exec(readme)?.[1];
    expect(section, "README section “Your data: export, import and deletion”").toBeDefined();
    const missing = [...new Set(fieldNames(profileExportSchema))].filter((name) => !section!.includes(`\`${name}\``));
    expect(missing).toEqual([]);
    expect(section).toContain(`"formatVersion": ${PROFILE_EXPORT_FORMAT_VERSION}`);
  });
});

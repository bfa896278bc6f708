import { beforeEach, describe, expect, inject, it, vi } from "vitest";
import type { CurrentProfile } from "@/lib/data/profiles";
import { quiz, quizForVersion } from "@/lib/content/quiz";
import { db } from "@/lib/db";
import { exportProfileData } from "@/lib/data/profile-data";
import {
  findOutdatedAttempt,
  findUnfinishedAttempt,
  finishAttempt,
  getAttempt,
  getResult,
  listResults,
  saveAnswer,
  startAttempt,
} from "@/lib/data/quiz-attempts";
import { makeGuestProfile } from "./support/profiles";

// When a new quiz version is published, attempts taken on the one before keep their version:
// finished ones stay readable with their stored scores, and one left part-way is neither
// continued with the new items nor sent to a results page that doesn't exist. Every way in
// (a save from the page, the no-JavaScript form, finishing) is refused with a reason and
// changes nothing; starting the new version leaves the old answers where they are.

const RETIRED = "2026.11-1";
const retired = quizForVersion(RETIRED)!;

const visitor: { profile: CurrentProfile | null } = { profile: null };
vi.mock("@/lib/auth/profile", () => ({
  currentProfile: async () => visitor.profile,
  currentOrNewProfile: async () => visitor.profile!,
}));

const json = (body: unknown) =>
  new Request("http://localhost/api", { method: "PUT", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });

/** An attempt someone began on the retired version and left part-way, as the database keeps it. */
async function seedRetiredAttempt(profile: CurrentProfile, answered: number): Promise<string> {
  const { id } = await db().quizAttempt.create({ data: { profileId: profile.id, quizVersion: RETIRED }, select: { id: true } });
  await db().quizAnswer.createMany({
    data: retired.items.slice(0, answered).map((item, index) => ({ attemptId: id, itemId: item.id, value: 1 + (index % 5) })),
  });
  return id;
}

async function answerCount(attemptId: string) {
  return db().quizAnswer.count({ where: { attemptId } });
}

/** The address a server action's redirect() or notFound() sends the browser to. */
async function whereItGoes(run: () => Promise<unknown>): Promise<string> {
  try {
    return `stayed: ${JSON.stringify(await run())}`;
  } catch (error) {
    const digest = (error as { digest?: string }).digest ?? String(error);
    if (digest.startsWith("NEXT_REDIRECT")) return `redirect ${digest.split(";")[2]}`;
    return digest;
  }
}

beforeEach(async () => {
  visitor.profile = await makeGuestProfile();
});

describe(`an attempt left part-way on a retired quiz version (${inject("provider")})`, () => {
  it("is not offered to continue with the new items, and is found as out of date with its answers", async () => {
    const alex = visitor.profile!;
    const id = await seedRetiredAttempt(alex, 12);
    expect(await findUnfinishedAttempt(alex)).toBeNull();
    const outdated = await findOutdatedAttempt(alex);
    expect(outdated).toMatchObject({ id, quizVersion: RETIRED, status: "in_progress" });
    expect(Object.keys(outdated!.answers)).toHaveLength(12);
  });

  it("refuses a save from the page with a 409 that says the quiz was updated, and changes nothing", async () => {
    const alex = visitor.profile!;
    const id = await seedRetiredAttempt(alex, 12);
    const { PUT } = await import("@/app/api/quiz/attempts/[attemptId]/answers/[itemId]/route");
    // The next item of the old version (which the new one no longer has), and an item both share.
    const oldOnly = retired.items[12]!.id;
    const shared = quiz.items.find((item) => retired.items.some((old) => old.id === item.id))!.id;
    for (const itemId of [oldOnly, shared]) {
      const response = await PUT(json({ value: 4 }), { params: Promise.resolve({ attemptId: id, itemId }) });
      expect(response.status, itemId).toBe(409);
      const body = await response.json();
      expect(body.reason, itemId).toBe("quiz-updated");
      expect(body.error, itemId).toMatch(/quiz has been updated/);
    }
    expect(await answerCount(id)).toBe(12);
    expect((await getAttempt(alex, id))?.status).toBe("in_progress");
  });

  it("sends the no-JavaScript form back to the attempt's own page (which explains), never to a results page that doesn't exist", async () => {
    const alex = visitor.profile!;
    const id = await seedRetiredAttempt(alex, 12);
    const { submitAnswer } = await import("@/lib/actions/quiz");
    for (const [position, itemId] of [[13, retired.items[12]!.id], [quiz.items.length, quiz.items.at(-1)!.id]] as const) {
      const form = new FormData();
      form.set("attemptId", id);
      form.set("position", String(position));
      form.set("itemId", itemId);
      form.set("value", "3");
      expect(await whereItGoes(() => submitAnswer({}, form))).toBe(`redirect /quiz/${id}/${position}`);
    }
    expect(await answerCount(id)).toBe(12);
    expect(await getResult(alex, id)).toBeNull();
  });

  it("is not finished or scored with the new items, even when every old item was answered", async () => {
    const alex = visitor.profile!;
    const id = await seedRetiredAttempt(alex, retired.items.length);
    expect(await finishAttempt(alex, id)).toEqual({ refused: "outdated", quizVersion: RETIRED });
    expect(await getAttempt(alex, id)).toMatchObject({ status: "in_progress", quizVersion: RETIRED });
    expect(await db().strategyScore.count({ where: { attemptId: id } })).toBe(0);
  });

  it("starting the new version keeps the old answers and no longer points back to them", async () => {
    const alex = visitor.profile!;
    const id = await seedRetiredAttempt(alex, 12);
    const fresh = await startAttempt(alex);
    expect(fresh).toMatchObject({ quizVersion: quiz.version, answers: {} });
    expect(await getAttempt(alex, id)).toMatchObject({ quizVersion: RETIRED, status: "in_progress" });
    expect(await answerCount(id)).toBe(12);
    expect((await findUnfinishedAttempt(alex))?.id).toBe(fresh.id);
    expect(await findOutdatedAttempt(alex)).toBeNull();
    // Starting over on the new version still replaces only the new version's open attempt.
    const again = await startAttempt(alex);
    expect(await getAttempt(alex, fresh.id)).toBeNull();
    expect((await findUnfinishedAttempt(alex))?.id).toBe(again.id);
    expect(await answerCount(id)).toBe(12);
  });

  it("exports the old attempt with its version and its answers in the order that version asked them", async () => {
    const alex = visitor.profile!;
    const id = await seedRetiredAttempt(alex, 20);
    const exported = (await exportProfileData(alex))!.quizAttempts.find((attempt) => attempt.id === id)!;
    expect(exported).toMatchObject({ quizVersion: RETIRED, status: "in_progress" });
    expect(exported.answers.map((answer) => answer.itemId)).toEqual(retired.items.slice(0, 20).map((item) => item.id));
  });

  it("leaves another profile's old attempt alone: not found, nothing changed", async () => {
    const alex = visitor.profile!;
    const id = await seedRetiredAttempt(alex, 3);
    visitor.profile = await makeGuestProfile();
    expect(await saveAnswer(visitor.profile, id, { itemId: quiz.items[0]!.id, value: 2 })).toEqual({ refused: "not-found" });
    expect(await finishAttempt(visitor.profile, id)).toEqual({ refused: "not-found" });
    expect(await findOutdatedAttempt(visitor.profile)).toBeNull();
    expect(await answerCount(id)).toBe(3);
  });
});

describe(`a result scored on a retired quiz version (${inject("provider")})`, () => {
  it("stays readable with its stored scores and keeps its version", async () => {
    const alex = visitor.profile!;
    const completedAt = new Date("2026-11-20T10:00:00Z");
    const { id } = await db().quizAttempt.create({
      data: {
        profileId: alex.id,
        quizVersion: RETIRED,
        status: "completed",
        completedAt,
        scoringVersion: "1",
        scores: {
          create: [
            { strategy: "intimacy-avoidance", score: 72.5, band: "high", answered: 10, total: 10 },
            { strategy: "conflict-avoidance", score: 40, band: "moderate", answered: 10, total: 10 },
            { strategy: "passive-aggressiveness", score: 12.5, band: "low", answered: 10, total: 10 },
            { strategy: "control", score: 55, band: "moderate", answered: 10, total: 10 },
            { strategy: "overfunctioning", score: 30, band: "low", answered: 10, total: 10 },
          ],
        },
      },
      select: { id: true },
    });
    const result = await getResult(alex, id);
    expect(result).toMatchObject({ id, quizVersion: RETIRED, completedAt });
    expect(result!.strategies.find((entry) => entry.strategy === "intimacy-avoidance")).toMatchObject({ score: 72.5, band: "high" });
    expect((await listResults(alex)).map((entry) => [entry.id, entry.quizVersion])).toEqual([[id, RETIRED]]);
    // Starting the new version touches no finished result.
    await startAttempt(alex);
    expect(await getResult(alex, id)).toEqual(result);
  });
});

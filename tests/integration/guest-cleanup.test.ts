import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { deleteAbandonedGuests } from "@/lib/data/guest-cleanup";
import { saveReflection } from "@/lib/data/reflections";

const DAY = 24 * 60 * 60 * 1000;

async function profileWithSession({ guest, createdDaysAgo, sessionEndsInDays }: { guest: boolean; createdDaysAgo: number; sessionEndsInDays: number | null }) {
  const id = randomUUID();
  const now = Date.now();
  await db().profile.create({
    data: { id, name: "", isAnonymous: guest, email: guest ? null : `${id}@example.org`, createdAt: new Date(now - createdDaysAgo * DAY) },
  });
  if (sessionEndsInDays !== null) {
    await db().session.create({
      data: { id: randomUUID(), token: randomUUID(), profileId: id, expiresAt: new Date(now + sessionEndsInDays * DAY) },
    });
  }
  await saveReflection({ id, isGuest: guest }, { lessonSlug: "the-pattern-from-inside", promptId: "moves-you-recognise", text: "Kept or not." });
  return id;
}

describe("abandoned guest cleanup", () => {
  it("deletes guests whose every session has expired, with their rows, and keeps everyone who can still come back", async () => {
    const abandoned = await profileWithSession({ guest: true, createdDaysAgo: 90, sessionEndsInDays: -1 });
    const neverHadSession = await profileWithSession({ guest: true, createdDaysAgo: 2, sessionEndsInDays: null });
    const active = await profileWithSession({ guest: true, createdDaysAgo: 90, sessionEndsInDays: 10 });
    const justCreated = await profileWithSession({ guest: true, createdDaysAgo: 0, sessionEndsInDays: null });
    const account = await profileWithSession({ guest: false, createdDaysAgo: 400, sessionEndsInDays: -30 });

    expect(await deleteAbandonedGuests()).toBeGreaterThanOrEqual(2);

    const left = new Set((await db().profile.findMany({ where: { id: { in: [abandoned, neverHadSession, active, justCreated, account] } }, select: { id: true } })).map((row) => row.id));
    expect(left).toEqual(new Set([active, justCreated, account]));
    expect(await db().reflection.count({ where: { profileId: { in: [abandoned, neverHadSession] } } })).toBe(0);
    expect(await db().reflection.count({ where: { profileId: { in: [active, justCreated, account] } } })).toBe(3);
  });
});

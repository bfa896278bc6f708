import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { claimLease, cleanUpGuestsOnce, deleteAbandonedGuests, deleteUnusedAccounts } from "@/lib/data/guest-cleanup";
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

describe("the clean-up across processes", () => {
  const HOUR = 60 * 60 * 1000;

  it("deletes in batches everything eligible and nothing else", async () => {
    const abandoned = await Promise.all(Array.from({ length: 7 }, () => profileWithSession({ guest: true, createdDaysAgo: 30, sessionEndsInDays: -2 })));
    const kept = await Promise.all([
      profileWithSession({ guest: true, createdDaysAgo: 30, sessionEndsInDays: 3 }),
      profileWithSession({ guest: true, createdDaysAgo: 0, sessionEndsInDays: null }),
      profileWithSession({ guest: false, createdDaysAgo: 30, sessionEndsInDays: -2 }),
    ]);
    const round = await cleanUpGuestsOnce(6 * HOUR, { lease: `test-${randomUUID()}`, batchSize: 2 });
    expect(round).toEqual({ ran: true, deleted: expect.any(Number), accountsDeleted: 0 }); // accounts are kept unless the operator says otherwise
    expect((round as { deleted: number }).deleted).toBeGreaterThanOrEqual(abandoned.length); // other files' abandoned guests may go too
    const ids = [...abandoned, ...kept];
    const left = await db().profile.findMany({ where: { id: { in: ids } }, select: { id: true } });
    expect(new Set(left.map((row) => row.id))).toEqual(new Set(kept));
    expect(await db().reflection.count({ where: { profileId: { in: abandoned } } })).toBe(0);
    expect(await db().reflection.count({ where: { profileId: { in: kept } } })).toBe(kept.length);
  });

  it("runs once when two processes start it at the same moment; the other skips the round", async () => {
    const lease = `test-${randomUUID()}`;
    const guest = await profileWithSession({ guest: true, createdDaysAgo: 30, sessionEndsInDays: -2 });
    const rounds = await Promise.all([
      cleanUpGuestsOnce(6 * HOUR, { lease, holder: "process-a" }),
      cleanUpGuestsOnce(6 * HOUR, { lease, holder: "process-b" }),
    ]);
    expect(rounds.filter((round) => round.ran)).toHaveLength(1);
    expect(rounds.filter((round) => !round.ran)).toEqual([{ ran: false }]);
    expect(await db().profile.count({ where: { id: guest } })).toBe(0);

    // A process started later in the same period skips too; once the period is over, a round runs again.
    expect(await cleanUpGuestsOnce(6 * HOUR, { lease, holder: "process-c" })).toEqual({ ran: false });
    expect(await cleanUpGuestsOnce(6 * HOUR, { lease, holder: "process-c", now: new Date(Date.now() + 6 * HOUR) })).toMatchObject({ ran: true });
  });

  it("lets exactly one of many simultaneous claims hold a lease", async () => {
    const lease = `test-${randomUUID()}`;
    const claims = await Promise.all(Array.from({ length: 8 }, (_, index) => claimLease(lease, 60_000, `process-${index}`)));
    expect(claims.filter(Boolean)).toHaveLength(1);
  });
});

describe("the operator's clean-up of unused accounts (DELETE_UNUSED_ACCOUNTS_AFTER_DAYS)", () => {
  /** An account made `createdDaysAgo` days ago, last seen `seenDaysAgo` days ago (null: never marked). */
  async function account(createdDaysAgo: number, seenDaysAgo: number | null, sessionEndsInDays: number | null = null) {
    const id = await profileWithSession({ guest: false, createdDaysAgo, sessionEndsInDays });
    const lastSeenAt = seenDaysAgo === null ? null : new Date(Date.now() - seenDaysAgo * DAY);
    await db().profile.update({ where: { id }, data: { lastSeenAt } });
    if (sessionEndsInDays !== null) await db().session.updateMany({ where: { profileId: id }, data: { updatedAt: lastSeenAt ?? new Date(Date.now() - createdDaysAgo * DAY) } });
    return id;
  }

  it("deletes accounts nobody has used for the chosen days, with everything they hold, and keeps the rest", async () => {
    const unused = await account(400, 200);
    const unusedNeverMarked = await account(400, null); // made before lastSeenAt was kept, no session left
    const unusedExpiredSession = await account(400, 120, -60);
    const seenLately = await account(400, 10);
    const signedInNow = await account(400, 200, 30); // a session still open: kept whatever the date says
    const young = await account(20, null);
    const guest = await profileWithSession({ guest: true, createdDaysAgo: 400, sessionEndsInDays: 5 });
    await db().verification.create({ data: { id: randomUUID(), identifier: "reset-password:token", value: unused, expiresAt: new Date(Date.now() + DAY) } });

    expect(await deleteUnusedAccounts(90)).toBeGreaterThanOrEqual(3);

    const all = [unused, unusedNeverMarked, unusedExpiredSession, seenLately, signedInNow, young, guest];
    const left = new Set((await db().profile.findMany({ where: { id: { in: all } }, select: { id: true } })).map((row) => row.id));
    expect(left).toEqual(new Set([seenLately, signedInNow, young, guest]));
    expect(await db().reflection.count({ where: { profileId: { in: [unused, unusedNeverMarked, unusedExpiredSession] } } })).toBe(0);
    expect(await db().verification.count({ where: { value: unused } })).toBe(0);
    expect(await db().reflection.count({ where: { profileId: { in: [seenLately, signedInNow, young, guest] } } })).toBe(4);
  });

  it("runs in the shared clean-up round only when the operator set it", async () => {
    const HOUR = 60 * 60 * 1000;
    const unused = await account(400, 300);
    expect(await cleanUpGuestsOnce(6 * HOUR, { lease: `test-${randomUUID()}`, unusedAccountDays: null })).toMatchObject({ ran: true, accountsDeleted: 0 });
    expect(await db().profile.count({ where: { id: unused } })).toBe(1);
    const round = await cleanUpGuestsOnce(6 * HOUR, { lease: `test-${randomUUID()}`, unusedAccountDays: 180 });
    expect(round).toMatchObject({ ran: true, accountsDeleted: expect.any(Number) });
    expect(await db().profile.count({ where: { id: unused } })).toBe(0);
  });
});

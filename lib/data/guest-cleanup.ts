import "server-only";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";

/** A guest made in the last hour may still be getting its first session written; leave it be. */
const GRACE_MS = 60 * 60 * 1000;

/** How many guests one delete removes: each batch is its own short statement, so saves never wait long. */
export const CLEANUP_BATCH_SIZE = 200;

/** The guests no browser can open any more (every session expired), made before the grace period. */
const abandoned = (now: Date) => ({
  isAnonymous: true,
  createdAt: { lt: new Date(now.getTime() - GRACE_MS) },
  sessions: { none: { expiresAt: { gt: now } } },
});

/**
 * Deletes guest profiles no browser can open any more: every session they had has expired
 * (a guest has no password, so an expired session is the end of it). Their rows go with them
 * (cascade). Accounts are never touched. Works in batches: each finds up to `batchSize` such
 * guests and deletes them in one statement that checks the same conditions again, so a guest
 * given a session in between is kept. Returns how many guests were deleted.
 */
export async function deleteAbandonedGuests(now = new Date(), batchSize = CLEANUP_BATCH_SIZE): Promise<number> {
  let deleted = 0;
  for (;;) {
    const batch = await db().profile.findMany({ where: abandoned(now), select: { id: true }, take: batchSize });
    if (batch.length === 0) return deleted;
    const { count } = await db().profile.deleteMany({ where: { ...abandoned(now), id: { in: batch.map((row) => row.id) } } });
    deleted += count;
    if (batch.length < batchSize) return deleted;
  }
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The accounts nobody has used for `days` days: made before then, not seen since (no session
 * begun or renewed: Profile.lastSeenAt), and without a session still open or renewed since.
 */
const unusedAccounts = (days: number, now: Date) => {
  const since = new Date(now.getTime() - days * DAY_MS);
  return {
    isAnonymous: false,
    createdAt: { lt: since },
    OR: [{ lastSeenAt: null }, { lastSeenAt: { lt: since } }],
    sessions: { none: { OR: [{ expiresAt: { gt: now } }, { updatedAt: { gte: since } }] } },
  };
};

/**
 * Deletes accounts unused for `days` days (the operator's DELETE_UNUSED_ACCOUNTS_AFTER_DAYS, at
 * least a session's lifetime), with everything they hold, in batches like the guests' clean-up;
 * each delete checks the same conditions again, so an account signed in to meanwhile is kept.
 * The auth library's one-time tokens naming a deleted account go with it. Returns how many were deleted.
 */
export async function deleteUnusedAccounts(days: number, now = new Date(), batchSize = CLEANUP_BATCH_SIZE): Promise<number> {
  let deleted = 0;
  for (;;) {
    const batch = (await db().profile.findMany({ where: unusedAccounts(days, now), select: { id: true }, take: batchSize })).map((row) => row.id);
    if (batch.length === 0) return deleted;
    const [, { count }] = await db().$transaction([
      db().verification.deleteMany({ where: { value: { in: batch } } }),
      db().profile.deleteMany({ where: { ...unusedAccounts(days, now), id: { in: batch } } }),
    ]);
    deleted += count;
    if (batch.length < batchSize) return deleted;
  }
}

/** This process's name on the leases it holds (for the row and the log). */
const PROCESS_HOLDER = `${process.pid}-${randomUUID().slice(0, 8)}`;

/**
 * Claims a lease for `forMs`, in one statement: true when it was free (never claimed, or its
 * time ran out), false when another holder's claim still stands. Two processes can never both
 * get it: the row's primary key makes them meet in one row, and only the first sees it expired.
 * The same statement on SQLite and PostgreSQL, and it needs no session state, so it works
 * through PgBouncer's transaction pooling too (a session advisory lock would not).
 */
export async function claimLease(name: string, forMs: number, holder = PROCESS_HOLDER, now = Date.now()): Promise<boolean> {
  const until = BigInt(now + forMs);
  const rows = await db().$queryRaw<{ holder: string }[]>`
    INSERT INTO "Lease" ("name", "holder", "expiresAt") VALUES (${name}, ${holder}, ${until})
    ON CONFLICT ("name") DO UPDATE SET "holder" = ${holder}, "expiresAt" = ${until}
    WHERE "Lease"."expiresAt" <= ${BigInt(now)}
    RETURNING "holder"`;
  return rows.length === 1;
}

export type CleanupRound = { ran: false } | { ran: true; deleted: number; accountsDeleted: number };

/**
 * One round of the clean-up across all processes: the process that claims the round's lease
 * deletes abandoned guests, and accounts unused for `unusedAccountDays` when the operator set it
 * (null: accounts are kept); every other process skips the round. The lease is kept until the
 * next round is due (`everyMs`, a minute early so the same timer can claim it again), so
 * processes started within one period don't repeat the work; if its holder stops mid-round,
 * the next round catches up.
 */
export async function cleanUpGuestsOnce(
  everyMs: number,
  options: { lease?: string; holder?: string; now?: Date; batchSize?: number; unusedAccountDays?: number | null } = {},
): Promise<CleanupRound> {
  const now = options.now ?? new Date();
  const claimed = await claimLease(options.lease ?? "guest-cleanup", Math.max(everyMs - 60_000, 1000), options.holder, now.getTime());
  if (!claimed) return { ran: false };
  const deleted = await deleteAbandonedGuests(now, options.batchSize);
  const accountsDeleted = options.unusedAccountDays ? await deleteUnusedAccounts(options.unusedAccountDays, now, options.batchSize) : 0;
  return { ran: true, deleted, accountsDeleted };
}

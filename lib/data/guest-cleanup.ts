import "server-only";
import { db } from "@/lib/db";

/** A guest made in the last hour may still be getting its first session written; leave it be. */
const GRACE_MS = 60 * 60 * 1000;

/**
 * Deletes guest profiles no browser can open any more: every session they had has expired
 * (a guest has no password, so an expired session is the end of it). Their rows go with them
 * (cascade). Accounts are never touched. Returns how many guests were deleted.
 */
export async function deleteAbandonedGuests(now = new Date()): Promise<number> {
  const { count } = await db().profile.deleteMany({
    where: {
      isAnonymous: true,
      createdAt: { lt: new Date(now.getTime() - GRACE_MS) },
      sessions: { none: { expiresAt: { gt: now } } },
    },
  });
  return count;
}

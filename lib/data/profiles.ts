import "server-only";
import { db } from "@/lib/db";

/** Who is asking: the only identity lib/data functions accept. */
export type CurrentProfile = { id: string; isGuest: boolean };

/** Who the visitor is, as the account pages show it. */
export type ProfileSummary = { kind: "guest" } | { kind: "account"; email: string };

/** A guest, or an account with its email; null when the profile no longer exists. */
export async function describeProfile(profile: CurrentProfile): Promise<ProfileSummary | null> {
  const row = await db().profile.findUnique({ where: { id: profile.id }, select: { email: true, isAnonymous: true } });
  if (!row) return null;
  return row.isAnonymous || !row.email ? { kind: "guest" } : { kind: "account", email: row.email };
}

/**
 * A session's profile and expiry, by the session's token, in one indexed query (the token is
 * unique); null when there is no such session (signed out, or its profile was deleted).
 */
export async function findSessionProfile(token: string): Promise<{ profile: CurrentProfile; expiresAt: Date } | null> {
  const rows = await db().$queryRaw<{ id: string; isAnonymous: boolean | number | bigint; expiresAt: Date | string | number }[]>`
    SELECT p."id", p."isAnonymous", s."expiresAt"
    FROM "Session" s JOIN "Profile" p ON p."id" = s."profileId"
    WHERE s."token" = ${token}`;
  const row = rows[0];
  if (!row) return null;
  return { profile: { id: row.id, isGuest: Boolean(Number(row.isAnonymous)) }, expiresAt: new Date(row.expiresAt) };
}

/**
 * Notes that a browser began or renewed a session of this profile now (the date the operator's
 * clean-up of unused accounts reads). Nothing happens for a profile that no longer exists.
 */
export async function markProfileSeen(profileId: string, now = new Date()): Promise<void> {
  await db().profile.updateMany({ where: { id: profileId }, data: { lastSeenAt: now } });
}

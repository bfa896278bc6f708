import "server-only";
import type { CurrentProfile } from "@/lib/auth/profile";
import { db } from "@/lib/db";

/** Who the visitor is, as the account pages show it. */
export type ProfileSummary = { kind: "guest" } | { kind: "account"; email: string };

/** A guest, or an account with its email; null when the profile no longer exists. */
export async function describeProfile(profile: CurrentProfile): Promise<ProfileSummary | null> {
  const row = await db().profile.findUnique({ where: { id: profile.id }, select: { email: true, isAnonymous: true } });
  if (!row) return null;
  return row.isAnonymous || !row.email ? { kind: "guest" } : { kind: "account", email: row.email };
}

import "server-only";
import type { CurrentProfile } from "@/lib/data/profiles";
import { config } from "@/lib/config";
import { describeProfile } from "./profiles";

/**
 * Whether the visitor may see the item analysis (/admin/items): a signed-in account whose email
 * is listed in ADMIN_EMAILS (compared in lower case). Guests, visitors without a session and
 * every other account may not. There is no email verification, so list only addresses whose
 * accounts already exist (README, Configuration).
 */
export async function canSeeItemAnalysis(profile: CurrentProfile | null): Promise<boolean> {
  const admins = config().adminEmails;
  if (!profile || profile.isGuest || admins.length === 0) return false;
  const summary = await describeProfile(profile);
  return summary?.kind === "account" && admins.includes(summary.email.trim().toLowerCase());
}

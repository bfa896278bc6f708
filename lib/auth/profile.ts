import "server-only";
import { headers } from "next/headers";
import { cache } from "react";
import { auth } from "./index";

/** Who is asking: the only identity lib/data functions accept. */
export type CurrentProfile = { id: string; isGuest: boolean };

/** The visitor's profile from their session cookie, or null for a first-time visitor. */
export const currentProfile = cache(async (): Promise<CurrentProfile | null> => {
  const requestHeaders = await headers(); // first: a build's prerender stops here, before any auth or database work
  const session = await auth().api.getSession({ headers: requestHeaders });
  if (!session) return null;
  return { id: session.user.id, isGuest: session.user.isAnonymous === true };
});

/**
 * The visitor's profile, creating a guest profile and its session cookie the first time
 * they save anything. Call only from server actions and route handlers (they may set cookies).
 */
export async function currentOrNewProfile(): Promise<CurrentProfile> {
  const existing = await currentProfile();
  if (existing) return existing;
  const requestHeaders = await headers();
  const created = await auth().api.signInAnonymous({ headers: requestHeaders });
  if (!created) throw new Error("Could not start a guest session.");
  return { id: created.user.id, isGuest: true };
}

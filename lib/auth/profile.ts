import "server-only";
import { cookies, headers } from "next/headers";
import { auth } from "./index";

/** Who is asking: the only identity lib/data functions accept. */
export type CurrentProfile = { id: string; isGuest: boolean };

const SESSION_COOKIE = /(?:^|;\s*)(?:__Secure-)?drawbridge\.session_token=([^;]+)/;
const REMEMBER_MS = 30_000;
const REMEMBER_AT_MOST = 10_000;

/**
 * Sessions this process verified in the last 30 seconds, by their signed cookie value. The
 * quiz saves every answer over HTTP; asking the auth library (signature, cookie cache or
 * database) on each one was most of that request's cost. Only a value that verified goes in,
 * so a forged cookie never matches; ending a session drops its entry.
 */
const recentSessions = new Map<string, { profile: CurrentProfile; until: number }>();

/**
 * The visitor's profile from their session cookie, or null for a first-time visitor.
 * Repeated calls within a request are answered by the map above, so no per-render memo is needed.
 */
export async function currentProfile(): Promise<CurrentProfile | null> {
  const requestHeaders = await headers(); // first: a build's prerender stops here, before any auth or database work
  const signedToken = SESSION_COOKIE.exec(requestHeaders.get("cookie") ?? "")?.[1];
  if (!signedToken) return null;
  const remembered = recentSessions.get(signedToken);
  if (remembered && remembered.until > Date.now()) return remembered.profile;

  const session = await auth().api.getSession({ headers: requestHeaders });
  if (!session) return null;
  const profile = { id: session.user.id, isGuest: session.user.isAnonymous === true };
  if (recentSessions.size >= REMEMBER_AT_MOST) recentSessions.delete(recentSessions.keys().next().value!);
  recentSessions.set(signedToken, {
    profile,
    until: Math.min(Date.now() + REMEMBER_MS, new Date(session.session.expiresAt).getTime()),
  });
  return profile;
}

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

/**
 * Ends this browser's session: the session row is deleted (if it still exists; deleting a
 * profile deletes its sessions first), this process forgets it, and the session cookies are
 * cleared. Call only from server actions and route handlers.
 */
export async function endCurrentSession(): Promise<void> {
  const requestHeaders = await headers();
  const signedToken = SESSION_COOKIE.exec(requestHeaders.get("cookie") ?? "")?.[1];
  if (!signedToken) return;
  recentSessions.delete(signedToken);
  try {
    await auth().api.signOut({ headers: requestHeaders });
  } catch {
    // Already gone (its profile was deleted); the cookies below are cleared all the same.
  }
  const jar = await cookies();
  for (const { name } of jar.getAll()) {
    if (!/^(?:__Secure-)?drawbridge\./.test(name)) continue;
    jar.set(name, "", { maxAge: 0, path: "/", httpOnly: true, sameSite: "lax", secure: name.startsWith("__Secure-") });
  }
}

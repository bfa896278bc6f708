import "server-only";
import { cookies, headers } from "next/headers";
import { auth } from "./index";

/** Who is asking: the only identity lib/data functions accept. */
export type CurrentProfile = { id: string; isGuest: boolean };

/** True when the request carries the one session cookie the auth library verifies (its exact name). */
async function carriesSessionCookie(requestHeaders: Headers): Promise<boolean> {
  const { name } = (await auth().$context).authCookies.sessionToken;
  return (requestHeaders.get("cookie") ?? "").split(";").some((pair) => pair.trim().startsWith(`${name}=`));
}

/**
 * The visitor's profile from their session cookie, or null for a first-time visitor, an ended
 * session or a deleted profile. Every request asks the database (one indexed lookup of the
 * session and its profile), so a sign-out or deletion anywhere holds from the next request on;
 * nothing is remembered between requests.
 */
export async function currentProfile(): Promise<CurrentProfile | null> {
  const requestHeaders = await headers(); // first: a build's prerender stops here, before any auth or database work
  if (!(await carriesSessionCookie(requestHeaders))) return null;
  const session = await auth().api.getSession({ headers: requestHeaders });
  if (!session) return null;
  return { id: session.user.id, isGuest: session.user.isAnonymous === true };
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
 * profile deletes its sessions first) and the session cookies are cleared. Call only from server actions and route handlers.
 */
export async function endCurrentSession(): Promise<void> {
  const requestHeaders = await headers();
  if (!(await carriesSessionCookie(requestHeaders))) return;
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

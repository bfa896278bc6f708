import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { cookies, headers } from "next/headers";
import { isAPIError } from "better-auth/api";
import { TooManyRequests } from "@/lib/data/errors";
import { findSessionProfile, type CurrentProfile } from "@/lib/data/profiles";
import { reserve } from "@/lib/data/rate-limits";
import { config } from "@/lib/config";
import { auth } from "./index";

/**
 * The session token from the one cookie the auth library verifies (its exact name, which is
 * `__Secure-` prefixed when cookies are Secure), checked against its signature; null when
 * there is no such cookie or its signature is wrong.
 */
async function verifiedSessionToken(requestHeaders: Headers): Promise<string | null> {
  const context = await auth().$context;
  const prefix = `${context.authCookies.sessionToken.name}=`;
  const pair = (requestHeaders.get("cookie") ?? "").split(";").map((part) => part.trim()).find((part) => part.startsWith(prefix));
  if (!pair) return null;
  let signed: string;
  try {
    signed = decodeURIComponent(pair.slice(prefix.length));
  } catch {
    return null; // not even percent-encoded properly: not a cookie we set
  }
  const dot = signed.lastIndexOf(".");
  if (dot < 1) return null;
  const token = signed.slice(0, dot);
  // The library's signature: HMAC-SHA256 of the token with the secret, in base64 (node:crypto's is ~20× faster than WebCrypto's here).
  const expected = Buffer.from(createHmac("sha256", context.secret).update(token).digest("base64"));
  const given = Buffer.from(signed.slice(dot + 1));
  return given.length === expected.length && timingSafeEqual(given, expected) ? token : null;
}

/**
 * The session behind `token` from the one source of truth: with REDIS_URL, the auth library's
 * own lookup (Redis first, where a sign-out anywhere removes it at once, and the database only
 * for a session Redis has never held); without it, one indexed database query.
 */
async function findSession(token: string): Promise<{ profile: CurrentProfile; expiresAt: Date } | null> {
  if (!config().redis) return findSessionProfile(token);
  const found = await (await auth().$context).internalAdapter.findSession(token);
  if (!found) return null;
  return { profile: { id: found.user.id, isGuest: found.user.isAnonymous === true }, expiresAt: new Date(found.session.expiresAt) };
}

/**
 * The visitor's profile from their session cookie, or null for a first-time visitor, an ended
 * session or a deleted profile. Every request asks the session store (the database, or Redis
 * when REDIS_URL is set), so a sign-out or deletion in any process holds from the next request
 * on; nothing is remembered between requests. Once a day the auth library renews the session
 * instead (sessions last 60 days from their last use).
 */
export async function currentProfile(): Promise<CurrentProfile | null> {
  const requestHeaders = await headers(); // first: a build's prerender stops here, before any auth or database work
  const token = await verifiedSessionToken(requestHeaders);
  if (!token) return null;
  const found = await findSession(token);
  if (!found || found.expiresAt.getTime() <= Date.now()) return null;
  const { expiresIn, updateAge } = (await auth().$context).sessionConfig;
  if (found.expiresAt.getTime() - expiresIn * 1000 + updateAge * 1000 > Date.now()) return found.profile;

  // Due for renewal: the library moves the expiry on and sends the cookie again.
  const session = await auth().api.getSession({ headers: requestHeaders });
  return session && { id: session.user.id, isGuest: session.user.isAnonymous === true };
}

/**
 * The profile a save goes to: the visitor's, or a new guest profile (and its session cookie)
 * the first time they save anything. Each call counts one save against the profile's limit;
 * over it, or over the limit on new guests, it throws TooManyRequests (the route answers 429).
 * Call only from server actions and route handlers (they may set cookies).
 */
export async function currentOrNewProfile(): Promise<CurrentProfile> {
  const profile = (await currentProfile()) ?? (await newGuestProfile());
  const reservation = await reserve("saves-per-profile", profile.id);
  if (!reservation.allowed) {
    const wait = reservation.retryAfterSeconds;
    throw new TooManyRequests(wait, `That’s a lot of saving in a short time, so this wasn’t saved. Please wait ${wait} seconds and try again.`);
  }
  return profile;
}

async function newGuestProfile(): Promise<CurrentProfile> {
  try {
    // Without the request's cookies: a stale session cookie (signed out, or its profile deleted)
    // would make the library clear the session cookie after setting the new guest's.
    const withoutCookies = new Headers(await headers());
    withoutCookies.delete("cookie");
    const created = await auth().api.signInAnonymous({ headers: withoutCookies });
    if (!created) throw new Error("Could not start a guest session.");
    return { id: created.user.id, isGuest: true };
  } catch (error) {
    // The limits on new guests (lib/auth/index.ts) refuse with 429 and Retry-After.
    if (isAPIError(error) && error.statusCode === 429) throw new TooManyRequests(Number(new Headers(error.headers).get("retry-after")) || 60);
    throw error;
  }
}

/**
 * Ends this browser's session: the session row is deleted (if it still exists; deleting a
 * profile deletes its sessions first) and the session cookies are cleared, valid or not.
 * Call only from server actions and route handlers.
 */
export async function endCurrentSession(): Promise<void> {
  const requestHeaders = await headers();
  if (await verifiedSessionToken(requestHeaders)) {
    try {
      await auth().api.signOut({ headers: requestHeaders });
    } catch {
      // Already gone (its profile was deleted); the cookies below are cleared all the same.
    }
  }
  const jar = await cookies();
  for (const { name } of jar.getAll()) {
    if (!/^(?:__Secure-)?drawbridge\./.test(name)) continue;
    jar.set(name, "", { maxAge: 0, path: "/", httpOnly: true, sameSite: "lax", secure: name.startsWith("__Secure-") });
  }
}

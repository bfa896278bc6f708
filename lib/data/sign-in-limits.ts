import "server-only";
import { createHmac, randomUUID } from "node:crypto";
import { sessionSecret } from "@/lib/config";
import { db } from "@/lib/db";
import { isUniqueViolation } from "./errors";

/** Wrong passwords allowed per email and per address within one window; the next try waits. */
export const SIGN_IN_FAILURES_ALLOWED = 5;
export const SIGN_IN_WINDOW_MS = 60_000;

/** The two things a run of wrong passwords is counted against. */
export type SignInKeys = { email: string; address: string | null };

/**
 * Rate-limit keys for one sign-in. The email and address are stored only as keyed hashes, so
 * the table never holds either (it is personal data), yet the same email always maps to one key.
 */
let hashKey: string | undefined;

export function signInKeys(email: string, address: string | null): SignInKeys {
  hashKey ??= sessionSecret(); // read once: without SESSION_SECRET it comes from a file
  const hash = (value: string) => createHmac("sha256", hashKey!).update(value).digest("base64url");
  return {
    email: `sign-in:email:${hash(email.trim().toLowerCase())}`,
    address: address ? `sign-in:address:${hash(address)}` : null,
  };
}

function keyList(keys: SignInKeys): string[] {
  return keys.address ? [keys.email, keys.address] : [keys.email];
}

/** Seconds until another sign-in may be tried; 0 when it may be tried now. */
export async function signInWaitSeconds(keys: SignInKeys, now = Date.now()): Promise<number> {
  const windowStart = BigInt(now - SIGN_IN_WINDOW_MS);
  const blocked = await db().rateLimit.findMany({
    where: { key: { in: keyList(keys) }, count: { gte: SIGN_IN_FAILURES_ALLOWED }, lastRequest: { gt: windowStart } },
    select: { lastRequest: true },
  });
  const until = Math.max(0, ...blocked.map((row) => Number(row.lastRequest) + SIGN_IN_WINDOW_MS));
  return until > now ? Math.ceil((until - now) / 1000) : 0;
}

/**
 * Counts one wrong password against the email and the address. Each key counts within a
 * fixed window that starts at its first failure (`lastRequest` holds the window's start).
 */
export async function recordSignInFailure(keys: SignInKeys, now = Date.now()): Promise<void> {
  const expired = BigInt(now - SIGN_IN_WINDOW_MS);
  for (const key of keyList(keys)) {
    // Two statements, each atomic: restart a window that has run out, then count this failure.
    await db().rateLimit.updateMany({ where: { key, lastRequest: { lte: expired } }, data: { count: 0, lastRequest: BigInt(now) } });
    try {
      await db().rateLimit.upsert({
        where: { key },
        create: { id: randomUUID(), key, count: 1, lastRequest: BigInt(now) },
        update: { count: { increment: 1 } },
      });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error; // a concurrent first failure created the row
      await db().rateLimit.update({ where: { key }, data: { count: { increment: 1 } } });
    }
  }
  // Windows long past keep nothing useful; drop them as we go.
  await db().rateLimit.deleteMany({ where: { key: { startsWith: "sign-in:" }, lastRequest: { lt: BigInt(now - 60 * SIGN_IN_WINDOW_MS) } } });
}

/** A right password clears the email's count (the address keeps its own). */
export async function clearSignInFailures(keys: SignInKeys): Promise<void> {
  await db().rateLimit.deleteMany({ where: { key: keys.email } });
}

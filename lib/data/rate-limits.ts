import "server-only";
import { createHmac, randomUUID } from "node:crypto";
import { sessionSecret } from "@/lib/config";
import { db } from "@/lib/db";

/**
 * Every limit the app keeps: how many tries one subject (an email, an address, a profile, or
 * the whole app) gets in a fixed window that starts at its first try. The counts live in the
 * database (`RateLimit`), so every server process shares them and a restart forgets nothing.
 */
export const LIMITS = {
  /** Sign-in tries for one email; a right password clears it. */
  "sign-in-per-email": { allowed: 5, windowSeconds: 60 },
  /** Sign-in tries from one address; a right password gives its try back. */
  "sign-in-per-address": { allowed: 5, windowSeconds: 60 },
} as const satisfies Record<string, { allowed: number; windowSeconds: number }>;

export type LimitName = keyof typeof LIMITS;

/** What a refused try is told: how long until the window it hit runs out. */
export type Reservation = { allowed: true } | { allowed: false; retryAfterSeconds: number };

let hashKey: string | undefined;

/**
 * The row key for one subject of one limit. Emails, addresses and profile ids are stored only
 * as keyed hashes, so the table never holds them (they are personal data), yet one subject
 * always maps to one key. `null` stands for the whole app.
 */
export function limitKey(limit: LimitName, subject: string | null): string {
  if (subject === null) return `${limit}:all`;
  hashKey ??= sessionSecret(); // read once: without SESSION_SECRET it comes from a file
  return `${limit}:${createHmac("sha256", hashKey).update(subject).digest("base64url")}`;
}

/**
 * Takes one try from a subject's allowance, or refuses it, in one statement: two processes
 * can never both take the last try. The count stops one above the allowance, so a refused
 * flood costs one row update each and never pushes the window on.
 */
export async function reserve(limit: LimitName, subject: string | null, now = Date.now()): Promise<Reservation> {
  const { allowed, windowSeconds } = LIMITS[limit];
  const windowMs = windowSeconds * 1000;
  const key = limitKey(limit, subject);
  const expired = BigInt(now - windowMs);
  const rows = await db().$queryRaw<{ count: number | bigint; lastRequest: number | bigint }[]>`
    INSERT INTO "RateLimit" ("id", "key", "count", "lastRequest") VALUES (${randomUUID()}, ${key}, 1, ${BigInt(now)})
    ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE WHEN "RateLimit"."lastRequest" <= ${expired} THEN 1
                     WHEN "RateLimit"."count" <= ${allowed} THEN "RateLimit"."count" + 1
                     ELSE "RateLimit"."count" END,
      "lastRequest" = CASE WHEN "RateLimit"."lastRequest" <= ${expired} THEN ${BigInt(now)} ELSE "RateLimit"."lastRequest" END
    RETURNING "count", "lastRequest"`;
  const row = rows[0]!;
  await dropLongExpired(now);
  if (Number(row.count) <= allowed) return { allowed: true };
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((Number(row.lastRequest) + windowMs - now) / 1000)) };
}

/** Gives one try back (a right password was not a failure). */
export async function giveBack(limit: LimitName, subject: string | null): Promise<void> {
  const { allowed } = LIMITS[limit];
  const key = limitKey(limit, subject);
  await db().$executeRaw`
    UPDATE "RateLimit" SET "count" = CASE WHEN "count" > ${allowed} THEN ${allowed - 1} ELSE "count" - 1 END
    WHERE "key" = ${key} AND "count" > 0`;
}

/** Forgets a subject's count altogether. */
export async function clearLimit(limit: LimitName, subject: string | null): Promise<void> {
  await db().rateLimit.deleteMany({ where: { key: limitKey(limit, subject) } });
}

const HOUR_MS = 60 * 60 * 1000;
let lastSweep = 0;

/** Windows long past keep nothing useful; every process drops them at most once a minute. */
async function dropLongExpired(now: number): Promise<void> {
  if (now - lastSweep < 60_000) return;
  lastSweep = now;
  const longest = Math.max(...Object.values(LIMITS).map((limit) => limit.windowSeconds * 1000));
  await db().rateLimit.deleteMany({ where: { lastRequest: { lt: BigInt(now - longest - HOUR_MS) } } });
}

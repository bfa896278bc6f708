import "server-only";
import { createHmac, randomUUID } from "node:crypto";
import { config, ConfigError, sessionSecret } from "@/lib/config";
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
  /** Accounts created from one address. */
  "sign-ups-per-address": { allowed: 30, windowSeconds: 3600 },
  /** Sign-ins and sign-ups across the whole app: each hashes a password (scrypt, 32 MiB), so a flood can't take every core. */
  "password-checks": { allowed: 300, windowSeconds: 60 },
  /** Guest profiles started from one address (the first save of a new visitor, or /api/auth/sign-in/anonymous). */
  "new-guests-per-address": { allowed: 200, windowSeconds: 3600 },
  /** Guest profiles started across the whole app, whatever address they claim. */
  "new-guests": { allowed: 600, windowSeconds: 60 },
  /** Saves that create or change a profile's things: lesson progress, reflections, practice entries, quiz starts. */
  "saves-per-profile": { allowed: 120, windowSeconds: 60 },
  /** Downloads of "all my data" for one profile: each reads the whole history, so a loop of them can't crowd out others. */
  "exports-per-profile": { allowed: 5, windowSeconds: 600 },
} as const satisfies Record<string, { allowed: number; windowSeconds: number }>;

export type LimitName = keyof typeof LIMITS;

/** What a refused try is told: how long until the window it hit runs out. */
export type Reservation = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** A limit's numbers: the table above, or RATE_LIMITS where it names the limit. */
export function limitOf(limit: LimitName): { allowed: number; windowSeconds: number } {
  const set = config().rateLimits;
  const unknown = Object.keys(set).find((name) => !(name in LIMITS));
  if (unknown) throw new ConfigError(`RATE_LIMITS names no limit called ${JSON.stringify(unknown)}; the limits are ${Object.keys(LIMITS).join(", ")}.`);
  return set[limit] ?? LIMITS[limit];
}

let hashKey: string | undefined;

/**
 * The row key for one subject of one limit. Emails, addresses and profile ids are stored only
 * as keyed hashes, so the table never holds them (they are personal data), yet one subject
 * always maps to one key. `null` stands for the whole app. The limit's numbers are part of the
 * key: a process given other numbers (RATE_LIMITS, as tests do) keeps counts of its own.
 */
export function limitKey(limit: LimitName, subject: string | null): string {
  const { allowed, windowSeconds } = limitOf(limit);
  const name = `${limit}/${allowed}/${windowSeconds}`;
  if (subject === null) return `${name}:all`;
  hashKey ??= sessionSecret(); // read once: without SESSION_SECRET it comes from a file
  return `${name}:${createHmac("sha256", hashKey).update(subject).digest("base64url")}`;
}

/**
 * Takes one try from a subject's allowance, or refuses it, in one statement: two processes
 * can never both take the last try. The count stops one above the allowance, so a refused
 * flood costs one row update each and never pushes the window on.
 */
export async function reserve(limit: LimitName, subject: string | null, now = Date.now()): Promise<Reservation> {
  const { allowed, windowSeconds } = limitOf(limit);
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

/**
 * Seconds until a limit's window ends when its allowance is used up, or 0 when a try may be
 * taken. Only reads: a refused flood then writes nothing at all.
 */
export async function waitSeconds(limit: LimitName, subject: string | null, now = Date.now()): Promise<number> {
  const { allowed, windowSeconds } = limitOf(limit);
  const row = await db().rateLimit.findUnique({ where: { key: limitKey(limit, subject) }, select: { count: true, lastRequest: true } });
  const windowEnd = row ? Number(row.lastRequest) + windowSeconds * 1000 : 0;
  return row && row.count > allowed && windowEnd > now ? Math.max(1, Math.ceil((windowEnd - now) / 1000)) : 0;
}

/** Gives one try back (a right password was not a failure). */
export async function giveBack(limit: LimitName, subject: string | null): Promise<void> {
  const { allowed } = limitOf(limit);
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
  const longest = Math.max(...(Object.keys(LIMITS) as LimitName[]).map((limit) => limitOf(limit).windowSeconds * 1000));
  await db().rateLimit.deleteMany({ where: { lastRequest: { lt: BigInt(now - longest - HOUR_MS) } } });
}

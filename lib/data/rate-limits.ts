import "server-only";
import { createHmac, randomUUID } from "node:crypto";
import { ReplyError, type Redis } from "ioredis";
import { config, ConfigError, sessionSecret } from "@/lib/config";
import { db } from "@/lib/db";
import { describeError, log } from "@/lib/log";
import { redisClient } from "@/lib/redis";

/**
 * Every limit the app keeps: how many tries one subject (an email, an address, a profile, or
 * the whole app) gets in a fixed window that starts at its first try. The counts live in Redis
 * when REDIS_URL is set, else in the database (`RateLimit`): either way every server process
 * shares them and a restart forgets nothing.
 */
export const LIMITS = {
  /** Sign-in tries for one email; a right password clears it. */
  "sign-in-per-email": { allowed: 5, windowSeconds: 60 },
  /** Sign-in tries from one address; a right password gives its try back. */
  "sign-in-per-address": { allowed: 5, windowSeconds: 60 },
  /** Recovery-code tries (/recover) for one email, as for sign-ins; a used code gives a new one, so nothing to clear. */
  "recoveries-per-email": { allowed: 5, windowSeconds: 60 },
  /** Recovery-code tries from one address. */
  "recoveries-per-address": { allowed: 5, windowSeconds: 60 },
  /** "Forgot password" emails asked for one email (/forgot-password), whether or not an account uses it. */
  "reset-emails-per-email": { allowed: 3, windowSeconds: 3600 },
  /** "Forgot password" emails asked for from one address. */
  "reset-emails-per-address": { allowed: 10, windowSeconds: 3600 },
  /** Accounts created from one address. */
  "sign-ups-per-address": { allowed: 30, windowSeconds: 3600 },
  /** Sign-ins, sign-ups and recoveries across the whole app: each hashes a password (scrypt, 32 MiB), so a flood can't take every core. */
  "password-checks": { allowed: 300, windowSeconds: 60 },
  /** Guest profiles started from one address (the first save of a new visitor, or /api/auth/sign-in/anonymous). */
  "new-guests-per-address": { allowed: 200, windowSeconds: 3600 },
  /** Guest profiles started across the whole app, whatever address they claim. */
  "new-guests": { allowed: 600, windowSeconds: 60 },
  /** Saves that create or change a profile's things: lesson progress, reflections, practice entries, quiz starts. */
  "saves-per-profile": { allowed: 120, windowSeconds: 60 },
  /** Downloads of "all my data" for one profile: each reads the whole history, so a loop of them can't crowd out others. */
  "exports-per-profile": { allowed: 5, windowSeconds: 600 },
  /** Imports of an export file into one profile: each one writes a whole history. */
  "imports-per-profile": { allowed: 5, windowSeconds: 600 },
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
 * The key for one subject of one limit. Emails, addresses and profile ids are stored only
 * as keyed hashes, so neither the table nor Redis ever holds them (they are personal data), yet one subject
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

/** One subject's count: tries taken in its window, and when (ms since 1970) that window started. */
export type Count = { count: number; windowStart: number };

/**
 * Where the counts live: the database, or Redis when REDIS_URL is set (chosen once per process,
 * limitStore()). Each step is one atomic statement or script, so processes sharing the store can
 * never both take the last try. The rules (which try passes, how long to wait) are reserve()'s
 * and waitSeconds()'s below, the same whichever store holds the counts.
 */
export type LimitStore = {
  /** Counts one try, starting a new window when the last ran out; the count stops one above `allowed`, so a refused flood never pushes the window on. */
  take(key: string, allowed: number, windowMs: number, now: number): Promise<Count>;
  /** The count as it stands, or null when there is none. */
  read(key: string): Promise<Count | null>;
  /** Gives one try back. */
  giveBack(key: string, allowed: number): Promise<void>;
  /** Forgets the count. */
  clear(key: string): Promise<void>;
};

/** Counts in the database's `RateLimit` table, one row per key. */
export const databaseLimits: LimitStore = {
  async take(key, allowed, windowMs, now) {
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
    return { count: Number(row.count), windowStart: Number(row.lastRequest) };
  },
  async read(key) {
    const row = await db().rateLimit.findUnique({ where: { key }, select: { count: true, lastRequest: true } });
    return row && { count: row.count, windowStart: Number(row.lastRequest) };
  },
  async giveBack(key, allowed) {
    await db().$executeRaw`
      UPDATE "RateLimit" SET "count" = CASE WHEN "count" > ${allowed} THEN ${allowed - 1} ELSE "count" - 1 END
      WHERE "key" = ${key} AND "count" > 0`;
  },
  async clear(key) {
    await db().rateLimit.deleteMany({ where: { key } });
  },
};

// The same steps as the database's statements, each one Lua script (Redis runs a script whole,
// with no other command in between). A count is a hash {count, start}, under REDIS_KEY_PREFIX
// and "rate-limit:", expiring with its window so Redis drops it by itself.
const TAKE = `
local now, windowMs, allowed = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
local held = redis.call('HMGET', KEYS[1], 'count', 'start')
local count, start = tonumber(held[1]), tonumber(held[2])
if not count or not start or start <= now - windowMs then
  redis.call('HSET', KEYS[1], 'count', 1, 'start', ARGV[1])
  redis.call('PEXPIRE', KEYS[1], windowMs)
  return {1, ARGV[1]}
end
if count <= allowed then count = redis.call('HINCRBY', KEYS[1], 'count', 1) end
return {count, held[2]}`;
const GIVE_BACK = `
local count, allowed = tonumber(redis.call('HGET', KEYS[1], 'count')), tonumber(ARGV[1])
if count and count > allowed then redis.call('HSET', KEYS[1], 'count', allowed - 1)
elseif count and count > 0 then redis.call('HINCRBY', KEYS[1], 'count', -1) end
return 0`;

const redisKey = (key: string) => `rate-limit:${key}`;

/** Counts in Redis, through `client` (whose key prefix applies). */
export function redisLimits(client: Redis): LimitStore {
  return {
    async take(key, allowed, windowMs, now) {
      const [count, start] = (await client.eval(TAKE, 1, redisKey(key), now, windowMs, allowed)) as [number, string];
      return { count: Number(count), windowStart: Number(start) };
    },
    async read(key) {
      const [count, start] = await client.hmget(redisKey(key), "count", "start");
      return count === null || start === null ? null : { count: Number(count), windowStart: Number(start) };
    },
    async giveBack(key, allowed) {
      await client.eval(GIVE_BACK, 1, redisKey(key), allowed);
    },
    async clear(key) {
      await client.del(redisKey(key));
    },
  };
}

/**
 * Redis while it answers; the database while it does not. Refusing every try while Redis is
 * away would lock everyone out of signing in, and letting every try through would lift the
 * limits just when something is wrong, so the database counts meanwhile (for that time a subject
 * can get up to its allowance in each store). One log line when Redis goes away and one when it
 * is back, with no key or subject in them. A reply error (a script Redis refuses) is a bug, not
 * an outage: it is thrown, not hidden.
 */
export function redisOrDatabase(client: Redis, fallback: LimitStore = databaseLimits): LimitStore {
  const redis = redisLimits(client);
  let away = false;
  async function withStore<T>(step: (store: LimitStore) => Promise<T>): Promise<T> {
    let cause: unknown;
    // A connection lost and not yet back: the database at once, rather than waiting on a
    // reconnection attempt per try. A client still making its first connection is waited for.
    if (!["reconnecting", "close", "end"].includes(client.status)) {
      try {
        const result = await step(redis);
        if (away) {
          away = false;
          log.info("rate_limits.redis_back", { store: "redis" });
        }
        return result;
      } catch (error) {
        if (error instanceof ReplyError) throw error;
        cause = error;
      }
    }
    if (!away) {
      away = true;
      log.warn("rate_limits.redis_unreachable", { store: "database", redisStatus: client.status, ...describeError(cause) });
    }
    return step(fallback);
  }
  return {
    take: (...args) => withStore((store) => store.take(...args)),
    read: (key) => withStore((store) => store.read(key)),
    giveBack: (key, allowed) => withStore((store) => store.giveBack(key, allowed)),
    clear: (key) => withStore((store) => store.clear(key)),
  };
}

const globalForLimits = globalThis as unknown as { drawbridgeLimitStore?: LimitStore };

/** The process's store, chosen once: Redis (falling back to the database) when REDIS_URL is set, else the database. */
export function limitStore(): LimitStore {
  globalForLimits.drawbridgeLimitStore ??= (() => {
    const client = redisClient(config());
    return client ? redisOrDatabase(client) : databaseLimits;
  })();
  return globalForLimits.drawbridgeLimitStore;
}

/**
 * Takes one try from a subject's allowance, or refuses it, in one step of the store: two
 * processes can never both take the last try.
 */
export async function reserve(limit: LimitName, subject: string | null, now = Date.now(), store = limitStore()): Promise<Reservation> {
  const { allowed, windowSeconds } = limitOf(limit);
  const windowMs = windowSeconds * 1000;
  const { count, windowStart } = await store.take(limitKey(limit, subject), allowed, windowMs, now);
  if (count <= allowed) return { allowed: true };
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((windowStart + windowMs - now) / 1000)) };
}

/**
 * Seconds until a limit's window ends when its allowance is used up, or 0 when a try may be
 * taken. Only reads: a refused flood then writes nothing at all.
 */
export async function waitSeconds(limit: LimitName, subject: string | null, now = Date.now(), store = limitStore()): Promise<number> {
  const { allowed, windowSeconds } = limitOf(limit);
  const held = await store.read(limitKey(limit, subject));
  const windowEnd = held ? held.windowStart + windowSeconds * 1000 : 0;
  return held && held.count > allowed && windowEnd > now ? Math.max(1, Math.ceil((windowEnd - now) / 1000)) : 0;
}

/** Gives one try back (a right password was not a failure). */
export async function giveBack(limit: LimitName, subject: string | null, store = limitStore()): Promise<void> {
  await store.giveBack(limitKey(limit, subject), limitOf(limit).allowed);
}

/** Forgets a subject's count altogether. */
export async function clearLimit(limit: LimitName, subject: string | null, store = limitStore()): Promise<void> {
  await store.clear(limitKey(limit, subject));
}

const HOUR_MS = 60 * 60 * 1000;
let lastSweep = 0;

/** Windows long past keep nothing useful; every process drops them from the table at most once a minute (Redis expires its own). */
async function dropLongExpired(now: number): Promise<void> {
  if (now - lastSweep < 60_000) return;
  lastSweep = now;
  const longest = Math.max(...(Object.keys(LIMITS) as LimitName[]).map((limit) => limitOf(limit).windowSeconds * 1000));
  await db().rateLimit.deleteMany({ where: { lastRequest: { lt: BigInt(now - longest - HOUR_MS) } } });
}

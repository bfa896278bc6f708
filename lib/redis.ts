// Redis, when REDIS_URL is set: where the auth library keeps sessions besides the database, so
// every process sees a sign-out at once without a database read per request, and where the
// rate limits count (lib/data/rate-limits.ts). The client is ioredis (lib/auth/index.ts passes
// sessionStorage() to Better Auth as its secondaryStorage).
import Redis from "ioredis";
import type { AppConfig } from "./config";

/** Better Auth's secondary storage contract (better-auth's SecondaryStorage), as we fill it. */
export type SessionStorage = {
  get: (key: string) => Promise<string | null>;
  getAndDelete: (key: string) => Promise<string | null>;
  increment: (key: string, ttl: number) => Promise<number>;
  set: (key: string, value: string, ttl?: number) => Promise<void>;
  delete: (key: string) => Promise<void>;
};

/**
 * A client for `settings`, with every key under its prefix. A command fails after one
 * reconnection attempt rather than queueing for ever: a request that needs the session store
 * while Redis is down gets an error (and /api/health says 503), never a stale answer.
 */
export function connectRedis(settings: NonNullable<AppConfig["redis"]>, options: { lazy?: boolean } = {}): Redis {
  return new Redis(settings.url, {
    keyPrefix: settings.keyPrefix,
    lazyConnect: options.lazy ?? false,
    maxRetriesPerRequest: 1,
    connectTimeout: 5_000,
    // Reconnect in the background, at most every 2 s, for as long as the process lives.
    retryStrategy: (times) => Math.min(times * 200, 2_000),
  });
}

/** The storage Better Auth reads and writes sessions through, on `client`. */
export function redisSessionStorage(client: Redis): SessionStorage {
  return {
    get: (key) => client.get(key),
    getAndDelete: (key) => client.getdel(key),
    async increment(key, ttl) {
      // Created at 0 with its window only if absent, then counted: later increments keep the first expiry.
      const results = await client.multi().set(key, 0, "EX", Math.max(1, Math.ceil(ttl)), "NX").incr(key).exec();
      const counted = results?.[1];
      if (!counted || counted[0]) throw counted?.[0] ?? new Error("Redis did not count");
      return Number(counted[1]);
    },
    async set(key, value, ttl) {
      if (ttl !== undefined && ttl > 0) await client.set(key, value, "EX", Math.ceil(ttl));
      else await client.set(key, value);
    },
    async delete(key) {
      await client.del(key);
    },
  };
}

const globalForRedis = globalThis as unknown as { drawbridgeRedis?: { client: Redis; storage: SessionStorage } };

/** The process's one Redis client (sessions and rate-limit counts), or undefined when REDIS_URL is not set. */
export function redisClient(app: AppConfig): Redis | undefined {
  if (!app.redis) return undefined;
  globalForRedis.drawbridgeRedis ??= (() => {
    const client = connectRedis(app.redis);
    // ioredis reports every failed reconnection; the requests that fail meanwhile say enough.
    client.on("error", () => {});
    return { client, storage: redisSessionStorage(client) };
  })();
  return globalForRedis.drawbridgeRedis.client;
}

/** The process's session store, or undefined when REDIS_URL is not set. */
export function sessionStorage(app: AppConfig): SessionStorage | undefined {
  return redisClient(app) && globalForRedis.drawbridgeRedis!.storage;
}

/** True when the process's Redis answers PING now (or when there is no Redis to ask). */
export async function redisAnswers(app: AppConfig): Promise<boolean> {
  const client = redisClient(app);
  if (!client) return true;
  try {
    return (await client.ping()) === "PONG";
  } catch {
    return false;
  }
}

/** Tries Redis once, for `npm start`: null when it answers, else why not in a few words. */
export async function checkRedisOnce(settings: NonNullable<AppConfig["redis"]>): Promise<string | null> {
  const client = connectRedis(settings, { lazy: true });
  let cause: unknown;
  client.on("error", (error) => (cause ??= error));
  try {
    await client.connect();
    await client.ping();
    return null;
  } catch (error) {
    const reported = cause ?? error; // the socket's own error says more than "Connection is closed"
    return reported instanceof Error ? reported.message.split("\n")[0]! : String(reported);
  } finally {
    client.disconnect();
  }
}

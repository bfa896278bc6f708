import { randomUUID } from "node:crypto";
import Redis from "ioredis";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { TEST_REDIS_URL, testRedis, testRedisPrefix } from "./support/redis";
import {
  clearLimit,
  databaseLimits,
  giveBack,
  limitKey,
  redisLimits,
  redisOrDatabase,
  reserve,
  waitSeconds,
  type LimitStore,
} from "@/lib/data/rate-limits";

// The limiter on each of its stores: the database this project runs on (SQLite or PostgreSQL)
// and a real Redis (TEST_REDIS_URL), under a key prefix of this run's own. The rules are the
// same code; what is tested here is that each store counts atomically and answers alike.
const prefix = testRedisPrefix();
// Two clients: two processes' connections to the one Redis.
const [first, second] = await Promise.all([testRedis(prefix), testRedis(prefix)]);
const [redisA, redisB] = [first.client, second.client];
const redisUp = first.up && second.up;
if (!redisUp) console.warn(`Redis at ${TEST_REDIS_URL} does not answer: the Redis half of the limiter tests is skipped.`);

afterAll(async () => {
  await first.clear();
  await second.clear();
});
afterEach(() => vi.restoreAllMocks());

const newEmail = () => `limit-${randomUUID()}@example.org`;
const newAddress = () => `198.51.100.${Math.floor(Math.random() * 250) + 1}`;
const SIGN_IN_TRIES_ALLOWED = 5;

type Stores = { name: string; first: LimitStore; second: LimitStore; up: boolean };
const stores: Stores[] = [
  { name: "the database", first: databaseLimits, second: databaseLimits, up: true },
  { name: "Redis", first: redisLimits(redisA), second: redisLimits(redisB), up: redisUp },
];

describe.each(stores)("limits counted in $name", ({ first, second, up }) => {
  it.skipIf(!up)("a burst of 40 tries at once for one email, through two connections, passes exactly five; the rest are told the same wait", async () => {
    const email = newEmail();
    const now = Date.now();
    const answers = await Promise.all(
      Array.from({ length: 40 }, (_, index) => reserve("sign-in-per-email", email, now, index % 2 === 0 ? first : second)),
    );
    expect(answers.filter((answer) => answer.allowed)).toHaveLength(SIGN_IN_TRIES_ALLOWED);
    expect(answers.filter((answer) => !answer.allowed)).toEqual(Array(40 - SIGN_IN_TRIES_ALLOWED).fill({ allowed: false, retryAfterSeconds: 60 }));
  });

  it.skipIf(!up)("an app-wide burst of 400 at once passes exactly its 300", async () => {
    // The app-wide count is shared by every test: start it afresh.
    await clearLimit("password-checks", null, first);
    const now = Date.now();
    const answers = await Promise.all(Array.from({ length: 400 }, (_, index) => reserve("password-checks", null, now, index % 2 === 0 ? first : second)));
    expect(answers.filter((answer) => answer.allowed)).toHaveLength(300);
    await clearLimit("password-checks", null, first);
  });

  it.skipIf(!up)("counts down the window from its first try, then starts a new one", async () => {
    const address = newAddress() + randomUUID();
    const start = Date.now();
    for (let n = 0; n < SIGN_IN_TRIES_ALLOWED; n++) expect(await reserve("sign-in-per-address", address, start + n * 1000, first)).toEqual({ allowed: true });
    expect(await waitSeconds("sign-in-per-address", address, start + 5_000, first)).toBe(0);
    expect(await reserve("sign-in-per-address", address, start + 20_000, second)).toEqual({ allowed: false, retryAfterSeconds: 40 });
    // A refused try does not push the window on.
    expect(await reserve("sign-in-per-address", address, start + 45_500, first)).toEqual({ allowed: false, retryAfterSeconds: 15 });
    expect(await waitSeconds("sign-in-per-address", address, start + 45_500, second)).toBe(15);
    expect(await reserve("sign-in-per-address", address, start + 60_000, first)).toEqual({ allowed: true });
    expect(await waitSeconds("sign-in-per-address", address, start + 60_000, first)).toBe(0);
  });

  it.skipIf(!up)("gives a try back and forgets a count", async () => {
    const email = newEmail();
    const now = Date.now();
    for (let n = 0; n <= SIGN_IN_TRIES_ALLOWED; n++) await reserve("sign-in-per-email", email, now, first);
    expect(await waitSeconds("sign-in-per-email", email, now, first)).toBe(60);
    await giveBack("sign-in-per-email", email, second);
    expect(await waitSeconds("sign-in-per-email", email, now, first)).toBe(0);
    expect(await reserve("sign-in-per-email", email, now, first)).toEqual({ allowed: true });
    expect(await reserve("sign-in-per-email", email, now, first)).toEqual({ allowed: false, retryAfterSeconds: 60 });
    await clearLimit("sign-in-per-email", email, second);
    expect(await waitSeconds("sign-in-per-email", email, now, first)).toBe(0);
    expect(await reserve("sign-in-per-email", email, now, first)).toEqual({ allowed: true });
  });
});

describe.skipIf(!redisUp)("limits in Redis", () => {
  it("keep no email or address in Redis, only the keyed hash the database uses, and expire with their window", async () => {
    const email = newEmail();
    const address = newAddress();
    await reserve("sign-in-per-email", email, Date.now(), redisLimits(redisA));
    await reserve("sign-in-per-address", address, Date.now(), redisLimits(redisA));
    const keys: string[] = [];
    for await (const batch of redisA.scanStream({ match: `${prefix}*` })) keys.push(...(batch as string[]));
    expect(keys).toContain(`${prefix}rate-limit:${limitKey("sign-in-per-email", email)}`);
    expect(keys).toContain(`${prefix}rate-limit:${limitKey("sign-in-per-address", address)}`);
    expect(keys.filter((key) => key.includes(email) || key.includes(email.split("@")[0]!) || key.includes(address))).toEqual([]);
    const ttl = await redisA.pttl(`rate-limit:${limitKey("sign-in-per-email", email)}`);
    expect(ttl).toBeGreaterThan(55_000);
    expect(ttl).toBeLessThanOrEqual(60_000);
    // Nothing went to the database's table.
    expect(await db().rateLimit.count({ where: { key: { in: [limitKey("sign-in-per-email", email), limitKey("sign-in-per-address", address)] } } })).toBe(0);
  });

  it("counts in the database while Redis is away, says so once without any subject, and goes back to Redis when it answers", async () => {
    const { client } = await testRedis(prefix); // a third connection, of a process that loses Redis; closed below
    const store = redisOrDatabase(client);
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const info = vi.spyOn(console, "log").mockImplementation(() => {});
    const email = newEmail();
    const now = Date.now();
    expect(await reserve("sign-in-per-email", email, now, store)).toEqual({ allowed: true });
    expect(await redisLimits(redisA).read(limitKey("sign-in-per-email", email))).toMatchObject({ count: 1 });

    client.disconnect(); // Redis gone mid-run, as far as this process can tell
    for (let n = 0; n < SIGN_IN_TRIES_ALLOWED; n++) expect(await reserve("sign-in-per-email", email, now, store)).toEqual({ allowed: true });
    expect(await reserve("sign-in-per-email", email, now, store)).toEqual({ allowed: false, retryAfterSeconds: 60 });
    expect(await databaseLimits.read(limitKey("sign-in-per-email", email))).toMatchObject({ count: SIGN_IN_TRIES_ALLOWED + 1 });
    const warned = warn.mock.calls.map((call) => String(call[0])).filter((line) => line.includes("rate_limits.redis_unreachable"));
    expect(warned).toHaveLength(1);
    expect(warned[0]).not.toContain(email);
    expect(warned[0]).not.toContain(limitKey("sign-in-per-email", email));

    await client.connect();
    expect(await reserve("sign-in-per-email", email, now, store)).toEqual({ allowed: true });
    expect(await redisLimits(redisA).read(limitKey("sign-in-per-email", email))).toMatchObject({ count: 2 });
    expect(info.mock.calls.map((call) => String(call[0])).filter((line) => line.includes("rate_limits.redis_back"))).toHaveLength(1);
    client.disconnect();
  });

  it("waits for a connection still being made: a process's first tries count in Redis, with nothing logged", async () => {
    const fresh = new Redis(TEST_REDIS_URL, { keyPrefix: prefix, maxRetriesPerRequest: 1 }); // connecting, as at a process's start
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const email = newEmail();
    expect(fresh.status).not.toBe("ready");
    expect(await reserve("sign-in-per-email", email, Date.now(), redisOrDatabase(fresh))).toEqual({ allowed: true });
    expect(await redisLimits(redisA).read(limitKey("sign-in-per-email", email))).toMatchObject({ count: 1 });
    expect(await databaseLimits.read(limitKey("sign-in-per-email", email))).toBeNull();
    expect(warn).not.toHaveBeenCalled();
    fresh.disconnect();
  });

  it("starts on the database when Redis was never reached", async () => {
    const nowhere = new Redis("redis://127.0.0.1:1", { lazyConnect: true, maxRetriesPerRequest: 1, retryStrategy: () => null });
    nowhere.on("error", () => {});
    vi.spyOn(console, "warn").mockImplementation(() => {});
    const started = Date.now();
    const email = newEmail();
    expect(await reserve("sign-in-per-email", email, Date.now(), redisOrDatabase(nowhere))).toEqual({ allowed: true });
    expect(Date.now() - started).toBeLessThan(1_000); // no waiting on a connection per try
    expect(await databaseLimits.read(limitKey("sign-in-per-email", email))).toMatchObject({ count: 1 });
  });
});

import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

// Sessions with REDIS_URL: the auth library keeps each one in Redis (under a prefix of this run's
// own) as well as in the database, and currentProfile() reads the same store the library does.
const settings = vi.hoisted(() => {
  const prefix = `drawbridge-test-${Math.random().toString(36).slice(2, 10)}:`;
  process.env.COOKIE_SECURE = "true";
  process.env.REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
  process.env.REDIS_KEY_PREFIX = prefix;
  return { url: process.env.REDIS_URL, prefix };
});

const request = vi.hoisted(() => ({ cookie: "" }));
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ cookie: request.cookie }),
  cookies: async () => ({ getAll: () => [], set: () => {} }),
}));

const { auth } = await import("@/lib/auth");
const { currentProfile } = await import("@/lib/auth/profile");
const { endAllSessions } = await import("@/lib/auth/sessions");
const { deleteProfileData } = await import("@/lib/data/profile-data");
const { db } = await import("@/lib/db");
const { redisSessionStorage } = await import("@/lib/redis");

const { testRedis } = await import("./support/redis");

// A Redis that doesn't answer skips the tests below, with one warning.
const { client: redis, up: redisUp, clear } = await testRedis(settings.prefix, settings.url);
afterAll(clear);

async function newAccount() {
  const { headers, response } = await auth().api.signUpEmail({
    body: { email: `redis-${randomUUID()}@example.org`, password: "correct horse battery", name: "" },
    headers: new Headers(),
    returnHeaders: true,
  });
  const pair = /(__Secure-drawbridge\.session_token)=([^;]*)/.exec(headers.get("set-cookie") ?? "")!;
  const signed = decodeURIComponent(pair[2]!);
  return { id: response.user.id, cookie: `${pair[1]}=${pair[2]}`, token: signed.slice(0, signed.lastIndexOf(".")) };
}

async function profileFor(cookie: string) {
  request.cookie = cookie;
  return currentProfile();
}

describe.skipIf(!redisUp)("sessions kept in Redis (REDIS_URL)", () => {
  beforeAll(() => {
    if (!redisUp) console.warn(`Redis at ${settings.url} does not answer: the Redis session tests are skipped.`);
  });

  it("keeps a new session in Redis and in the database, and reads it from Redis", async () => {
    const account = await newAccount();
    expect(await redis.exists(account.token)).toBe(1);
    expect(await db().session.count({ where: { token: account.token } })).toBe(1);
    expect(await profileFor(account.cookie)).toEqual({ id: account.id, isGuest: false });
    // With the database's row gone behind its back, Redis still answers: no database read was needed.
    await db().session.deleteMany({ where: { token: account.token } });
    expect(await profileFor(account.cookie)).toEqual({ id: account.id, isGuest: false });
  });

  it("refuses a session on the very next request once it is signed out (by any process: the store is shared)", async () => {
    const account = await newAccount();
    expect(await profileFor(account.cookie)).not.toBeNull();
    await auth().api.signOut({ headers: new Headers({ cookie: account.cookie }) });
    expect(await redis.exists(account.token)).toBe(0);
    expect(await db().session.count({ where: { token: account.token } })).toBe(0);
    expect(await profileFor(account.cookie)).toBeNull();
  });

  it("signs a deleted account out everywhere: its sessions go from Redis too, not only with its rows", async () => {
    const account = await newAccount();
    const otherBrowser = await auth().api.signInEmail({
      body: { email: (await db().profile.findUniqueOrThrow({ where: { id: account.id } })).email!, password: "correct horse battery" },
      headers: new Headers(),
      returnHeaders: true,
    });
    const second = /(__Secure-drawbridge\.session_token=[^;]*)/.exec(otherBrowser.headers.get("set-cookie") ?? "")![1]!;
    expect(await profileFor(second)).toEqual({ id: account.id, isGuest: false });

    // What "Delete everything" does (lib/actions/profile.ts).
    await endAllSessions(account.id);
    expect(await deleteProfileData({ id: account.id, isGuest: false })).toBe(true);

    expect(await redis.exists(account.token)).toBe(0);
    expect(await profileFor(account.cookie)).toBeNull();
    expect(await profileFor(second)).toBeNull();
  });
});

describe.skipIf(!redisUp)("the storage given to the auth library", () => {
  it("counts in one window that later counts never extend, and takes a value once", async () => {
    const storage = redisSessionStorage(redis);
    const key = `count-${randomUUID()}`;
    expect(await storage.increment(key, 60)).toBe(1);
    await redis.expire(key, 30); // as if 30 s had passed
    expect(await storage.increment(key, 60)).toBe(2);
    expect(await redis.ttl(key)).toBeLessThanOrEqual(30);

    await storage.set(`once-${key}`, "value", 60);
    expect(await storage.getAndDelete(`once-${key}`)).toBe("value");
    expect(await storage.get(`once-${key}`)).toBeNull();
  });
});

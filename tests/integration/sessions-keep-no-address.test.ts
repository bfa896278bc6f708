import { afterAll, describe, expect, it, vi } from "vitest";

// A session keeps no network address and no browser name: not in the database, and (with
// REDIS_URL) not in the copy the library keeps in Redis either.
const settings = vi.hoisted(() => {
  const prefix = `drawbridge-test-${Math.random().toString(36).slice(2, 10)}:`;
  process.env.REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
  process.env.REDIS_KEY_PREFIX = prefix;
  return { url: process.env.REDIS_URL, prefix };
});
vi.mock("next/headers", () => ({
  headers: async () => new Headers(),
  cookies: async () => ({ getAll: () => [], set: () => {} }),
}));

const { auth } = await import("@/lib/auth");
const { db } = await import("@/lib/db");

const { testRedis } = await import("./support/redis");

const { client: redis, up: redisUp, clear } = await testRedis(settings.prefix, settings.url);
afterAll(clear);

const visitor = () => new Headers({ "x-forwarded-for": "203.0.113.77", "user-agent": "Mozilla/5.0 (X11; Linux x86_64) TellTale/9.9" });

describe.skipIf(!redisUp)("a new session", () => {
  it("is stored without the address or browser it came from, in the database and in Redis", async () => {
    const { headers, response } = await auth().api.signInAnonymous({ headers: visitor(), returnHeaders: true });
    expect(headers.get("set-cookie")).toContain("session_token");
    const rows = await db().session.findMany({ where: { profileId: response!.user.id }, select: { token: true, ipAddress: true, userAgent: true } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ ipAddress: null, userAgent: null });

    const cached = await redis.get(rows[0]!.token);
    expect(cached).not.toBeNull();
    expect(cached).not.toContain("203.0.113.77");
    expect(cached).not.toContain("TellTale");
  });
});

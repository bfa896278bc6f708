import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

// /recover with REDIS_URL: sessions live in Redis as well as in the database, and using a code
// must end every one of them in both (a session left in Redis would still be accepted).
const settings = vi.hoisted(() => {
  const prefix = `drawbridge-test-${Math.random().toString(36).slice(2, 10)}:`;
  process.env.COOKIE_SECURE = "true";
  process.env.REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
  process.env.REDIS_KEY_PREFIX = prefix;
  return { url: process.env.REDIS_URL, prefix };
});

vi.mock("next/headers", async () => (await import("./support/recovery-browser")).nextHeaders());
vi.mock("next/headers.js", async () => (await import("./support/recovery-browser")).nextHeaders()); // where the auth library's nextCookies() sets the session cookie
vi.mock("next/navigation", async () => (await import("./support/recovery-browser")).navigation());

const { currentProfile } = await import("@/lib/auth/profile");
const { recover } = await import("@/lib/actions/recovery");
const { db } = await import("@/lib/db");
const { browser } = await import("./support/recovery-browser");
const { NEW_PASSWORD, form, keepSessionCookie, newAccount, newBrowser, post, profileWithCookie, signInElsewhere } = await import("./support/recovery-accounts");
const { testRedis } = await import("./support/redis");

const { client: redis, up: redisUp, clear } = await testRedis(settings.prefix, settings.url);
afterAll(clear);

const tokenOf = (cookie: string) => {
  const signed = decodeURIComponent(cookie.slice(cookie.indexOf("=") + 1));
  return signed.slice(0, signed.lastIndexOf("."));
};

describe.skipIf(!redisUp)("a recovery code with sessions in Redis", () => {
  beforeAll(() => {
    if (!redisUp) console.warn(`Redis at ${settings.url} does not answer: the Redis recovery test is skipped.`);
  });

  it("ends every session of the account in Redis and in the database, and only the new one is accepted", async () => {
    const account = await newAccount();
    const sessions = [await signInElsewhere(account.email), await signInElsewhere(account.email)];
    for (const cookie of sessions) {
      expect(await redis.exists(tokenOf(cookie))).toBe(1);
      expect(await profileWithCookie(cookie)).toEqual({ id: account.id, isGuest: false });
    }

    newBrowser();
    expect(await post(() => recover({ email: "" }, form({ email: account.email, code: account.code, password: NEW_PASSWORD })))).toEqual({
      redirectedTo: "/recovery-code?recovered=1",
    });

    for (const cookie of sessions) {
      expect(await redis.exists(tokenOf(cookie)), "the session is gone from Redis").toBe(0);
      expect(await profileWithCookie(cookie)).toBeNull();
    }
    expect(await db().session.count({ where: { profileId: account.id } })).toBe(1);
    await keepSessionCookie(account.id);
    expect(await redis.exists(tokenOf(`x=${browser.jar.get("__Secure-drawbridge.session_token")}`))).toBe(1);
    expect(await currentProfile()).toEqual({ id: account.id, isGuest: false });
  });
});

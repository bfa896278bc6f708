import { createHmac, randomUUID } from "node:crypto";
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

// One browser's request: its Cookie header, and the cookies the response sets (as a browser keeps them).
const browser = vi.hoisted(() => ({ jar: new Map<string, string>(), address: "" }));
const nextHeaders = vi.hoisted(() => () => ({
  headers: async () => {
    const headers = new Headers({ cookie: [...browser.jar].map(([name, value]) => `${name}=${value}`).join("; ") });
    if (browser.address) headers.set("x-forwarded-for", browser.address);
    return headers;
  },
  cookies: async () => ({
    get: (name: string) => (browser.jar.has(name) ? { name, value: browser.jar.get(name)! } : undefined),
    getAll: () => [...browser.jar].map(([name, value]) => ({ name, value })),
    set: (name: string, value: string, options?: { maxAge?: number }) => {
      if (value === "" || options?.maxAge === 0) browser.jar.delete(name);
      else browser.jar.set(name, value);
    },
  }),
}));
vi.mock("next/headers", nextHeaders);
vi.mock("next/headers.js", nextHeaders); // where the auth library's nextCookies() sets the session cookie
class Redirected extends Error {
  constructor(readonly to: string) {
    super(`redirect to ${to}`);
  }
}
vi.mock("next/navigation", () => ({
  redirect: (to: string) => {
    throw new Redirected(to);
  },
}));

const { auth } = await import("@/lib/auth");
const { currentProfile } = await import("@/lib/auth/profile");
const { recoveryCodeToShow } = await import("@/lib/auth/recovery");
const { signUp } = await import("@/lib/actions/account");
const { recover } = await import("@/lib/actions/recovery");
const { db } = await import("@/lib/db");
const { testRedis } = await import("./support/redis");

const { client: redis, up: redisUp, clear } = await testRedis(settings.prefix, settings.url);
afterAll(clear);

const PASSWORD = "a quiet harbour at dusk";
const NEW_PASSWORD = "lanterns over the salt marsh";

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
}

/** Runs a server action; returns where it redirected, or the state it answered. */
async function post<T>(action: () => Promise<T>): Promise<{ redirectedTo: string } | { state: T }> {
  try {
    return { state: await action() };
  } catch (error) {
    if (error instanceof Redirected) return { redirectedTo: error.to };
    throw error;
  }
}

/**
 * The auth library sets the session cookie through next/headers, which it imports from outside
 * the test's module graph (so the mock above can't catch it): the browser's jar gets the cookie
 * the library would set for the profile's newest session, signed as the library signs it.
 */
async function keepSessionCookie(profileId: string) {
  const session = await db().session.findFirstOrThrow({ where: { profileId }, orderBy: { createdAt: "desc" } });
  const signature = createHmac("sha256", (await auth().$context).secret).update(session.token).digest("base64");
  browser.jar.set("__Secure-drawbridge.session_token", encodeURIComponent(`${session.token}.${signature}`));
}

/** A new browser (empty cookie jar) with an address of its own. */
function newBrowser() {
  browser.jar = new Map();
  browser.address = `203.0.113.${Math.floor(Math.random() * 254) + 1}`;
  return browser.jar;
}

/** Signs up through the form in a fresh browser; returns the account, its code (shown once) and the browser's cookies. */
async function newAccount() {
  const jar = newBrowser();
  const email = `recover-${randomUUID()}@example.org`;
  expect(await post(() => signUp({ email: "" }, form({ email, password: PASSWORD })))).toEqual({ redirectedTo: "/recovery-code" });
  const profile = (await db().profile.findUniqueOrThrow({ where: { email } }))!;
  await keepSessionCookie(profile.id);
  const code = (await recoveryCodeToShow())!;
  expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{20}$/);
  return { email, id: profile.id, code, jar };
}

/** Signs in the way another browser would (the auth API), returning its session cookie. */
async function signInElsewhere(email: string, password = PASSWORD): Promise<string> {
  const { headers } = await auth().api.signInEmail({ body: { email, password }, headers: new Headers(), returnHeaders: true });
  return /(__Secure-drawbridge\.session_token=[^;]*)/.exec(headers.get("set-cookie") ?? "")![1]!;
}

async function profileWithCookie(cookie: string) {
  const saved = browser.jar;
  browser.jar = new Map([cookie.split(/=(.*)/s).slice(0, 2) as [string, string]]);
  try {
    return await currentProfile();
  } finally {
    browser.jar = saved;
  }
}

async function passwordHashOf(profileId: string) {
  return (await db().account.findFirstOrThrow({ where: { profileId, providerId: "credential" } })).password;
}

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

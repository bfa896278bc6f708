import { createHmac, randomUUID } from "node:crypto";
import { describe, expect, it, vi } from "vitest";

// /recover and the recovery code, through the server actions a form posts to, on a real database.
vi.hoisted(() => {
  process.env.COOKIE_SECURE = "true";
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
const { recoveryCodeToShow, RECOVERY_REFUSED } = await import("@/lib/auth/recovery");
const { signUp } = await import("@/lib/actions/account");
const { recover, makeNewRecoveryCode } = await import("@/lib/actions/recovery");
const { hashRecoveryCode } = await import("@/lib/data/recovery-codes");
const { db } = await import("@/lib/db");

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

describe("a recovery code", () => {
  it("is made at sign-up, stored only as its keyed hash, and shown exactly once", async () => {
    const account = await newAccount();
    const row = await db().recoveryCode.findUniqueOrThrow({ where: { profileId: account.id } });
    expect(row.codeHash).toBe(hashRecoveryCode(account.code));
    expect(row.codeHash).not.toContain(account.code);
    expect(row.shownAt).not.toBeNull();
    // The cookie that carried it is sealed: the code can't be read from it.
    const carried = [...account.jar].find(([name]) => name === "__Secure-drawbridge.recovery_code")![1];
    expect(carried).not.toContain(account.code);
    // A second look (a reload, or the same cookie sent again) shows nothing.
    expect(await recoveryCodeToShow()).toBeNull();
  });

  it("sets a new password, ends every session of the account, signs this browser in and issues the next code", async () => {
    const account = await newAccount();
    const otherBrowser = await signInElsewhere(account.email);
    expect(await profileWithCookie(otherBrowser)).toEqual({ id: account.id, isGuest: false });
    const before = await passwordHashOf(account.id);

    newBrowser();
    const typed = account.code.toLowerCase().match(/.{4}/g)!.join("-"); // case and dashes don't matter
    expect(await post(() => recover({ email: "" }, form({ email: account.email.toUpperCase(), code: typed, password: NEW_PASSWORD })))).toEqual({
      redirectedTo: "/recovery-code?recovered=1",
    });

    // The other browser is signed out, and this one is signed in with a fresh session (the only one).
    expect(await profileWithCookie(otherBrowser)).toBeNull();
    expect(await db().session.count({ where: { profileId: account.id } })).toBe(1);
    await keepSessionCookie(account.id);
    expect(await currentProfile()).toEqual({ id: account.id, isGuest: false });
    // The password changed, hashed by the auth library: the new one signs in, the old one does not.
    expect(await passwordHashOf(account.id)).not.toBe(before);
    await expect(signInElsewhere(account.email)).rejects.toThrow();
    expect(await signInElsewhere(account.email, NEW_PASSWORD)).toMatch(/^__Secure-drawbridge\.session_token=/);
    // The next code is shown once, and its hash replaced the used one.
    const next = (await recoveryCodeToShow())!;
    expect(next).toMatch(/^[0-9A-HJKMNP-TV-Z]{20}$/);
    expect(next).not.toBe(account.code);
    expect((await db().recoveryCode.findUniqueOrThrow({ where: { profileId: account.id } })).codeHash).toBe(hashRecoveryCode(next));
    expect(await recoveryCodeToShow()).toBeNull();
  });

  it("works once: the same code again is refused and changes nothing", async () => {
    const account = await newAccount();
    newBrowser();
    await post(() => recover({ email: "" }, form({ email: account.email, code: account.code, password: NEW_PASSWORD })));
    const hash = await passwordHashOf(account.id);
    newBrowser();
    expect(await post(() => recover({ email: "" }, form({ email: account.email, code: account.code, password: "another long passphrase here" })))).toEqual({
      state: { email: account.email, formError: RECOVERY_REFUSED },
    });
    expect(await passwordHashOf(account.id)).toBe(hash);
  });

  it("used by two requests at once, works for one of them only", async () => {
    const account = await newAccount();
    const results = await Promise.all(
      ["first passphrase of many words", "second passphrase of many words"].map((password) =>
        post(() => recover({ email: "" }, form({ email: account.email, code: account.code, password }))),
      ),
    );
    expect(results.filter((result) => "redirectedTo" in result)).toHaveLength(1);
    expect(results.filter((result) => "state" in result && result.state.formError === RECOVERY_REFUSED)).toHaveLength(1);
  });

  it("answers a wrong code and an unknown email alike, and changes nothing", async () => {
    const account = await newAccount();
    const hash = await passwordHashOf(account.id);
    const sessions = await db().session.count({ where: { profileId: account.id } });
    const wrongCode = account.code.startsWith("A") ? `B${account.code.slice(1)}` : `A${account.code.slice(1)}`;
    for (const fields of [
      { email: account.email, code: wrongCode },
      { email: `nobody-${randomUUID()}@example.org`, code: account.code },
    ]) {
      newBrowser();
      expect(await post(() => recover({ email: "" }, form({ ...fields, password: NEW_PASSWORD })))).toEqual({
        state: { email: fields.email, formError: RECOVERY_REFUSED },
      });
    }
    expect(await passwordHashOf(account.id)).toBe(hash);
    expect(await db().session.count({ where: { profileId: account.id } })).toBe(sessions);
    expect((await db().recoveryCode.findUniqueOrThrow({ where: { profileId: account.id } })).codeHash).toBe(hashRecoveryCode(account.code));
  });

  it("refuses a weak new password beside the field, before a try is counted", async () => {
    const account = await newAccount();
    for (let i = 0; i < 7; i++) {
      const result = await post(() => recover({ email: "" }, form({ email: account.email, code: account.code, password: "password12" })));
      expect(result).toMatchObject({ state: { fieldErrors: { password: expect.stringMatching(/commonly used/) } } });
    }
    // Seven refusals later the code still works: none of them used a try.
    expect(await post(() => recover({ email: "" }, form({ email: account.email, code: account.code, password: NEW_PASSWORD })))).toEqual({
      redirectedTo: "/recovery-code?recovered=1",
    });
  });

  it("is limited like sign-in: 5 tries a minute, one atomic reservation per try, under 12 tries at once", async () => {
    const account = await newAccount();
    const wrongCode = "0000000000000000000Z";
    const tries = await Promise.all(
      Array.from({ length: 12 }, () => post(() => recover({ email: "" }, form({ email: account.email, code: wrongCode, password: NEW_PASSWORD })))),
    );
    const messages = tries.map((result) => ("state" in result ? result.state.formError : "redirected"));
    // At most 5 codes are checked; every other try waits. (Alone this is exactly 5 and 7; beside
    // other test files, the app-wide "password-checks" limit they fill may turn one more away.)
    const checked = messages.filter((message) => message === RECOVERY_REFUSED).length;
    const waiting = messages.filter((message) => /^Too many tries\. Please wait \d+ seconds/.test(message ?? "")).length;
    expect(checked).toBeLessThanOrEqual(5);
    expect(waiting).toBeGreaterThanOrEqual(7);
    expect(checked + waiting).toBe(12);
    // Now even the right code waits: nothing is checked until the window ends.
    browser.address = "198.18.1.1";
    expect(await post(() => recover({ email: "" }, form({ email: account.email, code: account.code, password: NEW_PASSWORD })))).toMatchObject({
      state: { formError: expect.stringMatching(/^Too many tries/) },
    });
    expect((await db().recoveryCode.findUniqueOrThrow({ where: { profileId: account.id } })).codeHash).toBe(hashRecoveryCode(account.code));
  });

  it("can be replaced from My journey: the old one stops working, the new one is shown once", async () => {
    const account = await newAccount();
    expect(await post(() => makeNewRecoveryCode())).toEqual({ redirectedTo: "/recovery-code" });
    const next = (await recoveryCodeToShow())!;
    expect(next).not.toBe(account.code);
    newBrowser();
    expect(await post(() => recover({ email: "" }, form({ email: account.email, code: account.code, password: NEW_PASSWORD })))).toMatchObject({
      state: { formError: RECOVERY_REFUSED },
    });
    expect(await post(() => recover({ email: "" }, form({ email: account.email, code: next, password: NEW_PASSWORD })))).toEqual({
      redirectedTo: "/recovery-code?recovered=1",
    });
  });
});

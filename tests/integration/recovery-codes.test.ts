import { randomUUID } from "node:crypto";
import { describe, expect, it, vi } from "vitest";

// /recover and the recovery code, through the server actions a form posts to, on a real database.
vi.hoisted(() => {
  process.env.COOKIE_SECURE = "true";
});

vi.mock("next/headers", async () => (await import("./support/recovery-browser")).nextHeaders());
vi.mock("next/headers.js", async () => (await import("./support/recovery-browser")).nextHeaders()); // where the auth library's nextCookies() sets the session cookie
vi.mock("next/navigation", async () => (await import("./support/recovery-browser")).navigation());

const { currentProfile } = await import("@/lib/auth/profile");
const { recoveryCodeToShow, RECOVERY_REFUSED } = await import("@/lib/auth/recovery");
const { recover, makeNewRecoveryCode } = await import("@/lib/actions/recovery");
const { hashRecoveryCode } = await import("@/lib/data/recovery-codes");
const { db } = await import("@/lib/db");
const { browser } = await import("./support/recovery-browser");
const { NEW_PASSWORD, form, keepSessionCookie, newAccount, newBrowser, passwordHashOf, post, profileWithCookie, signInElsewhere } = await import("./support/recovery-accounts");

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

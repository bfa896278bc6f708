// Accounts for the recovery-code tests, made and used the way a browser does (through the server
// actions and the mocked next/headers of ./recovery-browser.ts). Import after the mocks are set.
import { createHmac, randomUUID } from "node:crypto";
import { expect } from "vitest";
import { signUp } from "@/lib/actions/account";
import { auth } from "@/lib/auth";
import { currentProfile } from "@/lib/auth/profile";
import { recoveryCodeToShow } from "@/lib/auth/recovery";
import { db } from "@/lib/db";
import { browser, Redirected } from "./recovery-browser";

export const PASSWORD = "a quiet harbour at dusk";
export const NEW_PASSWORD = "lanterns over the salt marsh";

export function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
}

/** Runs a server action; returns where it redirected, or the state it answered. */
export async function post<T>(action: () => Promise<T>): Promise<{ redirectedTo: string } | { state: T }> {
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
export async function keepSessionCookie(profileId: string) {
  const session = await db().session.findFirstOrThrow({ where: { profileId }, orderBy: { createdAt: "desc" } });
  const signature = createHmac("sha256", (await auth().$context).secret).update(session.token).digest("base64");
  browser.jar.set("__Secure-drawbridge.session_token", encodeURIComponent(`${session.token}.${signature}`));
}

/** A new browser (empty cookie jar) with an address of its own. */
export function newBrowser() {
  browser.jar = new Map();
  browser.address = `203.0.113.${Math.floor(Math.random() * 254) + 1}`;
  return browser.jar;
}

/** Signs up through the form in a fresh browser; returns the account, its code (shown once) and the browser's cookies. */
export async function newAccount() {
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
export async function signInElsewhere(email: string, password = PASSWORD): Promise<string> {
  const { headers } = await auth().api.signInEmail({ body: { email, password }, headers: new Headers(), returnHeaders: true });
  return /(__Secure-drawbridge\.session_token=[^;]*)/.exec(headers.get("set-cookie") ?? "")![1]!;
}

export async function profileWithCookie(cookie: string) {
  const saved = browser.jar;
  browser.jar = new Map([cookie.split(/=(.*)/s).slice(0, 2) as [string, string]]);
  try {
    return await currentProfile();
  } finally {
    browser.jar = saved;
  }
}

export async function passwordHashOf(profileId: string) {
  return (await db().account.findFirstOrThrow({ where: { profileId, providerId: "credential" } })).password;
}

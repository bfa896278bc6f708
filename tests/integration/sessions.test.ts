import { randomUUID } from "node:crypto";
import { describe, expect, it, vi } from "vitest";

// Production cookies: the session cookie is `__Secure-drawbridge.session_token`.
vi.hoisted(() => {
  process.env.COOKIE_SECURE = "true";
});

// The request the code under test is answering: currentProfile() reads its headers.
const request = vi.hoisted(() => ({ cookie: "" }));
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ cookie: request.cookie }),
  cookies: async () => ({ getAll: () => [], set: () => {} }),
}));

const { auth } = await import("@/lib/auth");
const { currentProfile } = await import("@/lib/auth/profile");
const { addPracticeEntry } = await import("@/lib/data/practice-entries");
const { deleteProfileData } = await import("@/lib/data/profile-data");

/** The `name=value` pairs a Set-Cookie header would leave in a browser. */
function cookieJar(setCookie: string | null): string {
  return [...(setCookie ?? "").matchAll(/(?:^|,\s*)((?:__Secure-)?drawbridge\.[a-z_]+)=([^;]*)/g)]
    .filter(([, , value]) => value !== "")
    .map(([, name, value]) => `${name}=${value}`)
    .join("; ");
}

async function newGuest() {
  const { headers, response } = await auth().api.signInAnonymous({ headers: new Headers(), returnHeaders: true });
  return { profile: { id: response!.user.id, isGuest: true }, cookie: cookieJar(headers.get("set-cookie")) };
}

async function newAccount() {
  const { headers, response } = await auth().api.signUpEmail({
    body: { email: `session-${randomUUID()}@example.org`, password: "correct horse battery", name: "" },
    headers: new Headers(),
    returnHeaders: true,
  });
  return { profile: { id: response.user.id, isGuest: false }, cookie: cookieJar(headers.get("set-cookie")) };
}

/** Who the app takes the visitor to be, for a request carrying this Cookie header. */
async function profileFor(cookie: string) {
  request.cookie = cookie;
  return currentProfile();
}

const entry = {
  capacity: "catching-the-reflex",
  practisedOn: new Date().toISOString().slice(0, 10),
  whatHappened: "A friend asked how I was.",
  whatNoticed: "My chest tightened.",
  whatYouDid: "I answered honestly.",
};

describe("a planted cookie", () => {
  it("never borrows the session it was sent beside", async () => {
    const victim = await newGuest();
    expect(victim.cookie).toMatch(/^__Secure-drawbridge\.session_token=/);
    const planted = `drawbridge.session_token=planted-${randomUUID()}`;

    // The victim's own request, with an unprefixed cookie planted in front of theirs.
    expect(await profileFor(`${planted}; ${victim.cookie}`)).toEqual(victim.profile);
    // The planted value alone is nobody.
    const borrowed = await profileFor(planted);
    console.log(`fault: a planted unprefixed cookie beside a real session, alone it counted as ${borrowed ? "the victim" : "nobody"}`);
    expect(borrowed).toBeNull();
  });
});

describe("a session's lifetime", () => {
  it("lasts 60 days from its last use: a session last renewed over a day ago is renewed on its next request", async () => {
    const guest = await newGuest();
    const DAY = 24 * 60 * 60 * 1000;
    const { db } = await import("@/lib/db");
    await db().session.updateMany({ where: { profileId: guest.profile.id }, data: { expiresAt: new Date(Date.now() + 58 * DAY) } });
    expect(await profileFor(guest.cookie)).toEqual(guest.profile);
    const renewed = await db().session.findFirstOrThrow({ where: { profileId: guest.profile.id } });
    expect(renewed.expiresAt.getTime()).toBeGreaterThan(Date.now() + 59.9 * DAY);
  });

  it("ends when it expires", async () => {
    const guest = await newGuest();
    const { db } = await import("@/lib/db");
    await db().session.updateMany({ where: { profileId: guest.profile.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await profileFor(guest.cookie)).toBeNull();
  });

  it("is nobody's with a wrong signature", async () => {
    const guest = await newGuest();
    const forged = guest.cookie.replace(/\.[^.;]+$/, `.${encodeURIComponent("A".repeat(43) + "=")}`);
    expect(forged).not.toBe(guest.cookie);
    expect(await profileFor(forged)).toBeNull();
  });
});

describe("ending a session", () => {
  it("a copied cookie pair is refused on the very next request after sign-out elsewhere", async () => {
    const account = await newAccount();
    expect(account.cookie).toContain("session_token");
    expect(await profileFor(account.cookie)).toEqual(account.profile);

    // Signed out by another server process: nothing here is told about it.
    await auth().api.signOut({ headers: new Headers({ cookie: account.cookie }) });
    const after = await profileFor(account.cookie);
    console.log(`fault: a copied cookie pair 0 s after sign-out elsewhere was ${after ? "still accepted" : "refused"}`);
    expect(after).toBeNull();
  });

  it("a browser still holding a deleted profile's session is signed out on its next request", async () => {
    const guest = await newGuest();
    expect(await profileFor(guest.cookie)).toEqual(guest.profile);

    expect(await deleteProfileData(guest.profile)).toBe(true); // deleted from another browser
    expect(await profileFor(guest.cookie)).toBeNull();
  });

  it("a save racing a deletion (the profile goes between the session lookup and the write) is a signed-out refusal, not a crash", async () => {
    const guest = await newGuest();
    expect(await profileFor(guest.cookie)).toEqual(guest.profile);
    await deleteProfileData(guest.profile);

    // What a route handler answers when its write fails this way (they all answer through answeringRefusals).
    const failure = await addPracticeEntry(guest.profile, entry).then(() => null, (error: unknown) => error);
    expect(failure).not.toBeNull();
    const { refusalResponse } = await import("@/lib/http/failures");
    const response = refusalResponse(failure);
    expect(response.status).toBe(404);
    expect(((await response.json()) as { error: string }).error).toMatch(/signed out/i);
  });
});

import { randomUUID } from "node:crypto";
import { describe, expect, it, vi } from "vitest";

// Small limits so a burst of 40 crosses each one (RATE_LIMITS is read by lib/config.ts); the
// product's own numbers are far larger. Other numbers keep counts of their own, so the other
// test files (sharing this database, with the product's numbers) neither see nor move these.
vi.hoisted(() => {
  process.env.RATE_LIMITS = "new-guests-per-address=5/3600,new-guests=20/60,saves-per-profile=10/60,sign-ups-per-address=5/3600,password-checks=10/60,sign-in-per-email=6/60,sign-in-per-address=6/60";
});

// The request the route handlers are answering: next/headers reads it.
const request = vi.hoisted(() => ({ headers: new Headers() }));
vi.mock("next/headers", () => ({
  headers: async () => request.headers,
  cookies: async () => ({ getAll: () => [], set: () => {} }),
}));

const { auth } = await import("@/lib/auth");
const { makeSignature } = await import("better-auth/crypto");
const { makeGuestProfile } = await import("./support/profiles");
const { db } = await import("@/lib/db");
const progress = await import("@/app/api/lessons/[slug]/progress/route");
const practice = await import("@/app/api/practice/[capacity]/entries/route");

const BURST = 40;
const appUrl = "http://localhost:3000";
const newAddress = () => `198.18.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250) + 1}`;
const newEmail = () => `flood-${randomUUID()}@example.org`;
const PASSWORD = "correct horse battery";

/** Better Auth's HTTP API, as a client of /api/auth would call it. */
function authPost(path: string, body: object, address: string) {
  return auth().handler(
    new Request(`${appUrl}/api/auth${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: appUrl, "x-forwarded-for": address },
      body: JSON.stringify(body),
    }),
  );
}

const json = { "content-type": "application/json" };

function reportProgress(step: number) {
  return progress.POST(new Request(`${appUrl}/api/lessons/the-pattern-from-inside/progress`, { method: "POST", headers: json, body: JSON.stringify({ step }) }), {
    params: Promise.resolve({ slug: "the-pattern-from-inside" }),
  });
}

const today = () => new Date().toISOString().slice(0, 10);
function addEntry() {
  const body = { practisedOn: today(), whatHappened: "A friend asked.", whatNoticed: "I tensed.", whatYouDid: "I stayed." };
  return practice.POST(new Request(`${appUrl}/api/practice/catching-the-reflex/entries`, { method: "POST", headers: json, body: JSON.stringify(body) }), {
    params: Promise.resolve({ capacity: "catching-the-reflex" }),
  });
}

/** Sends everything at once and sorts the answers: done, refused with 429, or anything else. */
async function burst(sends: (() => Promise<Response>)[]) {
  const responses = await Promise.all(sends.map((send) => send()));
  const refused = responses.filter((response) => response.status === 429);
  const bodies = await Promise.all(refused.map((response) => response.clone().json().catch(() => null) as Promise<{ error?: string; message?: string } | null>));
  return {
    done: responses.filter((response) => response.ok).length,
    refused: refused.length,
    other: responses.filter((response) => !response.ok && response.status !== 429).map((response) => response.status),
    retryAfterOk: refused.every((response) => Number(response.headers.get("retry-after")) > 0),
    saysWhy: bodies.every((body) => typeof (body?.error ?? body?.message) === "string"),
  };
}

/** A guest with a signed session cookie, made without the sign-in route (so no limit on new guests applies). */
async function guestWithCookie() {
  const profile = await makeGuestProfile();
  const context = await auth().$context;
  const session = await context.internalAdapter.createSession(profile.id);
  const signed = `${session.token}.${await makeSignature(session.token, context.secret)}`;
  return { profileId: profile.id, cookie: `drawbridge.session_token=${encodeURIComponent(signed)}` };
}

describe("what an anonymous client can create", () => {
  it("guest profiles from one address: cookie-less saves and anonymous sign-ins alike stop at the limit with 429 and Retry-After", async () => {
    const address = newAddress();
    const before = await db().profile.count({ where: { isAnonymous: true } });
    request.headers = new Headers({ "x-forwarded-for": address });
    const saves = await burst(Array.from({ length: BURST }, () => () => reportProgress(1)));
    const signIns = await burst(Array.from({ length: BURST }, () => () => authPost("/sign-in/anonymous", {}, address)));
    console.log(`fault: ${BURST} cookie-less progress saves and ${BURST} anonymous sign-ins from one address, ${saves.done + signIns.done} guests made, ${saves.refused + signIns.refused} refused`);
    expect([...saves.other, ...signIns.other]).toEqual([]);
    expect(saves.done + signIns.done).toBeLessThanOrEqual(5);
    expect(saves.refused + signIns.refused).toBe(2 * BURST - (saves.done + signIns.done));
    expect(saves.retryAfterOk && signIns.retryAfterOk && saves.saysWhy && signIns.saysWhy).toBe(true);
    // Other test files make guests at the same time: at most theirs plus our five appeared.
    expect(await db().profile.count({ where: { isAnonymous: true } })).toBeGreaterThanOrEqual(before);
  });

  it("saves per profile stop at the limit with 429 and Retry-After, and nothing past it is stored", async () => {
    const { profileId, cookie } = await guestWithCookie();
    request.headers = new Headers({ cookie, "x-forwarded-for": newAddress() });

    const saves = await burst(Array.from({ length: BURST }, () => () => addEntry()));
    const stored = await db().practiceEntry.count({ where: { profileId } });
    console.log(`fault: ${BURST} concurrent practice entries from one guest, ${stored} stored, ${saves.refused} refused`);
    expect(saves.other).toEqual([]);
    expect(saves.done).toBeLessThanOrEqual(10);
    expect(stored).toBe(saves.done);
    expect(saves.refused).toBe(BURST - saves.done);
    expect(saves.retryAfterOk && saves.saysWhy).toBe(true);
  });

  it("a profile's practice log holds at most 1,000 entries; the next is refused with a reason and not stored", async () => {
    const { profileId, cookie } = await guestWithCookie();
    request.headers = new Headers({ cookie, "x-forwarded-for": newAddress() });
    await db().practiceEntry.createMany({
      data: Array.from({ length: 1000 }, () => ({ profileId, capacity: "catching-the-reflex", practisedOn: new Date(), whatHappened: "x", whatNoticed: "x", whatYouDid: "x" })),
    });

    const refused = await addEntry();
    console.log(`fault: a 1,001st practice entry answered ${refused.status}`);
    expect(refused.status).toBe(409);
    expect(((await refused.json()) as { error: string }).error).toMatch(/1,000/);
    expect(await db().practiceEntry.count({ where: { profileId } })).toBe(1000);
  });

  it("sign-ups from one address stop at the limit with 429 and Retry-After", async () => {
    const address = newAddress();
    const result = await burst(Array.from({ length: BURST }, () => () => authPost("/sign-up/email", { email: newEmail(), password: PASSWORD, name: "" }, address)));
    console.log(`fault: ${BURST} concurrent sign-ups from one address, ${result.done} accounts made, ${result.refused} refused`);
    expect(result.other).toEqual([]);
    expect(result.done).toBeLessThanOrEqual(5);
    expect(result.refused).toBe(BURST - result.done);
    expect(result.retryAfterOk && result.saysWhy).toBe(true);
  });

  it("sign-ins and sign-ups from many addresses share one ceiling of password checks for the whole app", async () => {
    const sends = Array.from({ length: BURST }, (_, index) => () =>
      index % 2 === 0
        ? authPost("/sign-in/email", { email: newEmail(), password: PASSWORD }, newAddress())
        : authPost("/sign-up/email", { email: newEmail(), password: PASSWORD, name: "" }, newAddress()),
    );
    const responses = await Promise.all(sends.map((send) => send()));
    const checked = responses.filter((response) => [200, 401].includes(response.status)).length;
    const refused = responses.filter((response) => response.status === 429 && Number(response.headers.get("retry-after")) > 0).length;
    console.log(`fault: ${BURST} concurrent sign-ins and sign-ups with fresh emails from ${BURST} addresses, ${checked} password checks, ${refused} refused`);
    expect(checked).toBeLessThanOrEqual(10);
    expect(checked + refused).toBe(BURST);
  });

  it("once the app-wide ceiling is reached, a flood from ever-new emails and addresses is refused without writing a row", async () => {
    const rows = () => db().rateLimit.count({ where: { OR: [{ key: { startsWith: "sign-in-per-email/6/60:" } }, { key: { startsWith: "sign-in-per-address/6/60:" } }] } });
    const before = await rows();
    const result = await burst(Array.from({ length: BURST }, () => () => authPost("/sign-in/email", { email: newEmail(), password: PASSWORD }, newAddress())));
    const written = (await rows()) - before;
    console.log(`fault: ${BURST} sign-ins with fresh emails and addresses past the app-wide ceiling, ${result.refused} refused, ${written} rate-limit rows written`);
    expect(result.refused).toBe(BURST);
    expect(written).toBe(0);
  });

  it("guest profiles from many addresses share one ceiling for the whole app", async () => {
    const flood = BURST;
    const result = await burst(Array.from({ length: flood }, () => () => authPost("/sign-in/anonymous", {}, newAddress())));
    console.log(`fault: ${flood} concurrent anonymous sign-ins from ${flood} addresses, ${result.done} guests made, ${result.refused} refused`);
    expect(result.other).toEqual([]);
    expect(result.done).toBeLessThanOrEqual(20);
    expect(result.refused).toBe(flood - result.done);
    expect(result.retryAfterOk).toBe(true);
  });
});

import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { auth } from "@/lib/auth";

const PASSWORD = "correct horse battery";
const WRONG = "not the password at all";
const SIGN_IN_TRIES_ALLOWED = 5;
const newEmail = () => `burst-${randomUUID()}@example.org`;
const newAddress = () => `192.0.2.${Math.floor(Math.random() * 250) + 1}, 10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;

/** One request to Better Auth's HTTP API, as a client of /api/auth would send it. */
function post(path: string, body: object, address: string) {
  const appUrl = "http://localhost:3000";
  return auth().handler(
    new Request(`${appUrl}/api/auth${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: appUrl, "x-forwarded-for": address },
      body: JSON.stringify(body),
    }),
  );
}

async function signUp(email: string) {
  const response = await post("/sign-up/email", { email, password: PASSWORD, name: "" }, newAddress());
  expect(response.status).toBe(200);
}

/** Fires every request at once and sorts the answers: password checked (200/401) or refused (429). */
async function burst(requests: (() => Promise<Response>)[]) {
  const responses = await Promise.all(requests.map((send) => send()));
  const statuses = responses.map((response) => response.status);
  const refused = responses.filter((response) => response.status === 429);
  return {
    checked: statuses.filter((status) => status === 200 || status === 401).length,
    signedIn: statuses.filter((status) => status === 200).length,
    refused: refused.length,
    other: statuses.filter((status) => ![200, 401, 429].includes(status)),
    retryAfters: refused.map((response) => Number(response.headers.get("retry-after"))),
  };
}

describe("a burst of sign-ins", () => {
  it("checks at most five passwords for one email, however many arrive at once; the rest wait with Retry-After", async () => {
    const email = newEmail();
    await signUp(email);
    // 39 wrong passwords and the right one, all at once, each from its own address.
    const tries = Array.from({ length: 40 }, (_, index) => () =>
      post("/sign-in/email", { email, password: index === 39 ? PASSWORD : WRONG }, newAddress()),
    );
    const result = await burst(tries);
    console.log(`fault: 40 concurrent sign-ins for one email, ${result.checked} password checks, ${result.refused} refused`);
    expect(result.other).toEqual([]);
    expect(result.checked).toBeLessThanOrEqual(SIGN_IN_TRIES_ALLOWED);
    expect(result.checked + result.refused).toBe(40);
    for (const seconds of result.retryAfters) {
      expect(seconds).toBeGreaterThan(0);
      expect(seconds).toBeLessThanOrEqual(60);
    }
    // Unless the right password was among the five checked, the email now waits even for it.
    if (result.signedIn === 0) expect((await post("/sign-in/email", { email, password: PASSWORD }, newAddress())).status).toBe(429);
  });

  it("checks at most five passwords from one address, whatever emails it tries at once", async () => {
    const address = newAddress();
    const tries = Array.from({ length: 40 }, () => () => post("/sign-in/email", { email: newEmail(), password: WRONG }, address));
    const result = await burst(tries);
    console.log(`fault: 40 concurrent sign-ins from one address, ${result.checked} password checks, ${result.refused} refused`);
    expect(result.other).toEqual([]);
    expect(result.checked).toBeLessThanOrEqual(SIGN_IN_TRIES_ALLOWED);
    expect(result.refused).toBe(40 - result.checked);
    expect(result.retryAfters.every((seconds) => seconds > 0 && seconds <= 60)).toBe(true);
  });

  it("a right password still clears the email's count", async () => {
    const email = newEmail();
    await signUp(email);
    for (let n = 0; n < SIGN_IN_TRIES_ALLOWED - 1; n++) expect((await post("/sign-in/email", { email, password: WRONG }, newAddress())).status).toBe(401);
    expect((await post("/sign-in/email", { email, password: PASSWORD }, newAddress())).status).toBe(200);
    for (let n = 0; n < SIGN_IN_TRIES_ALLOWED; n++) expect((await post("/sign-in/email", { email, password: WRONG }, newAddress())).status).toBe(401);
    expect((await post("/sign-in/email", { email, password: PASSWORD }, newAddress())).status).toBe(429);
  });
});

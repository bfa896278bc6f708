import { expect, test } from "@playwright/test";
import { newAddress, newEmail, PASSWORD } from "./support/accounts";
import { actionId, baseURL, sendChunked } from "./support/requests";

// Every body the app accepts has a size limit, enforced before it is read in full: one large
// anonymous request once ran the server out of memory. Each case is answered with a 4xx and a
// reason, and the server keeps answering.

const MB = 1024 * 1024;
const json = { "Content-Type": "application/json", Origin: baseURL };
let cases = 0;

test.afterAll(() => console.log(`fault: ${cases} oversized or hidden-size bodies`));

test.describe("bodies over the limit", () => {
  test("a sign-up with a megabyte-long name is refused with 413 before the auth library reads it", async ({ request }) => {
    const email = newEmail();
    const response = await request.post("/api/auth/sign-up/email", {
      headers: { ...json, "x-forwarded-for": newAddress() },
      data: { email, password: PASSWORD, name: "n".repeat(MB) },
    });
    cases++;
    expect(response.status()).toBe(413);
    expect((await response.json()).error).toMatch(/too large/);
    // Nothing was created: the same email can still sign up.
    const after = await request.post("/api/auth/sign-up/email", { headers: { ...json, "x-forwarded-for": newAddress() }, data: { email, password: PASSWORD, name: "" } });
    expect(after.status()).toBe(200);
  });

  test("a chunked sign-up body that hides its size is cut off at the limit with 413", async () => {
    const answer = await sendChunked("/api/auth/sign-up/email", {
      headers: { ...json, "x-forwarded-for": newAddress() },
      prefix: `{"email":"${newEmail()}","password":"${PASSWORD}","name":"`,
      bytes: 4 * MB,
    });
    cases++;
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body).error).toMatch(/too large/);
  });

  test("route handlers refuse a declared or a chunked body over the limit with 413", async ({ request }) => {
    const declared = await request.post("/api/practice/catching-the-reflex/entries", {
      headers: json,
      data: { practisedOn: "2026-11-30", whatHappened: "x".repeat(MB), whatNoticed: "x", whatYouDid: "x" },
    });
    cases++;
    expect(declared.status()).toBe(413);
    expect((await declared.json()).error).toMatch(/too large/);

    for (const path of ["/api/lessons/the-pattern-from-inside/progress", "/api/practice/catching-the-reflex/entries"]) {
      const chunked = await sendChunked(path, { headers: json, prefix: '{"step":1,"pad":"', bytes: 4 * MB });
      cases++;
      expect(chunked.status, path).toBe(413);
      expect(JSON.parse(chunked.body).error).toMatch(/too large/);
    }
  });

  test("a server action over the limit is refused with 413, from a script or a no-JavaScript form", async ({ request }) => {
    const signUp = actionId("signUp");
    const fetchAction = await request.post("/sign-up", {
      headers: { "next-action": signUp, "Content-Type": "text/plain;charset=UTF-8", Origin: baseURL },
      data: `["$K1","${"a".repeat(2 * MB)}"]`,
    });
    cases++;
    expect(fetchAction.status()).toBe(413);

    const form = await request.post("/sign-up", {
      headers: { Origin: baseURL },
      multipart: { [`$ACTION_ID_${signUp}`]: "", email: newEmail(), password: "p".repeat(2 * MB) },
    });
    cases++;
    expect(form.status()).toBe(413);
    expect(await form.text()).toMatch(/too large/);
  });

  test("after every refusal the server still answers", async ({ request }) => {
    expect((await request.get("/api/health")).status()).toBe(200);
  });
});

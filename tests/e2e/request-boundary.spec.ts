import { expect, test } from "@playwright/test";
import { newAddress, newEmail, PASSWORD } from "./support/accounts";
import { actionId, baseURL, sendChunked } from "./support/requests";

// Every body the app accepts has a size limit, enforced before it is read in full: one large
// anonymous request once ran the server out of memory. Each case is answered with a 4xx and a
// reason, and the server keeps answering.

const MB = 1024 * 1024;
const json = { "Content-Type": "application/json", Origin: baseURL };
// The auth library checks Origin against APP_URL (localhost), so its callers here send none, like a script.
const authJson = { "Content-Type": "application/json" };
let cases = 0;

test.afterEach(({}, testInfo) => {
  console.log(`fault: ${cases} refused requests (${testInfo.title})`);
  cases = 0;
});

test.describe("bodies over the limit", () => {
  test("a sign-up with a megabyte-long name is refused with 413 before the auth library reads it", async ({ request }) => {
    const email = newEmail();
    const response = await request.post("/api/auth/sign-up/email", {
      headers: { ...authJson, "x-forwarded-for": newAddress() },
      data: { email, password: PASSWORD, name: "n".repeat(MB) },
    });
    cases++;
    expect(response.status()).toBe(413);
    expect((await response.json()).error).toMatch(/too large/);
    // Nothing was created: the same email can still sign up.
    const after = await request.post("/api/auth/sign-up/email", { headers: { ...authJson, "x-forwarded-for": newAddress() }, data: { email, password: PASSWORD, name: "" } });
    expect(after.status()).toBe(200);
  });

  test("a chunked sign-up body that hides its size is cut off at the limit with 413", async () => {
    const answer = await sendChunked("/api/auth/sign-up/email", {
      headers: { ...authJson, "x-forwarded-for": newAddress() },
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

// A sibling site (say, another app on the same domain) can make a browser post with our
// cookies: text/plain needs no preflight. Writes take JSON only, from our own pages only.
test.describe("writes from another site", () => {
  const writes = [
    { method: "POST", path: "/api/lessons/the-pattern-from-inside/progress", data: { step: 1 } },
    { method: "POST", path: "/api/practice/catching-the-reflex/entries", data: { practisedOn: "2026-11-30", whatHappened: "a", whatNoticed: "b", whatYouDid: "c" } },
    { method: "PUT", path: "/api/practice/entries/unknown-entry", data: { practisedOn: "2026-11-30", whatHappened: "a", whatNoticed: "b", whatYouDid: "c" } },
    { method: "PUT", path: "/api/quiz/attempts/unknown-attempt/answers/unknown-item", data: { value: 3 } },
  ];

  test("a text/plain write is refused with 415 and a reason", async ({ request }) => {
    for (const write of writes) {
      const response = await request.fetch(write.path, {
        method: write.method,
        headers: { "Content-Type": "text/plain", Origin: baseURL },
        data: JSON.stringify(write.data),
      });
      cases++;
      expect(response.status(), write.path).toBe(415);
      expect((await response.json()).error, write.path).toMatch(/JSON/);
    }
  });

  test("a write from a foreign or sibling origin is refused with 403, a same-origin one is not", async ({ request }) => {
    for (const write of writes) {
      for (const headers of <Record<string, string>[]>[
        { Origin: "http://evil.example" },
        { Origin: "null" },
        { Origin: baseURL, "Sec-Fetch-Site": "same-site" },
        { "Sec-Fetch-Site": "cross-site" },
      ]) {
        const response = await request.fetch(write.path, { method: write.method, headers: { ...headers, "Content-Type": "application/json" }, data: write.data });
        cases++;
        expect(response.status(), `${write.path} ${JSON.stringify(headers)}`).toBe(403);
        expect((await response.json()).error).toMatch(/own pages/);
      }
    }
    const deleted = await request.delete("/api/practice/entries/unknown-entry", { headers: { Origin: "http://evil.example" } });
    cases++;
    expect(deleted.status()).toBe(403);

    const own = await request.post(writes[0]!.path, { headers: { Origin: baseURL, "Sec-Fetch-Site": "same-origin" }, data: writes[0]!.data });
    expect(own.status()).toBe(200);
    const script = await request.post(writes[0]!.path, { data: writes[0]!.data }); // no Origin: not a browser
    expect(script.status()).toBe(200);
  });
});

// Item 8 of the audit: each of these was a 500.
test.describe("requests that used to end in a 500", () => {
  const broken = ["%ff", "%00", "%E0%A4%A", "ok%0Aline"];
  const routes = [
    { method: "GET", path: (bad: string) => `/${bad}` },
    { method: "GET", path: (bad: string) => `/about/${bad}` },
    { method: "GET", path: (bad: string) => `/lessons/${bad}` },
    { method: "GET", path: (bad: string) => `/lessons/the-pattern-from-inside/${bad}` },
    { method: "GET", path: (bad: string) => `/quiz/${bad}/1` },
    { method: "GET", path: (bad: string) => `/quiz/attempt/${bad}` },
    { method: "GET", path: (bad: string) => `/results/${bad}` },
    { method: "GET", path: (bad: string) => `/me/compare?from=${bad}&to=x` },
    { method: "GET", path: (bad: string) => `/sign-in/${bad}` },
    { method: "POST", path: (bad: string) => `/api/lessons/${bad}/progress` },
    { method: "GET", path: (bad: string) => `/api/lessons/${bad}/reflections` },
    { method: "GET", path: (bad: string) => `/api/practice/${bad}/entries` },
    { method: "PUT", path: (bad: string) => `/api/practice/entries/${bad}` },
    { method: "DELETE", path: (bad: string) => `/api/practice/entries/${bad}` },
    { method: "PUT", path: (bad: string) => `/api/quiz/attempts/${bad}/answers/ia-01` },
    { method: "PUT", path: (bad: string) => `/api/quiz/attempts/attempt/answers/${bad}` },
    { method: "POST", path: (bad: string) => `/api/auth/${bad}` },
    { method: "GET", path: (bad: string) => `/_next/static/${bad}` },
  ];

  test("an address with a broken %-escape or a control character is refused with 400 on every route", async ({ request }) => {
    for (const route of routes) {
      for (const bad of broken) {
        const path = route.path(bad);
        const response = await request.fetch(path, { method: route.method, headers: { "Content-Type": "application/json" }, data: route.method === "GET" || route.method === "DELETE" ? undefined : "{}" });
        cases++;
        if (path.includes("?") && bad !== "%00") {
          // Next.js re-encodes a query before the proxy sees it (%ff becomes U+FFFD): an unknown id, a 404.
          expect(response.status(), `${route.method} ${path}`).toBeGreaterThanOrEqual(400);
          expect(response.status(), `${route.method} ${path}`).toBeLessThan(500);
          continue;
        }
        expect(response.status(), `${route.method} ${path}`).toBe(400);
        expect((await response.json()).error, path).toMatch(/not valid/);
      }
    }
  });

  test("a server action from a foreign origin is refused with 403, from a script or a form", async ({ request }) => {
    const signIn = actionId("signIn");
    const fetchAction = await request.post("/sign-in", {
      headers: { "next-action": signIn, "Content-Type": "text/plain;charset=UTF-8", Origin: "http://evil.example" },
      data: "[]",
    });
    const form = await request.post("/sign-in", {
      headers: { Origin: "http://evil.example" },
      multipart: { [`$ACTION_ID_${signIn}`]: "", email: newEmail(), password: PASSWORD },
    });
    for (const response of [fetchAction, form]) {
      cases++;
      expect(response.status()).toBe(403);
      expect((await response.json()).error).toMatch(/own pages/);
    }
  });

  test("malformed server-action arguments get a 400 or the form's reason, never a 500", async ({ request }) => {
    const headers = (name: string) => ({ "next-action": actionId(name), "Content-Type": "text/plain;charset=UTF-8", Origin: baseURL });
    for (const name of ["signUp", "signIn", "submitAnswer", "saveReflectionForm", "deleteEverything"]) {
      for (const body of ["{{{", "", '"text"', "[1,2]", "[]", '[{"a":1},"$K1"]', "[null,null]"]) {
        const response = await request.post("/sign-in", { headers: headers(name), data: body });
        cases++;
        expect(response.status(), `${name} ${body}`).toBeLessThan(500);
        // A body that is not a list of arguments at all never reaches the action.
        if (!body.startsWith("[")) expect(response.status(), `${name} ${body}`).toBe(400);
      }
    }
  });
});

import { expect, request as playwrightRequest, test, type APIRequestContext, type APIResponse } from "@playwright/test";
import { newAddress, newEmail, PASSWORD } from "./support/accounts";

// Against the production build: cookies are Secure, so the session cookie is
// `__Secure-drawbridge.session_token`. Each request carries the Cookie header a test chose,
// from a request context that keeps no cookies of its own.

const lesson = "the-pattern-from-inside";
let client: APIRequestContext;
let origin: string; // the app's own origin (APP_URL is http://localhost:PORT), which Better Auth checks
let pageOrigin: string; // the origin the pages are served from, which the route handlers check

test.beforeEach(async ({ baseURL }) => {
  pageOrigin = new URL(baseURL!).origin;
  origin = pageOrigin.replace("127.0.0.1", "localhost");
  client = await playwrightRequest.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
});
test.afterEach(async () => {
  await client.dispose();
});

/** The cookies a response sets, as a Cookie header (`name=value; …`), leaving out cleared ones. */
function cookiesFrom(response: APIResponse): string {
  return response
    .headersArray()
    .filter(({ name }) => name.toLowerCase() === "set-cookie")
    .map(({ value }) => value.split(";")[0]!)
    .filter((pair) => !pair.endsWith("="))
    .join("; ");
}

function send(method: "GET" | "POST", path: string, cookie: string, data?: object) {
  return client.fetch(path, {
    method,
    headers: { cookie, origin: pageOrigin, "content-type": "application/json", "x-forwarded-for": newAddress() },
    ...(data ? { data: JSON.stringify(data) } : {}),
    maxRedirects: 0,
  });
}

async function newGuestCookie(baseURL: string) {
  const response = await client.post(`/api/lessons/${lesson}/progress`, {
    data: { step: 1 },
    headers: { origin: baseURL, "x-forwarded-for": newAddress() },
  });
  expect(response.status()).toBe(200);
  const cookie = cookiesFrom(response);
  expect(cookie).toMatch(/^__Secure-drawbridge\.session_token=/);
  return cookie;
}

test("a planted unprefixed cookie never borrows the session it was sent beside", async ({ baseURL }) => {
  const victim = await newGuestCookie(baseURL!);
  const planted = `drawbridge.session_token=planted-${Math.random().toString(36).slice(2)}`;

  // The victim's request with the planted cookie in front: still just the victim's own export.
  expect((await send("GET", "/api/me/export", `${planted}; ${victim}`)).status()).toBe(200);
  // The planted value alone is nobody: no export.
  const alone = await send("GET", "/api/me/export", planted);
  console.log(`fault: a planted cookie after riding beside a real session answered ${alone.status()} alone`);
  expect(alone.status()).toBe(404);
});

test("a copied cookie pair is refused on the next request after signing out elsewhere", async ({ baseURL }) => {
  const signedUp = await client.post("/api/auth/sign-up/email", {
    data: { email: newEmail(), password: PASSWORD, name: "" },
    headers: { "x-forwarded-for": newAddress() },
  });
  expect(signedUp.status()).toBe(200);
  const copied = cookiesFrom(signedUp);
  expect((await send("GET", "/api/me/export", copied)).status()).toBe(200);

  const signedOut = await client.post("/api/auth/sign-out", { headers: { cookie: copied, origin, "x-forwarded-for": newAddress() }, data: {} });
  expect(signedOut.status()).toBe(200);
  const after = await send("GET", "/api/me/export", copied);
  console.log(`fault: a copied cookie pair right after sign-out answered ${after.status()}`);
  expect(after.status()).toBe(404);
});

test("after a profile is deleted in one browser, a save from its other browser is a fresh visitor's, never a 500", async ({
  page,
  baseURL,
}) => {
  await page.context().setExtraHTTPHeaders({ "x-forwarded-for": newAddress() });
  const started = await page.request.post(`/api/lessons/${lesson}/progress`, { data: { step: 1 }, headers: { origin: baseURL! } });
  expect(started.status()).toBe(200);
  // The same session copied into a second browser.
  const cookie = cookiesFrom(started);
  expect(cookie).toMatch(/^__Secure-drawbridge\.session_token=/);
  await page.goto("/me/delete");
  await page.getByLabel("To confirm, type the word delete").fill("delete");
  await page.getByRole("button", { name: /delete/i }).click();
  await expect(page).toHaveURL("/me/deleted");

  const saves = [];
  for (let n = 0; n < 5; n++) saves.push(await send("POST", `/api/lessons/${lesson}/progress`, cookie, { step: 2 }));
  console.log(`fault: 5 saves from a deleted profile's other browser answered ${saves.map((save) => save.status()).join(", ")}`);
  for (const save of saves) {
    expect(save.status()).toBe(200);
    expect(cookiesFrom(save)).toMatch(/^__Secure-drawbridge\.session_token=/); // a new guest, not the deleted one
  }
  expect((await send("GET", "/api/me/export", cookie)).status()).toBe(404);
});

import { createHash } from "node:crypto";
import { expect, test, type APIResponse, type Page, type Response } from "@playwright/test";
import { expectQuestion, items } from "./support/quiz";

/**
 * The start tags of every script in a page but the Leave quickly guard: that one is our own
 * file, loaded from 'self' in <head> before anything else so it can run before the page is
 * drawn, and it is the same in every page, so it carries no nonce.
 */
function frameworkScripts(html: string): string[] {
  const tags = html.match(/<script\b[^>]*>/g) ?? [];
  expect(tags.filter((tag) => tag === '<script src="/leave-guard.js">')).toHaveLength(1);
  return tags.filter((tag) => tag !== '<script src="/leave-guard.js">');
}

// Every kind of response carries the security headers, and in Chromium no page breaks a rule
// of its Content-Security-Policy while every client feature on it still works.

const lessonStep = "/lessons/the-pattern-from-inside/2";
const nextLessonStep = "/lessons/the-pattern-from-inside/3";

type Headers = Record<string, string>;
type Kind = "prerendered" | "on demand";

/** Splits a policy into directive name → sources. */
function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(";")
      .map((part) => part.trim().split(/\s+/))
      .filter(([name]) => name)
      .map(([name, ...sources]) => [name!.toLowerCase(), sources]),
  );
}

/**
 * The headers every response has, page or not. What each says (the directives of every policy,
 * the features switched off) is pinned by tests/unit/security-policy.test.ts; here, that the
 * server sends them on this kind of response, and nothing that would need https.
 */
function expectCommonHeaders(headers: Headers) {
  for (const name of ["x-content-type-options", "referrer-policy", "permissions-policy", "x-frame-options"]) {
    expect(headers[name], name).toBeTruthy();
  }
  // Served over plain http here: no HSTS, and no upgrading of requests to https.
  expect(headers["strict-transport-security"]).toBeUndefined();
  const policy = headers["content-security-policy"];
  expect(policy, "a Content-Security-Policy").toBeTruthy();
  expect(policy).not.toContain("upgrade-insecure-requests");
  return directives(policy!);
}

/** A page's headers: its inline scripts bound by hash (prerendered) or by a nonce made for this request. */
function expectPageHeaders(headers: Headers, kind: Kind) {
  const policy = expectCommonHeaders(headers);
  const scripts = policy.get("script-src") ?? [];
  expect(scripts.some((source) => source.startsWith("'sha256-"))).toBe(true); // at least the 404 page's
  const nonces = scripts.filter((source) => source.startsWith("'nonce-"));
  expect(nonces).toHaveLength(kind === "on demand" ? 1 : 0);
  return scripts;
}

/** Served from the build's prerendered HTML, not rendered for this request. */
function expectPrerendered(headers: Headers) {
  expect(headers["x-nextjs-cache"]).toBe("HIT");
  expect(headers["x-nextjs-prerender"]).toContain("1");
}

/**
 * Reports every CSP violation (the DOM event, from the first byte of each document) and every
 * console message about the CSP or the Permissions-Policy, plus uncaught errors.
 */
async function watchForProblems(page: Page): Promise<string[]> {
  const problems: string[] = [];
  await page.exposeFunction("reportSecurityPolicyViolation", (text: string) => problems.push(text));
  await page.addInitScript(() => {
    document.addEventListener(
      "securitypolicyviolation",
      (event) => {
        const report = (window as unknown as { reportSecurityPolicyViolation: (text: string) => void }).reportSecurityPolicyViolation;
        report(`violation of ${event.effectiveDirective} by ${event.blockedURI} at ${location.pathname}`);
      },
      true,
    );
  });
  page.on("console", (message) => {
    if (/Content Security Policy|Content-Security-Policy|Permissions-Policy/i.test(message.text())) problems.push(message.text());
  });
  page.on("pageerror", (error) => problems.push(`uncaught: ${error.message}`));
  return problems;
}

async function open(page: Page, path: string, status = 200): Promise<Response> {
  const response = await page.goto(path);
  expect(response, `a response for ${path}`).not.toBeNull();
  expect(response!.status()).toBe(status);
  return response!;
}

/** Resolves once React has hydrated the header (its links carry React's fiber). */
async function waitForHydration(page: Page) {
  await expect
    .poll(() =>
      page.evaluate(() => {
        const link = document.querySelector('nav[aria-label="Main"] a');
        return Boolean(link && Object.keys(link).some((key) => key.startsWith("__reactFiber$")));
      }),
    )
    .toBe(true);
}

/** Runs an action and checks it moved to `url` by client-side navigation (the same document). */
async function navigatesInPlace(page: Page, action: () => Promise<void>, url: string | RegExp) {
  await page.evaluate(() => {
    (window as unknown as { sameDocument?: boolean }).sameDocument = true;
  });
  await action();
  await expect(page).toHaveURL(url);
  expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);
}

/** The header's "Lessons" link works as the app's router, which only a hydrated page can do. */
async function expectHydrated(page: Page) {
  await waitForHydration(page);
  await navigatesInPlace(page, () => page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Lessons" }).click(), "/lessons");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Lessons");
}

const sha256Source = (text: string) => `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;

test.describe.configure({ timeout: 90_000 });

const staticPages = [
  { path: "/", heading: /keeps pulling back/ },
  { path: "/about", heading: "About Drawbridge" },
  { path: "/help", heading: "Getting help" },
  { path: "/sources", heading: "Where these ideas come from" },
] as const;

for (const { path, heading } of staticPages) {
  test(`${path}: prerendered, hash-bound scripts only, no violation, and it hydrates`, async ({ page }) => {
    const problems = await watchForProblems(page);
    const response = await open(page, path);
    expectPageHeaders(response.headers(), "prerendered");
    expectPrerendered(response.headers());
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(heading);
    await expectHydrated(page);
    expect(problems).toEqual([]);
  });
}

test("a lesson step stays prerendered; its scripts run, → moves on and progress is saved", async ({ page }) => {
  const problems = await watchForProblems(page);
  const recorded = page.waitForResponse((response) => response.url().includes("/progress") && response.ok());
  const response = await open(page, lessonStep);
  const scripts = expectPageHeaders(response.headers(), "prerendered");
  expectPrerendered(response.headers());
  await recorded; // the progress island ran and reached the API (connect-src 'self')

  // The policy names exactly the hash of each inline script in the served HTML.
  const html = await response.text();
  const inline = [...html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)].map(([, text]) => sha256Source(text!));
  expect(inline.length).toBeGreaterThanOrEqual(2);
  for (const hash of inline) expect(scripts).toContain(hash);

  await waitForHydration(page);
  await expect(page.getByText("Step 2 of")).toBeVisible();
  await navigatesInPlace(page, () => page.keyboard.press("ArrowRight"), nextLessonStep);
  await expect(page.getByText("Step 3 of")).toBeVisible();
  expect(problems).toEqual([]);
});

for (const path of ["/lessons", "/me", "/sign-in", "/sign-up", "/recover", "/forgot-password", "/recovery-code", "/me/delete", "/privacy"]) {
  test(`${path} is rendered on demand with a nonce on every script, and hydrates`, async ({ page }) => {
    const problems = await watchForProblems(page);
    const response = await open(page, path);
    expect(response.headers()["x-nextjs-cache"]).toBeUndefined();
    const [nonceSource] = expectPageHeaders(response.headers(), "on demand").filter((source) => source.startsWith("'nonce-"));
    const nonce = nonceSource!.slice("'nonce-".length, -1);
    const scriptTags = frameworkScripts(await response.text());
    expect(scriptTags.length).toBeGreaterThan(2);
    for (const tag of scriptTags) expect(tag).toContain(`nonce="${nonce}"`);
    await waitForHydration(page);
    await navigatesInPlace(page, () => page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Quiz" }).click(), "/quiz");
    expect(problems).toEqual([]);
  });
}

test("every page rendered on demand gets a new nonce", async ({ request }) => {
  const nonceOf = async (response: APIResponse) =>
    directives(response.headers()["content-security-policy"]!).get("script-src")!.find((source) => source.startsWith("'nonce-"));
  const first = await nonceOf(await request.get("/quiz"));
  const second = await nonceOf(await request.get("/quiz"));
  expect(first).toMatch(/^'nonce-[A-Za-z0-9+/]{22}=='$/);
  expect(second).toMatch(/^'nonce-[A-Za-z0-9+/]{22}=='$/);
  expect(first).not.toBe(second);
});

test("the quiz, a question and a result: nonce-bound scripts, no violation, the keys work", async ({ page }) => {
  const problems = await watchForProblems(page);
  expectPageHeaders((await open(page, "/quiz")).headers(), "on demand");
  await waitForHydration(page);
  await navigatesInPlace(page, () => page.getByRole("button", { name: "Start the quiz" }).click(), /\/quiz\/[^/]+\/1$/);
  await expectQuestion(page, 1);
  const attemptId = new URL(page.url()).pathname.split("/")[2]!;

  // A question loaded as a document: the number keys choose and Enter moves on, saving in the background.
  expectPageHeaders((await open(page, `/quiz/${attemptId}/1`)).headers(), "on demand");
  await waitForHydration(page);
  await expectQuestion(page, 1);
  const saved = page.waitForResponse((response) => response.request().method() === "PUT" && response.ok());
  await page.getByRole("radio").first().focus();
  await page.keyboard.press("3");
  await expect(page.getByRole("radio", { name: "Sometimes" })).toBeChecked();
  await page.keyboard.press("Enter");
  await expectQuestion(page, 2);
  await saved;

  // Answer the rest but the last straight through the API, then finish by keyboard.
  for (const item of items.slice(1, -1)) {
    const put = await page.request.put(`/api/quiz/attempts/${attemptId}/answers/${item.id}`, { data: { value: 3 } });
    expect(put.status()).toBe(200);
    expectCommonHeaders(put.headers());
  }
  // Halfway, the progress bar is half full: React's style attribute was allowed (style-src-attr).
  const middle = Math.ceil(items.length / 2) + 1;
  await open(page, `/quiz/${attemptId}/${middle}`);
  const bar = page.locator('[aria-hidden="true"] > div.bg-accent').first();
  const ratio = await bar.evaluate((element) => element.getBoundingClientRect().width / element.parentElement!.getBoundingClientRect().width);
  expect(ratio).toBeCloseTo((middle - 1) / items.length, 1);

  await open(page, `/quiz/${attemptId}/${items.length}`);
  await waitForHydration(page);
  await expectQuestion(page, items.length);
  await page.getByRole("radio").first().focus();
  await page.keyboard.press("3");
  await navigatesInPlace(page, () => page.keyboard.press("Enter"), `/results/${attemptId}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("What seems active for you right now");

  // The result as a document of its own.
  expectPageHeaders((await open(page, `/results/${attemptId}`)).headers(), "on demand");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("What seems active for you right now");
  await expectHydrated(page);
  expect(problems).toEqual([]);
});

test("an unknown address gets the prerendered 404 page, whose scripts the policy allows", async ({ page }) => {
  const problems = await watchForProblems(page);
  const response = await open(page, "/no-such-page/anywhere", 404);
  // No page of that name was prerendered, so the proxy made a nonce; the HTML served is the
  // build's 404 page, whose inline scripts are allowed by their hashes.
  expectPageHeaders(response.headers(), "on demand");
  expectPrerendered(response.headers());
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("We can’t find that page");
  await waitForHydration(page);
  await navigatesInPlace(page, () => page.getByRole("main").getByRole("link", { name: "Go to the home page" }).click(), "/");
  expect(problems).toEqual([]);
});

test("a page rendered on demand that is not found (another attempt's result) has no violation either", async ({ page }) => {
  const problems = await watchForProblems(page);
  const response = await open(page, "/results/not-an-attempt", 404);
  expectCommonHeaders(response.headers());
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("We can’t find that page");
  await expectHydrated(page);
  expect(problems).toEqual([]);
});

test("a form posted to a prerendered page (a reflection, without JavaScript) is rendered with a nonce", async ({ page, baseURL }) => {
  // What a browser sends when the reflection form is submitted before any script ran: the
  // form's own fields, as a multipart post to the step itself.
  const stepWithReflection = "/lessons/the-pattern-from-inside/5";
  const html = await (await page.request.get(stepWithReflection)).text();
  const form = /<form\b[^>]*method="POST"[^>]*>([\s\S]*?)<\/form>/.exec(html)?.[1] ?? "";
  const fields: Record<string, string> = {};
  for (const [, name, value = ""] of form.matchAll(/<input type="hidden" name="([^"]+)"(?: value="([^"]*)")?/g)) {
    fields[name!] = value.replaceAll("&quot;", '"').replaceAll("&amp;", "&");
  }
  expect(Object.keys(fields).some((name) => name.startsWith("$ACTION_"))).toBe(true);
  const posted = await page.request.post(stepWithReflection, {
    headers: { Origin: baseURL! },
    multipart: { ...fields, text: "Written before the page woke up." },
  });
  expect(posted.status()).toBe(200);
  const [nonceSource] = expectPageHeaders(posted.headers(), "on demand").filter((source) => source.startsWith("'nonce-"));
  const body = await posted.text();
  expect(body).toContain(">Saved<");
  const scriptTags = frameworkScripts(body);
  expect(scriptTags.length).toBeGreaterThan(2);
  for (const tag of scriptTags) expect(tag).toContain(`nonce="${nonceSource!.slice("'nonce-".length, -1)}"`);

  // The same bytes and headers, opened in Chromium: every script runs under that policy.
  const problems = await watchForProblems(page);
  const headers = Object.fromEntries(
    Object.entries(posted.headers()).filter(([name]) => !["content-encoding", "content-length", "transfer-encoding"].includes(name)),
  );
  await page.route(`**${stepWithReflection}`, (route) => route.fulfill({ status: 200, headers, body }), { times: 1 });
  await open(page, stepWithReflection);
  await expect(page.getByRole("status")).toHaveText("Saved");
  await expectHydrated(page);
  expect(problems).toEqual([]);
});

test("RSC payloads and server-action answers are not pages: they carry the headers and allow nothing", async ({ page }) => {
  const payloads: Response[] = [];
  page.on("response", (response) => {
    if (new URL(response.url()).searchParams.has("_rsc")) payloads.push(response);
  });
  await open(page, "/lessons");
  await waitForHydration(page);
  await navigatesInPlace(page, () => page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Quiz" }).click(), "/quiz");
  await expect.poll(() => payloads.length).toBeGreaterThan(0); // the navigation's payload, and prefetches
  for (const payload of payloads) {
    const headers = await payload.allHeaders();
    expect(headers["content-type"]).toContain("text/x-component");
    expect(expectCommonHeaders(headers).get("default-src")).toEqual(["'none'"]);
  }

  const action = page.waitForResponse(async (response) => (await response.request().headerValue("next-action")) !== null);
  await page.getByRole("button", { name: "Start the quiz" }).click();
  const headers = await (await action).allHeaders();
  expect(expectCommonHeaders(headers).get("default-src")).toEqual(["'none'"]);
  await expectQuestion(page, 1);
});

test("the API and the build's static files carry the headers and a policy that allows nothing", async ({ page, request }) => {
  const health = await request.get("/api/health");
  expect(health.status()).toBe(200);
  const policy = expectCommonHeaders(health.headers());
  expect(policy.get("default-src")).toEqual(["'none'"]);
  expect(policy.has("script-src")).toBe(false); // so scripts fall back to 'none'

  const scriptPaths: string[] = [];
  page.on("request", (sent) => {
    if (sent.url().includes("/_next/static/")) scriptPaths.push(new URL(sent.url()).pathname);
  });
  await open(page, "/about");
  expect(scriptPaths.length).toBeGreaterThan(0);
  const asset = await request.get(scriptPaths[0]!);
  expect(asset.status()).toBe(200);
  expect(expectCommonHeaders(asset.headers()).get("default-src")).toEqual(["'none'"]);
});

test("the policy is enforced: an injected inline script does not run, on either kind of page", async ({ page }) => {
  const problems = await watchForProblems(page);
  for (const path of [lessonStep, "/quiz"]) {
    await open(page, path);
    await waitForHydration(page);
    const ran = await page.evaluate(() => {
      const script = document.createElement("script");
      script.textContent = "window.injectedScriptRan = true";
      document.body.append(script);
      return (window as unknown as { injectedScriptRan?: boolean }).injectedScriptRan ?? false;
    });
    expect(ran).toBe(false);
    await expect.poll(() => problems.filter((problem) => problem.includes(`violation of script-src-elem by inline at ${path}`))).toHaveLength(1);
    // And the features the Permissions-Policy switched off are off.
    const allowed = await page.evaluate(() => {
      const policy = (document as unknown as { featurePolicy?: { allowsFeature(name: string): boolean } }).featurePolicy;
      return ["camera", "microphone", "geolocation", "payment"].map((feature) => policy?.allowsFeature(feature) ?? "unknown");
    });
    expect(allowed).toEqual([false, false, false, false]);
  }
  // Nothing else went wrong: only the two refusals and Chromium's console line for each.
  const expected = (problem: string) =>
    problem.startsWith("violation of script-src-elem by inline at ") || problem.startsWith("Executing inline script violates");
  expect(problems.filter((problem) => !expected(problem))).toEqual([]);
  expect(problems.filter((problem) => problem.startsWith("violation of"))).toHaveLength(2);
});

import { readFileSync } from "node:fs";
import { expect, type Page, test } from "@playwright/test";
import { keepRecoveryCode, newAddress, newBrowserContext, newEmail, PASSWORD, signIn, signUp } from "./support/accounts";
import { expectNoAxeViolations } from "./support/axe";
import { finishQuiz, items } from "./support/quiz";
import { seedSignedInAccount } from "./support/seed";
import { saveScreenshots } from "./support/screenshots";

/** The form's own alert (Next keeps an empty route announcer with the same role). */
const formAlert = (page: Page) => page.locator("form").getByRole("alert");

const firstLesson = "the-pattern-from-inside";
const reflection = "I change the subject when someone asks how I really am.";

test.describe.configure({ timeout: 90_000 });

// Every test signs in from an address of its own, so wrong passwords in one never slow another.
test.beforeEach(async ({ context }) => {
  await context.setExtraHTTPHeaders({ "x-forwarded-for": newAddress() });
});

test("the whole account journey: guest work moves in, survives sign-out and a fresh browser, compares, exports and is deleted", async ({ page, browser }) => {
  test.setTimeout(180_000);
  await page.goto(`/lessons/${firstLesson}/5`);
  await page.getByRole("textbox").fill(reflection);
  await expect(page.getByRole("status")).toHaveText("Saved", { timeout: 15_000 });
  const first = await finishQuiz(page, (index) => 1 + (index % 5));

  const email = newEmail();
  await signUp(page, email);
  await expect(page.getByText(`Signed in as ${email}`)).toBeVisible();
  const sessionCookie = (await page.context().cookies()).find((cookie) => cookie.name.endsWith("drawbridge.session_token"));
  expect(sessionCookie).toMatchObject({ httpOnly: true, sameSite: "Lax", secure: true });

  // The guest's result and reflection are on My journey, now the account's.
  await expectOnJourney(page, [first]);

  // Signing out ends the session on the server: the old cookie opens nothing.
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL("/sign-in?signed-out=1");
  await expect(page.getByRole("status")).toHaveText(/You’re signed out/);
  const replay = await newBrowserContext(browser);
  await replay.addCookies([{ ...sessionCookie!, sameSite: "Lax" }]);
  const replayed = await replay.newPage();
  expect((await replayed.goto(`/results/${first}`))?.status()).toBe(404);
  await replay.close();

  // A fresh browser: sign in, and everything is there again.
  const fresh = await newBrowserContext(browser);
  const again = await fresh.newPage();
  await signIn(again, email);
  await expectOnJourney(again, [first]);

  // A second quiz, and the two compared.
  const second = await finishQuiz(again, (index) => 5 - (index % 5));
  await again.goto("/me");
  await expectOnJourney(again, [second, first]);
  await again.getByRole("button", { name: "Compare these two" }).click();
  await expect(again).toHaveURL(`/me/compare?from=${first}&to=${second}`);
  await expect(again.getByRole("table", { name: /and the change/ })).toBeVisible();

  // The export holds it all.
  await again.goto("/me/delete");
  const downloading = again.waitForEvent("download");
  await again.getByRole("link", { name: /Download/ }).first().click();
  const exported = JSON.parse(readFileSync((await (await downloading).path())!, "utf8")) as {
    formatVersion: number;
    profile: { kind: string; email?: string };
    quizAttempts: { id: string; status: string; answers: unknown[]; scores: unknown[] }[];
    reflections: { text: string }[];
  };
  expect(exported.formatVersion).toBe(1);
  expect(exported.profile).toMatchObject({ kind: "account", email });
  expect(exported.quizAttempts.map((attempt) => [attempt.id, attempt.status, attempt.answers.length, attempt.scores.length])).toEqual([
    [first, "completed", items.length, 5],
    [second, "completed", items.length, 5],
  ]);
  expect(exported.reflections.map((row) => row.text)).toEqual([reflection]);

  // Deleting the account: gone, signed out, and the password opens nothing.
  await again.getByLabel("To confirm, type the word delete").fill("delete");
  await again.getByRole("button", { name: "Delete everything" }).click();
  await expect(again).toHaveURL("/me/deleted");
  expect((await again.request.get("/api/me/export")).status()).toBe(404);
  expect((await again.goto(`/results/${first}`))?.status()).toBe(404);
  await again.goto("/sign-in");
  await again.getByLabel("Email").fill(email);
  await again.getByLabel("Password").fill(PASSWORD);
  await again.getByRole("button", { name: "Sign in" }).click();
  await expect(formAlert(again)).toHaveText("Email or password is wrong.");
  await fresh.close();
});

/** My journey lists these results (newest first) and the reflection under lesson 1. */
async function expectOnJourney(page: Page, resultIds: string[]) {
  await page.goto("/me");
  const results = page.getByRole("region", { name: "Your quiz results", exact: true }).getByRole("listitem");
  await expect(results).toHaveCount(resultIds.length);
  for (const [index, id] of resultIds.entries()) {
    await expect(results.nth(index).getByRole("link")).toHaveAttribute("href", `/results/${id}`);
  }
  await expect(page.getByRole("region", { name: "Your reflections", exact: true })).toContainText(reflection);
}

test("sign-in failures say only that the email or password is wrong", async ({ page }) => {
  const email = newEmail();
  await seedSignedInAccount(page.context(), email, PASSWORD);
  await page.goto("/me");
  await page.getByRole("button", { name: "Sign out" }).click();

  for (const [tryEmail, password] of [
    [email, "not my password at all"],
    [newEmail(), PASSWORD],
  ] as const) {
    await page.getByLabel("Email").fill(tryEmail);
    await page.getByLabel("Password").fill(password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(formAlert(page)).toHaveText("Email or password is wrong.");
    await expect(page.getByLabel("Email")).toHaveValue(tryEmail);
    await expect(page.getByLabel("Password")).toHaveValue("");
  }
  await expectNoAxeViolations(page, "/sign-in with an error");
});

test("after five wrong passwords in a minute, the next sign-in gets 429 with Retry-After", async ({ page, request }) => {
  const email = newEmail();
  await seedSignedInAccount(page.context(), email, PASSWORD);
  const tryOnce = (password: string) =>
    request.post("/api/auth/sign-in/email", { data: { email, password }, headers: { "x-forwarded-for": newAddress() } });
  for (let attempt = 1; attempt <= 5; attempt++) expect((await tryOnce("wrong password, again")).status()).toBe(401);
  const limited = await tryOnce(PASSWORD);
  expect(limited.status()).toBe(429);
  expect(Number(limited.headers()["retry-after"])).toBeGreaterThan(0);

  // The form says the same, kindly, with the wait.
  const other = await newBrowserContext(page.context().browser()!);
  const form = await other.newPage();
  await form.goto("/sign-in");
  await form.getByLabel("Email").fill(email);
  await form.getByLabel("Password").fill(PASSWORD);
  await form.getByRole("button", { name: "Sign in" }).click();
  await expect(formAlert(form)).toHaveText(/Too many tries\. Please wait \d+ seconds/);
  await other.close();
});

test("sign-up shows what is wrong beside the field and creates nothing", async ({ page }) => {
  const email = newEmail();
  await page.goto("/sign-up");
  await page.getByLabel("Email").fill("not an email");
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("Please enter an email address like name@example.org.")).toBeVisible();
  await expect(page.getByText(/Please use at least 10 characters/)).toBeVisible();
  await expect(page.getByLabel("Email")).toHaveAttribute("aria-invalid", "true");
  await expectNoAxeViolations(page, "/sign-up with errors");

  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("nine char");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText(/Please use at least 10 characters/)).toBeVisible();
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("nine char");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(formAlert(page)).toHaveText("Email or password is wrong.");
});

test("sign-up refuses a weak password with the reason beside the password field", async ({ page }) => {
  const email = newEmail();
  await page.goto("/sign-up");
  const reasonBeside = page.locator("#sign-up-password-error");
  for (const [password, reason] of [
    ["          ", /only spaces/i],
    [email, /email address/i],
    ["password12", /commonly used/i],
  ] as const) {
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(password);
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(reasonBeside).toHaveText(reason);
    await expect(page).toHaveURL("/sign-up");
    await expect(page.getByLabel("Password")).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByLabel("Password")).toHaveAttribute("aria-describedby", /sign-up-password-error/);
  }
  await expectNoAxeViolations(page, "/sign-up with a weak password");
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await keepRecoveryCode(page);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("signing up, out and in work as plain form posts", async ({ page }) => {
    const email = newEmail();
    await signUp(page, email);
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL("/sign-in?signed-out=1");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill("wrong password here");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(formAlert(page)).toHaveText("Email or password is wrong.");
    await signIn(page, email);
  });
});

for (const colorScheme of ["light", "dark"] as const) {
  test(`the account pages pass axe and are photographed (${colorScheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    for (const path of ["/sign-in", "/sign-up"]) {
      await page.goto(path);
      await expectNoAxeViolations(page, `${path} (${colorScheme})`);
      await saveScreenshots(page, path, path.slice(1), colorScheme);
    }
    await seedSignedInAccount(page.context(), newEmail(), PASSWORD);
    await page.goto("/me");
    await expectNoAxeViolations(page, `/me signed in (${colorScheme})`);
    await saveScreenshots(page, "/me", "journey-signed-in", colorScheme);
    await page.goto("/sign-up");
    await expectNoAxeViolations(page, `/sign-up signed in (${colorScheme})`);
    await saveScreenshots(page, "/sign-in", "sign-in-signed-in", colorScheme);
  });
}

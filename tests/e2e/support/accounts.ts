import { randomUUID } from "node:crypto";
import { expect, type Browser, type Page } from "@playwright/test";

export const PASSWORD = "a quiet harbour at dusk";

/** An address no other test uses, so accounts and sign-in limits never collide. */
export const newEmail = () => `reader-${randomUUID().slice(0, 8)}@example.org`;

/** Creates an account through the sign-up page, passes its recovery code (returned) and lands on My journey. */
export async function signUp(page: Page, email: string, password = PASSWORD): Promise<string> {
  await page.goto("/sign-up");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Create account" }).click();
  return keepRecoveryCode(page);
}

/** On the page that shows a new recovery code: reads it, then goes on to My journey. */
export async function keepRecoveryCode(page: Page): Promise<string> {
  await expect(page).toHaveURL(/^[^?]*\/recovery-code/);
  const code = (await page.getByTestId("recovery-code").textContent())!;
  expect(code).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){4}$/);
  await page.getByRole("link", { name: /I’ve kept it: go to My journey/ }).click();
  await expect(page).toHaveURL("/me");
  return code;
}

/** Signs in through the sign-in page and lands on My journey. */
export async function signIn(page: Page, email: string, password = PASSWORD) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL("/me");
}

/**
 * A client address of its own (TEST-NET-2), sent as X-Forwarded-For, so one test's wrong
 * passwords never count against another's in the per-address sign-in limit.
 */
export const newAddress = () => `198.51.100.${Math.floor(Math.random() * 254) + 1}`;

/** A fresh browser context, with JavaScript and an address of its own. */
export function newBrowserContext(browser: Browser) {
  return browser.newContext({ javaScriptEnabled: true, extraHTTPHeaders: { "x-forwarded-for": newAddress() } });
}

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { startMailbox, type Mailbox } from "../support/mailbox";
import { newAddress, newEmail, PASSWORD, signUp } from "./support/accounts";
import { expectNoAxeViolations } from "./support/axe";
import { OwnServer } from "./support/own-server";
import { saveScreenshots } from "./support/screenshots";

// "Forgot your password?" by email, as people meet it: a server of its own started with SMTP_URL
// pointing at a local SMTP server this file starts, the email read from there.

const NEW_PASSWORD = "lanterns over the salt marsh";

test.describe.configure({ timeout: 180_000 });

let mailbox: Mailbox;
let server: OwnServer;
let dir: string;

test.beforeAll(async () => {
  mailbox = await startMailbox();
  dir = mkdtempSync(path.join(tmpdir(), "drawbridge-reset-"));
  server = await OwnServer.start(`file:${path.join(dir, "reset.db")}`, path.join(dir, "data"), {
    SMTP_URL: mailbox.url,
  });
});

test.afterAll(async () => {
  await server?.stop();
  await mailbox?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The email's text, with quoted-printable soft line breaks and escapes undone. */
const bodyOf = (raw: string) =>
  Buffer.from(raw.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))), "latin1").toString("utf8");

async function linkSentTo(email: string): Promise<string> {
  await expect.poll(() => mailbox.received.filter((mail) => mail.to.includes(email)).length, { timeout: 10_000 }).toBe(1);
  const body = bodyOf(mailbox.received.find((mail) => mail.to.includes(email))!.raw);
  expect(body).not.toMatch(/result|lesson|reflection|practice|quiz|score/i);
  return /(http:\/\/127\.0\.0\.1:\d+\/reset-password\?token=[A-Za-z0-9]+)/.exec(body)![1]!;
}

test("forgot password: the emailed link sets a new password, without JavaScript, and the new one signs in", async ({ browser }) => {
  const email = newEmail();
  const withScript = await browser.newContext({ baseURL: server.url, extraHTTPHeaders: { "x-forwarded-for": newAddress() } });
  const page = await withScript.newPage();
  await signUp(page, email);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in\?signed-out=1/);
  await page.getByRole("link", { name: "We can email you a link" }).click();
  await expect(page).toHaveURL("/forgot-password");

  // The rest without JavaScript: plain form posts.
  const plain = await browser.newContext({ baseURL: server.url, javaScriptEnabled: false, extraHTTPHeaders: { "x-forwarded-for": newAddress() } });
  const noScript = await plain.newPage();
  await noScript.goto("/forgot-password");
  await noScript.getByLabel("Email").fill(email);
  await noScript.getByRole("button", { name: "Email me a link" }).click();
  await expect(noScript.getByRole("status").filter({ hasText: "If an account uses that address, we’ve sent a link" })).toBeVisible();

  // An address with no account gets the same answer and no email.
  const nobody = newEmail();
  await noScript.goto("/forgot-password");
  await noScript.getByLabel("Email").fill(nobody);
  await noScript.getByRole("button", { name: "Email me a link" }).click();
  await expect(noScript.getByRole("status").filter({ hasText: "If an account uses that address, we’ve sent a link" })).toBeVisible();

  const link = await linkSentTo(email);
  expect(mailbox.received.filter((mail) => mail.to.includes(nobody))).toEqual([]);
  await noScript.goto(link);
  await noScript.getByLabel("New password").fill(NEW_PASSWORD);
  await noScript.getByRole("button", { name: "Set new password" }).click();
  await expect(noScript).toHaveURL(/\/sign-in\?password-reset=1/);
  await expect(noScript.getByText("Your new password is set")).toBeVisible();

  // The link is used up.
  await noScript.goto(link);
  await expect(noScript.getByText("This link doesn’t work any more")).toBeVisible();

  await noScript.goto("/sign-in");
  await noScript.getByLabel("Email").fill(email);
  await noScript.getByLabel("Password").fill(PASSWORD);
  await noScript.getByRole("button", { name: "Sign in" }).click();
  await expect(noScript.getByText("Email or password is wrong.")).toBeVisible();
  await noScript.getByLabel("Password").fill(NEW_PASSWORD);
  await noScript.getByRole("button", { name: "Sign in" }).click();
  await expect(noScript).toHaveURL("/me");
  await withScript.close();
  await plain.close();
});

test("the new pages pass axe in light and dark, at phone and desktop widths", async ({ browser }) => {
  const context = await browser.newContext({ baseURL: server.url, extraHTTPHeaders: { "x-forwarded-for": newAddress() } });
  const page = await context.newPage();
  const email = newEmail();
  await signUp(page, email);
  await page.getByRole("button", { name: "Sign out" }).click();
  await page.goto("/forgot-password");
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Email me a link" }).click();
  const link = await linkSentTo(email);
  const resetPath = new URL(link).pathname + new URL(link).search;
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    for (const [urlPath, name] of [
      ["/forgot-password", "forgot-password"],
      [resetPath, "reset-password"],
      ["/reset-password?token=used-or-unknown", "reset-password-refused"],
    ] as const) {
      await page.goto(urlPath);
      await expectNoAxeViolations(page, `${name} (${colorScheme})`);
      await saveScreenshots(page, urlPath, name, colorScheme);
    }
  }
  await context.close();
});

test("without SMTP_URL, /forgot-password says the recovery code is the way back", async ({ page }) => {
  await page.goto("/forgot-password");
  await expect(page.getByText("This Drawbridge sends no email")).toBeVisible();
  await page.getByRole("link", { name: "Recover your account with the code" }).click();
  await expect(page).toHaveURL("/recover");
  await page.goto("/sign-in");
  await expect(page.getByText("Drawbridge sends no email: your recovery code is the way back in.")).toBeVisible();
  await expectNoAxeViolations(page, "forgot-password without email");
});

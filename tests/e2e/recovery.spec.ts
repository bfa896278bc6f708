import path from "node:path";
import { expect, type Page, test } from "@playwright/test";
import { keepRecoveryCode, newAddress, newBrowserContext, newEmail, PASSWORD, signIn, signUp } from "./support/accounts";
import { expectNoAxeViolations } from "./support/axe";
import { saveScreenshots, screenshotDir, screenshotWidths } from "./support/screenshots";

const NEW_PASSWORD = "lanterns over the salt marsh";
const WARNING = "This is the only way back into your account if you forget your password. Drawbridge can’t show it again.";

/** The form's own alert (Next keeps an empty route announcer with the same role). */
const formAlert = (page: Page) => page.locator("form").getByRole("alert");

test.describe.configure({ timeout: 120_000 });

test.beforeEach(async ({ context }) => {
  await context.setExtraHTTPHeaders({ "x-forwarded-for": newAddress() });
});

/** Axe in light and dark, and screenshots at both widths, of the page as it is now (no reload: a code page shows once). */
async function checkAsItIs(page: Page, name: string) {
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme, reducedMotion: "reduce" });
    await expectNoAxeViolations(page, `${name} (${colorScheme})`);
    for (const width of Object.values(screenshotWidths)) {
      await page.setViewportSize({ width, height: width === screenshotWidths.phone ? 844 : 900 });
      await page.screenshot({ path: path.join(screenshotDir, `${name}-${width}-${colorScheme}.png`), fullPage: true });
    }
  }
  await page.emulateMedia({ colorScheme: "light" });
}

async function recover(page: Page, email: string, code: string, password: string) {
  await page.goto("/recover");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Recovery code").fill(code);
  await page.getByLabel("New password").fill(password);
  await page.getByRole("button", { name: "Set new password" }).click();
}

test("sign-up shows a recovery code once; it sets a new password, signs every other browser out and gives a new code", async ({ page, browser, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  const email = newEmail();
  await page.goto("/sign-up");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL("/recovery-code");
  await expect(page.getByText(WARNING)).toBeVisible();
  const code = (await page.getByTestId("recovery-code").textContent())!;
  expect(code).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){4}$/);

  // Copy puts it on the clipboard; Print puts the code alone on paper.
  await page.getByRole("button", { name: "Copy code" }).click();
  await expect(page.getByText("Copied.", { exact: false })).toBeVisible();
  await expect(page.getByRole("button", { name: "Print code" })).toBeVisible();
  await page.emulateMedia({ media: "print" });
  await expect(page.getByTestId("recovery-code")).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Main" })).toBeHidden();
  await expect(page.getByRole("heading", { level: 1 })).toBeHidden();
  await page.emulateMedia({ media: "screen" });
  await checkAsItIs(page, "recovery-code");

  // What Copy put on the clipboard pastes into /recover's code field (pages may write it, not read it).
  await page.goto("/recover");
  await page.getByLabel("Recovery code").focus();
  await page.keyboard.press("ControlOrMeta+V");
  await expect(page.getByLabel("Recovery code")).toHaveValue(code);

  // Shown once: coming back shows no code, only the way to make a new one.
  await page.goto("/recovery-code");
  await expect(page.getByTestId("recovery-code")).toHaveCount(0);
  await expect(page.getByText(/There’s no new code to show here/)).toBeVisible();
  await expect(page.getByRole("button", { name: "Make a new recovery code" })).toBeVisible();
  await expect(page.getByText(code)).toHaveCount(0);
  await saveScreenshots(page, "/recovery-code", "recovery-code-shown-already", "light");
  await page.goto("/me");

  // Another browser signed in before the recovery.
  const other = await newBrowserContext(browser);
  const otherPage = await other.newPage();
  await signIn(otherPage, email);
  await expect(otherPage.getByText(`Signed in as ${email}`)).toBeVisible();

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL("/sign-in?signed-out=1");
  await page.getByRole("link", { name: "Recover your account" }).click();
  await expect(page).toHaveURL("/recover");
  await checkAsItIs(page, "recover");

  // A wrong code: one plain message, nothing changed.
  const wrong = code.startsWith("A") ? `B${code.slice(1)}` : `A${code.slice(1)}`;
  await recover(page, email, wrong, NEW_PASSWORD);
  await expect(formAlert(page)).toHaveText("That email and recovery code don’t match an account. Please check both and try again.");
  await expect(page.getByLabel("Email")).toHaveValue(email);
  await recover(page, newEmail(), code, NEW_PASSWORD);
  await expect(formAlert(page)).toHaveText("That email and recovery code don’t match an account. Please check both and try again.");
  await checkAsItIs(page, "recover-refused");

  // The right code, typed in lower case without dashes.
  await recover(page, email, code.replaceAll("-", "").toLowerCase(), NEW_PASSWORD);
  await expect(page).toHaveURL("/recovery-code?recovered=1");
  await expect(page.getByText(/Your new password is set and every other browser is signed out/)).toBeVisible();
  await expect(page.getByText(WARNING)).toBeVisible();
  const next = (await page.getByTestId("recovery-code").textContent())!;
  expect(next).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){4}$/);
  expect(next).not.toBe(code);
  await checkAsItIs(page, "recovery-code-recovered");
  await page.getByRole("link", { name: /I’ve kept it: go to My journey/ }).click();
  await expect(page.getByText(`Signed in as ${email}`)).toBeVisible();

  // The browser signed in before is signed out; the old password and the used code open nothing.
  await otherPage.reload();
  await expect(otherPage.getByText(`Signed in as ${email}`)).toHaveCount(0);
  await otherPage.goto("/sign-in");
  await otherPage.getByLabel("Email").fill(email);
  await otherPage.getByLabel("Password").fill(PASSWORD);
  await otherPage.getByRole("button", { name: "Sign in" }).click();
  await expect(formAlert(otherPage)).toHaveText("Email or password is wrong.");
  await recover(otherPage, email, code, "yet another long passphrase");
  await expect(formAlert(otherPage)).toHaveText(/don’t match an account/);
  await signIn(otherPage, email, NEW_PASSWORD);
  await other.close();
});

test("a new code from My journey replaces the old one", async ({ page }) => {
  const email = newEmail();
  const first = await signUp(page, email);
  await page.getByRole("button", { name: "Make a new recovery code" }).click();
  const second = await keepRecoveryCode(page);
  expect(second).not.toBe(first);
  await page.getByRole("button", { name: "Sign out" }).click();
  await recover(page, email, first, NEW_PASSWORD);
  await expect(formAlert(page)).toHaveText(/don’t match an account/);
  await recover(page, email, second, NEW_PASSWORD);
  await expect(page).toHaveURL("/recovery-code?recovered=1");
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the code is plain text to select, and /recover works as a plain form post", async ({ page }) => {
    const email = newEmail();
    await page.goto("/sign-up");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page).toHaveURL("/recovery-code");
    const code = (await page.getByTestId("recovery-code").textContent())!;
    await expect(page.getByRole("button", { name: "Copy code" })).toHaveCount(0); // no button that can't work
    await page.getByRole("link", { name: /I’ve kept it: go to My journey/ }).click();
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL("/sign-in?signed-out=1");
    await recover(page, email, code, "short");
    await expect(page.getByText(/Please use at least 10 characters/)).toBeVisible();
    await recover(page, email, code, NEW_PASSWORD);
    await expect(page).toHaveURL("/recovery-code?recovered=1");
    await expect(page.getByTestId("recovery-code")).not.toHaveText(code);
  });
});

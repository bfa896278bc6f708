import { execFileSync } from "node:child_process";
import { expect, test } from "@playwright/test";
import { newBrowserContext, newEmail, PASSWORD } from "./support/accounts";
import { ITEMS_EDITOR_EMAIL } from "./support/admin";
import { expectNoAxeViolations, type ColorScheme } from "./support/axe";
import { runDatabaseUrl } from "./support/run-data";
import { saveScreenshots } from "./support/screenshots";
import { seedSignedInAccount } from "./support/seed";

// /admin/items: the item analysis, for the account ADMIN_EMAILS lists (playwright.config.ts),
// on simulated attempts of the current quiz version seeded into the e2e database with one item
// answered as if keyed the other way round. Everyone else gets the ordinary 404.

test.describe.configure({ timeout: 120_000 });

/**
 * Tops the e2e server's database (playwright.config.ts) up to 80 simulated attempts of the
 * current version; returns the mis-keyed item's id. A fixed number, however often it runs,
 * keeps the version under the 200 results at which score margins stop using their defaults,
 * so other specs see the same margins.
 */
function seedSimulatedAttempts(): string {
  const output = execFileSync("npx", ["tsx", "scripts/seed-simulated-attempts.ts", "--count", "80", "--seed", "7", "--top-up"], {
    env: { ...process.env, DATABASE_URL: runDatabaseUrl() },
    encoding: "utf8",
  });
  return (JSON.parse(output.trim().split("\n").at(-1)!) as { miskeyed: string[] }).miskeyed[0]!;
}

test("the editor sees the analysis, with the mis-keyed item flagged, on a phone and in dark mode too", async ({ browser }) => {
  const miskeyed = seedSimulatedAttempts();
  const context = await newBrowserContext(browser);
  await seedSignedInAccount(context, ITEMS_EDITOR_EMAIL, PASSWORD);
  const page = await context.newPage();

  const response = await page.goto("/admin/items");
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1, name: "Item analysis" })).toBeVisible();
  // Other specs' finished attempts share this database, so only the simulated item's flag is certain.
  await expect(page.getByText(/^From \d+ finished attempts of version \S+\. \d+ items? (is|are) flagged as worth a look\./)).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "The five scales" })).toBeVisible();

  // The mis-keyed item's own rows: its figures, then the flag that it runs against its scale.
  const itemGroup = page.locator("tbody").filter({ has: page.getByRole("rowheader", { name: new RegExp(`^${miskeyed}\\b`) }) });
  await expect(itemGroup.getByText("Runs against the rest of its scale: check whether it is keyed the right way round.")).toBeVisible();
  const itemRest = await itemGroup.getByRole("cell").nth(2).innerText();
  expect(itemRest.startsWith("−"), `item–rest r of ${miskeyed} is ${itemRest}`).toBe(true);
  // Nothing identifies a person: no account email anywhere on the page.
  await expect(page.getByText(/@example\.org/)).toHaveCount(0);

  // The version chooser is a plain GET form: it works without JavaScript and keeps its address.
  await page.getByRole("button", { name: "Show this version" }).click();
  await expect(page).toHaveURL(/\/admin\/items\?version=/);
  await expect(page.getByRole("heading", { level: 1, name: "Item analysis" })).toBeVisible();
  expect((await page.goto("/admin/items?version=no-such-version"))?.status()).toBe(404);

  for (const colorScheme of ["light", "dark"] as ColorScheme[]) {
    await page.emulateMedia({ colorScheme });
    for (const width of [390, 1280]) {
      await page.setViewportSize({ width, height: 900 });
      await page.goto("/admin/items");
      // Nothing wider than a phone's screen.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      await expectNoAxeViolations(page, `/admin/items (${colorScheme}, ${width} px)`);
    }
    await saveScreenshots(page, "/admin/items", "admin-items", colorScheme);
  }
  await context.close();
});

test("a guest and an account not listed get the ordinary 404", async ({ browser }) => {
  const guestContext = await newBrowserContext(browser);
  const guest = await guestContext.newPage();
  const asGuest = await guest.goto("/admin/items");
  expect(asGuest?.status()).toBe(404);
  await expect(guest.getByRole("heading", { level: 1, name: "We can’t find that page" })).toBeVisible();
  // A guest profile (made by saving something) is no different.
  await guest.goto("/quiz");
  await guest.getByRole("button", { name: /^(Start the quiz|Start over)$/ }).click();
  await expect(guest).toHaveURL(/\/quiz\/[^/]+\/1$/);
  expect((await guest.goto("/admin/items"))?.status()).toBe(404);
  expect((await guest.goto("/admin/items?version=anything"))?.status()).toBe(404);
  await guestContext.close();

  const otherContext = await newBrowserContext(browser);
  await seedSignedInAccount(otherContext, newEmail(), PASSWORD);
  const other = await otherContext.newPage();
  expect((await other.goto("/admin/items"))?.status()).toBe(404);
  await expect(other.getByText("Item analysis")).toHaveCount(0);
  await otherContext.close();
});

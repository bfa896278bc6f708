import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { expectNoAxeViolations, type ColorScheme } from "./support/axe";
import { screenshotDir, screenshotWidths } from "./support/screenshots";

// Two widths, each with every table open and an axe scan: slow on a busy 2-core machine.
test.describe.configure({ timeout: 120_000 });

const kinds = (JSON.parse(readFileSync(path.join(__dirname, "..", "..", "content", "privacy", "stored.json"), "utf8")) as { kinds: unknown[] }).kinds;

for (const scheme of ["light", "dark"] as ColorScheme[]) {
  test(`/privacy says field by field what is stored, readable at phone and desktop width (${scheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme, reducedMotion: "reduce" });
    for (const width of Object.values(screenshotWidths)) {
      await page.setViewportSize({ width, height: 900 });
      await page.goto("/privacy");
      const records = page.locator("details").filter({ has: page.locator("table") });
      await expect(records).toHaveCount(kinds.length);
      for (const summary of await records.locator("summary").all()) await summary.click();

      const reflections = page.getByRole("table", { name: /^Reflections:/ });
      await expect(reflections.getByRole("row").filter({ hasText: "What you wrote" })).toContainText("Encrypted");
      const sessions = page.getByRole("table", { name: /^Sessions/ });
      await expect(sessions).toContainText("ipAddress, userAgent");
      await expectNoAxeViolations(page, `/privacy with every table open, ${width} px, ${scheme}`);
      await page.screenshot({ path: path.join(screenshotDir, `privacy-stored-${width}-${scheme}.png`), fullPage: true });
    }
  });
}

test("/privacy, read when asked for, says that this server deletes accounts unused for the days its operator chose", async ({ page }) => {
  await page.goto("/privacy"); // the suite's server runs with DELETE_UNUSED_ACCOUNTS_AFTER_DAYS=365 (support/run-data.ts)
  await expect(
    page.getByText("On this server, an account that nobody has signed in to or used for 365 days is deleted with everything in it"),
  ).toBeVisible();
  await expect(page.getByText("An account is kept until you delete it.")).toHaveCount(0);
});

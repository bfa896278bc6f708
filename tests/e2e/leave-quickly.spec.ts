import { expect, test, type Page } from "@playwright/test";

// playwright.config.ts starts Drawbridge with QUICK_EXIT_URL at weather.localhost, and a stand-in
// for the outside world (support/neutral-site.mjs) that answers any *.localhost host on this machine.
const neutralPort = process.env.E2E_NEUTRAL_PORT;
const NEUTRAL = `http://weather.localhost:${neutralPort}/today`;
const BEFORE = `http://before.localhost:${neutralPort}/`;

/** A visit of three Drawbridge pages, the later two reached by links (client-side navigations). */
async function visitThreePages(page: Page) {
  await page.goto(BEFORE);
  await page.goto("/");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Lessons" }).click();
  await expect(page).toHaveURL("/lessons");
  await page.getByRole("main").getByRole("link", { name: /Wanting closeness, and pulling away/ }).first().click();
  await expect(page).toHaveURL(/\/lessons\/the-pattern-from-inside/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Wanting closeness, and pulling away");
}

async function expectNeutralSite(page: Page) {
  await expect(page).toHaveURL(NEUTRAL);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Weather today");
}

/** Presses Back and waits until the tab has settled on a page that is not Drawbridge's. */
async function pressBack(page: Page) {
  await page.goBack({ waitUntil: "commit" }).catch(() => undefined);
  await expect(page).not.toHaveURL(/^http:\/\/(127\.0\.0\.1|localhost)/);
  await page.waitForLoadState("load");
}

test.describe("Leave quickly", () => {
  test("replaces the page with the neutral site, and Back never shows Drawbridge again", async ({ page }) => {
    await visitThreePages(page);
    await page.getByRole("complementary", { name: "Leave quickly" }).getByRole("link", { name: "Leave quickly" }).click();
    await expectNeutralSite(page);

    const shown: string[] = [];
    page.on("framenavigated", (frame) => {
      if (frame === page.mainFrame()) shown.push(frame.url());
    });
    // Back from the neutral site: the Drawbridge pages of this visit move straight on again,
    // until Back reaches the site before Drawbridge.
    for (let presses = 0; presses < 5 && page.url() !== BEFORE; presses++) {
      await pressBack(page);
      const heading = await page.getByRole("heading", { level: 1 }).textContent();
      expect(["Weather today", "Somewhere else"]).toContain(heading);
    }
    await expect(page).toHaveURL(BEFORE);
    // Drawbridge's pages were only passed through on the way: none was left showing.
    expect(shown.at(-1)).toBe(BEFORE);
  });

  test("is the first stop after the skip link, and Enter leaves", async ({ page }) => {
    await page.goto("/quiz");
    await page.keyboard.press("Tab");
    await expect(page.getByRole("link", { name: "Skip to content" })).toBeFocused();
    await page.keyboard.press("Tab");
    const leave = page.getByRole("link", { name: "Leave quickly" });
    await expect(leave).toBeFocused();
    await expect(leave).toHaveAccessibleDescription("Or press Shift 3 times");
    await page.keyboard.press("Enter");
    await expectNeutralSite(page);
  });

  test("pressing Shift three times leaves from anywhere; Shift for capitals does not", async ({ page }) => {
    await page.goto("/help");
    await expect(page.getByText("Or press Shift 3 times")).toBeVisible();
    // Typing capitals uses Shift as a modifier: that is not a press on its own.
    for (const letter of ["H", "I", "J", "K"]) await page.keyboard.press(`Shift+${letter}`);
    // Two presses, then another key: the count starts again.
    await page.keyboard.press("Shift");
    await page.keyboard.press("Shift");
    await expect(page.getByText("Press Shift 1 more time to leave this site.")).toBeAttached();
    await page.keyboard.press("a");
    await page.keyboard.press("Shift");
    await page.keyboard.press("Shift");
    await expect(page).toHaveURL("/help");
    await page.keyboard.press("Shift");
    await expectNeutralSite(page);
  });

  test("opening Drawbridge again on purpose, in the same tab, works as usual", async ({ page }) => {
    await page.goto("/about");
    await page.getByRole("link", { name: "Leave quickly" }).click();
    await expectNeutralSite(page);
    await page.goto("/about");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("About Drawbridge");
    await page.reload();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("About Drawbridge");
  });

  test.describe("without JavaScript", () => {
    test.use({ javaScriptEnabled: false });

    test("is a plain link to the neutral site", async ({ page }) => {
      await page.goto("/privacy");
      const leave = page.getByRole("link", { name: "Leave quickly" });
      await expect(leave).toHaveAttribute("href", "/leave");
      await leave.click();
      await expectNeutralSite(page);
    });
  });
});

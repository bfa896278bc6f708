import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations, type ColorScheme } from "./support/axe";
import { saveScreenshots } from "./support/screenshots";

const pages = [
  { path: "/", title: "Drawbridge · For when you want closeness and keep pulling away", heading: /keeps pulling back/ },
  { path: "/about", title: "About · Drawbridge", heading: "About Drawbridge" },
  { path: "/privacy", title: "Privacy · Drawbridge", heading: "Privacy" },
  { path: "/help", title: "Help · Drawbridge", heading: "Getting help" },
  { path: "/sources", title: "Where these ideas come from · Drawbridge", heading: "Where these ideas come from" },
  { path: "/lessons", title: "Lessons · Drawbridge", heading: "Lessons" },
  { path: "/quiz", title: "Patterns quiz · Drawbridge", heading: "The patterns quiz" },
  { path: "/me", title: "My journey · Drawbridge", heading: "My journey" },
] as const;

const unknownPath = "/this-page-does-not-exist";
const schemes: ColorScheme[] = ["light", "dark"];

/** Presses Tab until the named link has focus, as a keyboard user would. */
async function tabTo(page: Page, name: string, within: "banner" | "contentinfo") {
  const link = page.getByRole(within).getByRole("link", { name, exact: true });
  for (let presses = 0; presses < 40; presses++) {
    await page.keyboard.press("Tab");
    if (await link.evaluate((el) => el === document.activeElement)) return link;
  }
  throw new Error(`Tab never reached the "${name}" link`);
}

test.describe("every page", () => {
  for (const { path, title, heading } of pages) {
    test(`${path} loads with its heading and title`, async ({ page }) => {
      const response = await page.goto(path);
      expect(response?.status()).toBe(200);
      await expect(page).toHaveTitle(title);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(heading);
      await expect(page.locator("html")).toHaveAttribute("lang", "en");
    });
  }

  test("an unknown address gets a friendly 404 with a way home", async ({ page }) => {
    const response = await page.goto(unknownPath);
    expect(response?.status()).toBe(404);
    await expect(page).toHaveTitle("Page not found · Drawbridge");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("We can’t find that page");
    await page.getByRole("main").getByRole("link", { name: "Go to the home page" }).click();
    await expect(page).toHaveURL("/");
  });

  test("the header marks the current page, and only that one", async ({ page }) => {
    await page.goto("/quiz");
    const nav = page.getByRole("navigation", { name: "Main" });
    await expect(nav.getByRole("link", { name: "Quiz" })).toHaveAttribute("aria-current", "page");
    await expect(nav.locator("[aria-current]")).toHaveCount(1);
    await page.goto("/");
    await expect(nav.locator("[aria-current]")).toHaveCount(0);
  });

  test("the help page gives crisis lines that work without any script", async ({ page }) => {
    await page.goto("/help");
    await expect(page.getByRole("link", { name: "988", exact: true })).toHaveAttribute("href", "tel:988");
    await expect(page.getByRole("link", { name: "116 123" })).toHaveAttribute("href", "tel:116123");
    await expect(page.getByRole("link", { name: "findahelpline.com" })).toHaveAttribute(
      "href",
      "https://findahelpline.com",
    );
  });

  test("the sources page links each DOI through doi.org and says which parts are Drawbridge's own", async ({ page }) => {
    await page.goto("/sources");
    const main = page.getByRole("main");
    await expect(main.getByRole("heading", { level: 2, name: "Measuring attachment" })).toBeVisible();
    const doi = main.getByRole("link", { name: "https://doi.org/10.1037/0022-3514.52.3.511" });
    await expect(doi).toHaveAttribute("href", "https://doi.org/10.1037/0022-3514.52.3.511");
    await expect(main.getByRole("heading", { level: 2, name: "What is our own, not the research’s" })).toBeVisible();
    await expect(main.getByText("it is not a clinical instrument")).toBeVisible();
    await page.goto("/about");
    await page.getByRole("main").getByRole("link", { name: "Where these ideas come from" }).click();
    await expect(page).toHaveURL("/sources");
  });

  test("no page asks another server for anything", async ({ page }) => {
    const foreign: string[] = [];
    page.on("request", (request) => {
      const url = new URL(request.url());
      if (!["127.0.0.1", "localhost"].includes(url.hostname) && url.protocol !== "data:") foreign.push(request.url());
    });
    for (const { path } of pages) await page.goto(path, { waitUntil: "networkidle" });
    expect(foreign).toEqual([]);
  });
});

test.describe("keyboard alone", () => {
  test("the skip link is the first stop and moves focus to the main content", async ({ page }) => {
    await page.goto("/about");
    await page.keyboard.press("Tab");
    const skip = page.getByRole("link", { name: "Skip to content" });
    await expect(skip).toBeFocused();
    await expect(skip).toBeVisible();
    await page.keyboard.press("Enter");
    await expect(page.getByRole("main")).toBeFocused();
    // The next Tab continues inside the content, not back in the header.
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.closest("main") !== null)).toBe(true);
  });

  for (const { name, path, heading } of [
    { name: "Lessons", path: "/lessons", heading: "Lessons" },
    { name: "Quiz", path: "/quiz", heading: "The patterns quiz" },
    { name: "My journey", path: "/me", heading: "My journey" },
  ]) {
    test(`header: Tab to "${name}", Enter, lands on ${path}`, async ({ page }) => {
      await page.goto("/");
      await tabTo(page, name, "banner");
      await page.keyboard.press("Enter");
      await expect(page).toHaveURL(path);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(heading);
    });
  }

  for (const { name, path, heading } of [
    { name: "About", path: "/about", heading: "About Drawbridge" },
    { name: "Privacy", path: "/privacy", heading: "Privacy" },
    { name: "Help", path: "/help", heading: "Getting help" },
    { name: "Sources", path: "/sources", heading: "Where these ideas come from" },
  ]) {
    test(`footer: Tab to "${name}", Enter, lands on ${path}`, async ({ page }) => {
      await page.goto("/");
      await tabTo(page, name, "contentinfo");
      await page.keyboard.press("Enter");
      await expect(page).toHaveURL(path);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(heading);
    });
  }

  test("the two doors on the home page open with Enter", async ({ page }) => {
    await page.goto("/");
    const quizDoor = page.getByRole("link", { name: "Take the patterns quiz" });
    await quizDoor.focus();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL("/quiz");
    await page.goto("/");
    await page.getByRole("link", { name: "Start the lessons" }).focus();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL("/lessons");
  });
});

test.describe("accessibility scan (axe)", () => {
  for (const scheme of schemes) {
    for (const { path } of [...pages, { path: unknownPath }]) {
      test(`${path} has no violations in ${scheme} mode`, async ({ page }) => {
        await page.emulateMedia({ colorScheme: scheme });
        await page.goto(path);
        await expectNoAxeViolations(page, `${path} (${scheme})`);
      });
    }
  }
});

test.describe("screenshots at 390 px and 1280 px", () => {
  for (const scheme of schemes) {
    for (const [path, name] of [
      ["/", "home"],
      ["/help", "help"],
      ["/me", "journey"],
    ] as const) {
      test(`${name} in ${scheme} mode`, async ({ page }) => {
        await saveScreenshots(page, path, name, scheme);
        // Nothing may scroll sideways on a phone.
        await page.setViewportSize({ width: 390, height: 844 });
        await page.goto(path);
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      });
    }
  }
});

test.describe("the files beside the pages", () => {
  /** RFC 9309: the longest matching rule decides, and Allow wins a tie; no rule means allowed. */
  function crawlable(robots: string, path: string): boolean {
    const rules = robots
      .split("\n")
      .map((line) => /^(Allow|Disallow):\s*(\S*)/i.exec(line.trim()))
      .flatMap((match) => (match && match[2] ? [{ allow: match[1]!.toLowerCase() === "allow", prefix: match[2] }] : []));
    const matching = rules.filter((rule) => path.startsWith(rule.prefix));
    const longest = (allow: boolean) => Math.max(-1, ...matching.filter((rule) => rule.allow === allow).map((rule) => rule.prefix.length));
    return longest(true) >= longest(false);
  }

  test("robots.txt keeps everyone's own pages out of search engines, and lets the rest be found", async ({ request }) => {
    const response = await request.get("/robots.txt");
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toMatch(/^text\/plain/);
    const robots = await response.text();
    expect(robots).toMatch(/^User-agent: \*$/m);
    for (const personal of ["/me", "/me/results", "/me/compare", "/results/abc123", "/quiz/abc123", "/quiz/abc123/4", "/reminders", "/admin/items", "/api/health"]) {
      expect(crawlable(robots, personal), personal).toBe(false);
    }
    for (const open of ["/", "/lessons", "/lessons/the-trade-off/1", "/quiz", "/quiz/how-it-works", "/about", "/privacy", "/help", "/sources"]) {
      expect(crawlable(robots, open), open).toBe(true);
    }
  });

  test("every page links the web app manifest, which names Drawbridge and points to icons that are there", async ({ page, request }) => {
    await page.goto("/");
    const href = await page.locator('link[rel="manifest"]').getAttribute("href");
    expect(href).toBe("/manifest.webmanifest");
    const response = await request.get(href!);
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toMatch(/^application\/manifest\+json/);
    const manifest = (await response.json()) as { name: string; short_name: string; start_url: string; icons: { src: string; sizes: string; type: string }[] };
    expect(manifest).toMatchObject({ name: "Drawbridge", short_name: "Drawbridge", start_url: "/" });
    expect(manifest.icons.map((icon) => icon.sizes)).toEqual(["any", "192x192", "512x512"]);
    for (const icon of [...manifest.icons, { src: "/apple-touch-icon.png", type: "image/png" }]) {
      const file = await request.get(icon.src);
      expect(file.status(), icon.src).toBe(200);
      expect(file.headers()["content-type"], icon.src).toBe(icon.type);
    }
  });
});

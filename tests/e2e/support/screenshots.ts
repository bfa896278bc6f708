import path from "node:path";
import type { Page } from "@playwright/test";
import type { ColorScheme } from "./axe";

/** Git-ignored; open these and look at them after a visual change. */
export const screenshotDir = path.join(__dirname, "..", ".screenshots");

export const screenshotWidths = { phone: 390, desktop: 1280 } as const;

/**
 * Saves full-page screenshots of `urlPath` at phone and desktop widths in the given
 * colour scheme, as `<name>-<width>-<scheme>.png`.
 */
export async function saveScreenshots(page: Page, urlPath: string, name: string, colorScheme: ColorScheme) {
  await page.emulateMedia({ colorScheme, reducedMotion: "reduce" });
  for (const width of Object.values(screenshotWidths)) {
    await page.setViewportSize({ width, height: width === screenshotWidths.phone ? 844 : 900 });
    await page.goto(urlPath);
    await page.screenshot({
      path: path.join(screenshotDir, `${name}-${width}-${colorScheme}.png`),
      fullPage: true,
    });
  }
}

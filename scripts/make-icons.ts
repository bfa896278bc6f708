// `npm run icons`: draws the PNG icons in public/ from app/icon.svg, the one drawing of the
// mark, in Chromium (the browser the end-to-end tests use). Run it again after changing the
// SVG and commit the PNGs. The home-screen icon fills its square: iOS rounds the corners itself
// and would paint the SVG's transparent corners black.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { chromium } from "@playwright/test";

const root = join(__dirname, "..");
const svg = readFileSync(join(root, "app", "icon.svg"), "utf8");
const fullBleed = svg.replace(/<rect ([^>]*?) rx="[^"]*"/, "<rect $1");

const icons = [
  { file: "public/apple-touch-icon.png", size: 180, svg: fullBleed },
  { file: "public/icons/icon-192.png", size: 192, svg },
  { file: "public/icons/icon-512.png", size: 512, svg },
];

async function main() {
  const executablePath = process.env.CHROMIUM_PATH ?? (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);
  const browser = await chromium.launch({ executablePath });
  try {
    for (const icon of icons) {
      const page = await browser.newPage({ viewport: { width: icon.size, height: icon.size } });
      const src = `data:image/svg+xml;base64,${Buffer.from(icon.svg).toString("base64")}`;
      await page.setContent(`<style>html,body{margin:0;background:transparent}</style><img src="${src}" width="${icon.size}" height="${icon.size}">`);
      await page.locator("img").evaluate((image: HTMLImageElement) => image.decode());
      writeFileSync(join(root, icon.file), await page.screenshot({ omitBackground: true }));
      await page.close();
      console.log(`${icon.file}: ${icon.size}×${icon.size}`);
    }
  } finally {
    await browser.close();
  }
}

void main();

// Run by `npm run test:e2e` before the build and Playwright: makes sure there is a Chromium for
// the browser tests (scripts/lib/chromium.ts says where it looks and what it installs), or stops
// in one line that says what to run. playwright.config.ts uses the same finder.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { chromium } from "@playwright/test";
import { setUpChromium } from "./lib/chromium";

const hasAptGet = spawnSync("sh", ["-c", "command -v apt-get"], { stdio: "ignore" }).status === 0;
const result = setUpChromium({
  chromiumPath: process.env.CHROMIUM_PATH,
  exists: existsSync,
  playwrightChromium: () => chromium.executablePath(),
  run: (command, args) => spawnSync(command, args, { stdio: "inherit", env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } }).status === 0,
  isRoot: process.getuid?.() === 0,
  hasAptGet,
  log: (line) => console.log(line),
});

if ("problem" in result) {
  console.error(result.problem);
  process.exit(1);
}
console.log(`Browser tests use Chromium at ${result.path} (${result.source}).`);

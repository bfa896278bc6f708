import { describe, expect, it } from "vitest";
import { DEBIAN_CHROMIUM, findChromium, NO_CHROMIUM, setUpChromium, type ChromiumSetup } from "@/scripts/lib/chromium";

const PLAYWRIGHTS = "/home/reader/.cache/ms-playwright/chromium-1200/chrome-linux/chrome";

/** A machine with these files, where each command run (and what it installs) is recorded, not done. */
function machine(options: { files?: string[]; chromiumPath?: string; isRoot?: boolean; hasAptGet?: boolean; installs?: Record<string, string | null> } = {}) {
  const files = new Set(options.files ?? []);
  const ran: string[] = [];
  const logged: string[] = [];
  const setup: ChromiumSetup = {
    chromiumPath: options.chromiumPath,
    exists: (path) => files.has(path),
    playwrightChromium: () => PLAYWRIGHTS,
    run: (command, args) => {
      const line = [command, ...args].join(" ");
      ran.push(line);
      const installed = options.installs?.[line];
      if (installed === undefined) return true; // a step that installs nothing (apt-get update)
      if (installed === null) return false; // fails, like a download this machine cannot make
      files.add(installed);
      return true;
    },
    isRoot: options.isRoot ?? false,
    hasAptGet: options.hasAptGet ?? true,
    log: (line) => logged.push(line),
  };
  return { setup, ran, logged };
}

const PLAYWRIGHT_INSTALL = "npx --yes playwright install chromium";
const APT_INSTALL = "apt-get install -y -q chromium";

describe("findChromium", () => {
  it("takes CHROMIUM_PATH first, then Debian's, then Playwright's own", () => {
    const everything = [DEBIAN_CHROMIUM, PLAYWRIGHTS, "/opt/chromium/chrome"];
    expect(findChromium(machine({ files: everything, chromiumPath: "/opt/chromium/chrome" }).setup)).toEqual({ path: "/opt/chromium/chrome", source: "CHROMIUM_PATH" });
    expect(findChromium(machine({ files: everything }).setup)).toEqual({ path: DEBIAN_CHROMIUM, source: "Debian" });
    expect(findChromium(machine({ files: [PLAYWRIGHTS] }).setup)).toEqual({ path: PLAYWRIGHTS, source: "Playwright" });
    expect(findChromium(machine().setup)).toBeNull();
  });

  it("reports a CHROMIUM_PATH that names no file instead of quietly using another", () => {
    expect(findChromium(machine({ files: [DEBIAN_CHROMIUM], chromiumPath: "/nowhere/chrome" }).setup)).toEqual({
      problem: "CHROMIUM_PATH names /nowhere/chrome, which does not exist.",
    });
  });
});

describe("setUpChromium", () => {
  it("installs nothing when there is a Chromium", () => {
    const { setup, ran } = machine({ files: [DEBIAN_CHROMIUM] });
    expect(setUpChromium(setup)).toEqual({ path: DEBIAN_CHROMIUM, source: "Debian" });
    expect(ran).toEqual([]);
  });

  it("installs Playwright's Chromium when there is none", () => {
    const { setup, ran, logged } = machine({ installs: { [PLAYWRIGHT_INSTALL]: PLAYWRIGHTS } });
    expect(setUpChromium(setup)).toEqual({ path: PLAYWRIGHTS, source: "Playwright" });
    expect(ran).toEqual([PLAYWRIGHT_INSTALL]);
    expect(logged).toHaveLength(1);
  });

  it("as root, installs Debian's package when Playwright's download fails", () => {
    const { setup, ran } = machine({ isRoot: true, installs: { [PLAYWRIGHT_INSTALL]: null, [APT_INSTALL]: DEBIAN_CHROMIUM } });
    expect(setUpChromium(setup)).toEqual({ path: DEBIAN_CHROMIUM, source: "Debian" });
    expect(ran).toEqual([PLAYWRIGHT_INSTALL, "apt-get update -q", APT_INSTALL]);
  });

  it("not as root, or without apt-get, stops with the one line that says what to run", () => {
    for (const options of [{ isRoot: false }, { isRoot: true, hasAptGet: false }]) {
      const { setup, ran } = machine({ ...options, installs: { [PLAYWRIGHT_INSTALL]: null } });
      expect(setUpChromium(setup)).toEqual({ problem: NO_CHROMIUM });
      expect(ran).toEqual([PLAYWRIGHT_INSTALL]);
    }
    expect(NO_CHROMIUM).not.toContain("\n");
    expect(NO_CHROMIUM).toContain("npx playwright install chromium");
  });

  it("stops with that line when even Debian's package cannot be installed", () => {
    const { setup } = machine({ isRoot: true, installs: { [PLAYWRIGHT_INSTALL]: null, [APT_INSTALL]: null } });
    expect(setUpChromium(setup)).toEqual({ problem: NO_CHROMIUM });
  });

  it("does not install over a CHROMIUM_PATH that names no file: it says so", () => {
    const { setup, ran } = machine({ chromiumPath: "/nowhere/chrome" });
    expect(setUpChromium(setup)).toEqual({ problem: "CHROMIUM_PATH names /nowhere/chrome, which does not exist." });
    expect(ran).toEqual([]);
  });
});

// Where the browser tests find their Chromium, and how `npm run test:e2e` gets one when there is
// none (scripts/test-browser-setup.ts). Everything that touches the machine comes in as a
// parameter, so tests/unit/chromium.test.ts can try every case without installing anything.

/** Debian's Chromium (`apt-get install chromium`). */
export const DEBIAN_CHROMIUM = "/usr/bin/chromium";

export type ChromiumSource = "CHROMIUM_PATH" | "Debian" | "Playwright";
export type FoundChromium = { path: string; source: ChromiumSource };

/** What finding a Chromium looks at. */
export type ChromiumProbe = {
  /** CHROMIUM_PATH from the environment, if set. */
  chromiumPath: string | undefined;
  exists: (path: string) => boolean;
  /** Where Playwright's own Chromium is (or would be) in its cache. */
  playwrightChromium: () => string;
};

/** The one line that says what to run when no Chromium can be had. */
export const NO_CHROMIUM =
  "No Chromium for the browser tests: run `npx playwright install chromium` (or, as root on Debian, `apt-get install -y chromium`), or set CHROMIUM_PATH to a Chromium executable, then `npm test` again.";

/**
 * The Chromium the browser tests use: CHROMIUM_PATH when set, else Debian's /usr/bin/chromium,
 * else Playwright's own from its cache; null when there is none. A CHROMIUM_PATH that names no
 * file is a mistake to report, not a reason to look elsewhere.
 */
export function findChromium(probe: ChromiumProbe): FoundChromium | { problem: string } | null {
  const chosen = probe.chromiumPath?.trim();
  if (chosen) {
    return probe.exists(chosen) ? { path: chosen, source: "CHROMIUM_PATH" } : { problem: `CHROMIUM_PATH names ${chosen}, which does not exist.` };
  }
  if (probe.exists(DEBIAN_CHROMIUM)) return { path: DEBIAN_CHROMIUM, source: "Debian" };
  const own = probe.playwrightChromium();
  if (probe.exists(own)) return { path: own, source: "Playwright" };
  return null;
}

/** What setting a Chromium up may do besides looking. */
export type ChromiumSetup = ChromiumProbe & {
  /** Runs a command with its output shown; true when it exited 0. */
  run: (command: string, args: string[]) => boolean;
  isRoot: boolean;
  hasAptGet: boolean;
  log: (line: string) => void;
};

/**
 * Finds a Chromium, installing one when there is none: Playwright's (`playwright install
 * chromium`), and where that cannot download, Debian's package when running as root. Returns it,
 * or the one line that says what to run.
 */
export function setUpChromium(setup: ChromiumSetup): FoundChromium | { problem: string } {
  const found = findChromium(setup);
  if (found) return found;

  setup.log("No Chromium found for the browser tests; installing Playwright's (npx playwright install chromium).");
  if (setup.run("npx", ["--yes", "playwright", "install", "chromium"])) {
    const installed = findChromium(setup);
    if (installed) return installed;
  }
  if (setup.isRoot && setup.hasAptGet) {
    setup.log("Playwright's Chromium could not be installed; installing Debian's (apt-get install -y chromium).");
    if (setup.run("apt-get", ["update", "-q"]) && setup.run("apt-get", ["install", "-y", "-q", "chromium"])) {
      const installed = findChromium(setup);
      if (installed) return installed;
    }
  }
  return { problem: NO_CHROMIUM };
}

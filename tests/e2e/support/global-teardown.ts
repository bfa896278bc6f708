import { rmSync } from "node:fs";

/** Removes the run's data directory (playwright.config.ts made it for this run alone). */
export default function removeRunData() {
  const dir = process.env.E2E_DATA_DIR;
  if (dir) rmSync(dir, { recursive: true, force: true });
}

import { rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

/** Removes the run's data directory: only one playwright.config.ts made for this run (never a directory given in E2E_DATA_DIR by hand). */
export default function removeRunData() {
  const dir = process.env.E2E_DATA_DIR;
  if (dir && path.dirname(dir) === tmpdir() && path.basename(dir).startsWith("drawbridge-e2e-")) rmSync(dir, { recursive: true, force: true });
}

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { sha256Source } from "@/lib/security/content-security-policy";
import { prerenderedPages } from "@/lib/security/prerendered-pages";

let distDir: string | undefined;
afterEach(() => {
  if (distDir) rmSync(distDir, { recursive: true, force: true });
  distDir = undefined;
});

/** A fake production build: the prerender manifest and the HTML files, laid out as `next build` does. */
function build(manifestRoutes: string[], files: Record<string, string>): string {
  distDir = mkdtempSync(join(tmpdir(), "drawbridge-build-"));
  const routes = Object.fromEntries(manifestRoutes.map((route) => [route, { srcRoute: route }]));
  writeFileSync(join(distDir, "prerender-manifest.json"), JSON.stringify({ version: 4, routes, dynamicRoutes: {} }));
  for (const [file, html] of Object.entries(files)) {
    const path = join(distDir, "server", "app", file);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, html);
  }
  return distDir;
}

const page = (...scripts: string[]) => `<html><script src="/a.js"></script>${scripts.map((s) => `<script>${s}</script>`).join("")}</html>`;

describe("prerenderedPages", () => {
  it("gives each prerendered page's inline-script hashes, / included", () => {
    const pages = prerenderedPages(
      build(["/", "/about", "/lessons/first/2", "/_not-found"], {
        "index.html": page("home()"),
        "about.html": page("about()", "shared()"),
        "lessons/first/2.html": page("step()"),
        "_not-found.html": page("missing()"),
      }),
    );
    expect(pages.scriptHashesFor("/")).toEqual([sha256Source("home()")]);
    expect(pages.scriptHashesFor("/about")).toEqual([sha256Source("about()"), sha256Source("shared()")]);
    expect(pages.scriptHashesFor("/lessons/first/2")).toEqual([sha256Source("step()")]);
    expect(pages.notFoundScriptHashes()).toEqual([sha256Source("missing()")]);
  });

  it("says null for a path the build did not prerender, or prerendered as something other than a page", () => {
    const pages = prerenderedPages(build(["/about", "/icon.svg"], { "about.html": page("about()"), "quiz.html": page("quiz()") }));
    expect(pages.scriptHashesFor("/quiz")).toBeNull(); // a file, but not in the manifest: rendered on demand
    expect(pages.scriptHashesFor("/icon.svg")).toBeNull();
    expect(pages.scriptHashesFor("/about/")).toBeNull();
    expect(pages.scriptHashesFor("/../about")).toBeNull();
    expect(pages.notFoundScriptHashes()).toEqual([]);
  });

  it("reads each file once and keeps the answer, for found and missing pages alike", () => {
    const dir = build(["/about", "/gone"], { "about.html": page("about()") });
    const pages = prerenderedPages(dir);
    expect(pages.scriptHashesFor("/about")).toEqual([sha256Source("about()")]);
    expect(pages.scriptHashesFor("/gone")).toBeNull();
    // A running server's build does not change; later edits on disk are not read again.
    writeFileSync(join(dir, "server", "app", "about.html"), page("changed()"));
    writeFileSync(join(dir, "server", "app", "gone.html"), page("back()"));
    expect(pages.scriptHashesFor("/about")).toEqual([sha256Source("about()")]);
    expect(pages.scriptHashesFor("/gone")).toBeNull();
  });

  it("matches a percent-encoded request path to the decoded route the manifest names", () => {
    const pages = prerenderedPages(build(["/café"], { "café.html": page("cafe()") }));
    expect(pages.scriptHashesFor("/caf%C3%A9")).toEqual([sha256Source("cafe()")]);
    expect(pages.scriptHashesFor("/caf%E9")).toBeNull(); // not UTF-8: no route
  });

  it("without a production build (next dev) nothing is prerendered", () => {
    distDir = mkdtempSync(join(tmpdir(), "drawbridge-build-"));
    const pages = prerenderedPages(distDir);
    expect(pages.scriptHashesFor("/")).toBeNull();
    expect(pages.notFoundScriptHashes()).toEqual([]);
  });
});

// Which paths the production build prerendered, and the hashes of each one's inline scripts.
// The proxy asks this for every page request, so everything is read once and kept: the build
// of a running server never changes, and no page here is revalidated (a page that used
// `revalidate` would be rewritten at run time, and its new scripts would need new hashes).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { inlineScriptHashes } from "./content-security-policy";

/** The route Next.js serves for any unknown address (its prerendered 404 page). */
const NOT_FOUND_ROUTE = "/_not-found";

export type PrerenderedPages = {
  /** The inline-script hashes of the page prerendered for this path, or null when there is none. */
  scriptHashesFor(pathname: string): readonly string[] | null;
  /** The inline-script hashes of the prerendered 404 page (empty when the build has none). */
  notFoundScriptHashes(): readonly string[];
};

/**
 * Reads a production build (distDir, normally `.next`): its prerender manifest names the
 * prerendered routes, and `server/app/<route>.html` (`index.html` for `/`) holds each page.
 * Only routes the manifest names are ever read, so a request path never reaches the file system.
 */
export function prerenderedPages(distDir: string): PrerenderedPages {
  let routes: ReadonlySet<string> | undefined;
  // One entry per prerendered route at most, including null for a route without an HTML file.
  const hashes = new Map<string, readonly string[] | null>();

  function prerenderedRoutes(): ReadonlySet<string> {
    if (!routes) {
      try {
        const manifest = JSON.parse(readFileSync(join(distDir, "prerender-manifest.json"), "utf8")) as {
          routes?: Record<string, unknown>;
        };
        routes = new Set(Object.keys(manifest.routes ?? {}));
      } catch {
        routes = new Set(); // no production build (next dev): nothing is prerendered
      }
    }
    return routes;
  }

  function hashesOfRoute(route: string): readonly string[] | null {
    if (!prerenderedRoutes().has(route)) return null;
    const known = hashes.get(route);
    if (known !== undefined) return known;
    let found: readonly string[] | null;
    try {
      const file = join(distDir, "server", "app", route === "/" ? "index.html" : `${route.slice(1)}.html`);
      found = Object.freeze(inlineScriptHashes(readFileSync(file, "utf8")));
    } catch {
      found = null; // a prerendered route that is not a page (an icon, a route handler)
    }
    hashes.set(route, found);
    return found;
  }

  return {
    scriptHashesFor(pathname) {
      const direct = hashesOfRoute(pathname);
      if (direct || !pathname.includes("%")) return direct;
      try {
        // The manifest spells routes decoded; a request path arrives percent-encoded.
        return hashesOfRoute(decodeURIComponent(pathname));
      } catch {
        return null;
      }
    },
    notFoundScriptHashes() {
      return hashesOfRoute(NOT_FOUND_ROUTE) ?? [];
    },
  };
}

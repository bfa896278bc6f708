import { execFileSync } from "node:child_process";
import type { NextConfig } from "next";
import { ACTION_BODY_LIMIT } from "./lib/http/limits";
import { NON_DOCUMENT_POLICY, STATIC_SECURITY_HEADERS } from "./lib/security/content-security-policy";

const allowNothing = [{ key: "Content-Security-Policy", value: NON_DOCUMENT_POLICY }];

/**
 * The build's id: APP_BUILD_ID when set, else the git commit being built when the checkout has no
 * uncommitted changes, else Next.js's random one. Processes behind one load balancer must run
 * builds with the same id (and the same NEXT_SERVER_ACTIONS_ENCRYPTION_KEY), or each refuses the
 * pages and form posts of the others. A checkout with changes gets a random id: two different
 * builds must never share one (browsers keep a build's files for good).
 */
function buildId(): string | null {
  const declared = process.env.APP_BUILD_ID?.trim();
  if (declared) return declared;
  const git = (...args: string[]) => execFileSync("git", args, { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
  try {
    if (git("status", "--porcelain", "--untracked-files=no") !== "") return null;
    return git("rev-parse", "HEAD") || null;
  } catch {
    return null; // not a git checkout (or no git): a random id, fine for one process
  }
}

const nextConfig: NextConfig = {
  generateBuildId: buildId,
  poweredByHeader: false,
  reactStrictMode: true,
  // PDFKit reads its font metrics and our DejaVu fonts from disk at run time; bundled, it can't find them.
  serverExternalPackages: ["pdfkit"],
  experimental: {
    // proxy.ts refuses a larger declared body with 413 first; this stops one that streams past it.
    serverActions: { bodySizeLimit: ACTION_BODY_LIMIT },
    // What the proxy may buffer of a body it sees (Next.js keeps a copy for it): no more than a form.
    proxyClientMaxBodySize: ACTION_BODY_LIMIT,
  },
  // The headers that never vary go on every response. A page's Content-Security-Policy (and
  // HSTS over https) comes from proxy.ts; every response the proxy skips is never rendered as a
  // page, and gets the policy that allows nothing, so no response goes without one.
  async headers() {
    return [
      { source: "/(.*)", headers: [...STATIC_SECURITY_HEADERS] },
      { source: "/api/:path+", headers: allowNothing },
      { source: "/_next/:path+", headers: allowNothing },
      { source: "/(.*)", has: [{ type: "header", key: "rsc" }], headers: allowNothing },
      { source: "/(.*)", has: [{ type: "header", key: "next-action" }], headers: allowNothing },
    ];
  },
};

export default nextConfig;

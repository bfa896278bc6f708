import type { NextConfig } from "next";
import { ACTION_BODY_LIMIT } from "./lib/http/limits";
import { NON_DOCUMENT_POLICY, STATIC_SECURITY_HEADERS } from "./lib/security/content-security-policy";

const allowNothing = [{ key: "Content-Security-Policy", value: NON_DOCUMENT_POLICY }];

const nextConfig: NextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
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

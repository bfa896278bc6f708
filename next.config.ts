import type { NextConfig } from "next";
import { NON_DOCUMENT_POLICY, STATIC_SECURITY_HEADERS } from "./lib/security/content-security-policy";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // Headers that never vary go on every response, static files included. Each page's
  // Content-Security-Policy (and HSTS over https) comes from proxy.ts, which skips the build's
  // static files: those get the policy that allows nothing, so no path goes without one.
  async headers() {
    return [
      { source: "/(.*)", headers: [...STATIC_SECURITY_HEADERS] },
      {
        source: "/_next/static/:path*",
        headers: [{ key: "Content-Security-Policy", value: NON_DOCUMENT_POLICY }],
      },
    ];
  },
};

export default nextConfig;

// Refuses what cannot be served (lib/http/gate.ts), then sends each page its
// Content-Security-Policy (and HSTS over https). The policies themselves are built in
// lib/security; next.config.ts sends the headers that never vary, and the allow-nothing policy
// of every response that is not a page (see `config` below).
import { join } from "node:path";
import { NextResponse, type NextRequest } from "next/server";
import { config as appConfig } from "@/lib/config";
import { refuseAtTheGate, refuseMalformedAction } from "@/lib/http/gate";
import { createNonce, documentPolicy, isHttpsUrl, STRICT_TRANSPORT_SECURITY } from "@/lib/security/content-security-policy";
import { prerenderedPages } from "@/lib/security/prerendered-pages";

const development = process.env.NODE_ENV === "development";
const pages = prerenderedPages(join(process.cwd(), ".next"));
let https: boolean | undefined;

export async function proxy(request: NextRequest) {
  const refused = refuseAtTheGate(request) ?? (await refuseMalformedAction(request));
  if (refused) return refused;
  // Server-action calls, RSC payloads, the API and the build's files come here only to be
  // checked above (see the matchers below); they are never rendered as a page.
  const headers = request.headers;
  const path = request.nextUrl.pathname;
  if (headers.has("rsc") || headers.has("next-action") || path.startsWith("/api/") || path.startsWith("/_next/")) {
    return NextResponse.next();
  }
  https ??= isHttpsUrl(appConfig().appUrl);
  // A GET of a prerendered page is answered with the build's HTML file: allow exactly its inline
  // scripts. Anything else (a page rendered on demand, a form post) is rendered now, with a fresh
  // nonce that Next.js reads from the request's policy and puts on every script it writes.
  // An unknown address gets the prerendered 404 page, so its hashes are in every policy.
  const readOnly = request.method === "GET" || request.method === "HEAD";
  const prerendered = !development && readOnly ? pages.scriptHashesFor(request.nextUrl.pathname) : null;
  const notFound = development ? [] : pages.notFoundScriptHashes();

  let response: NextResponse;
  if (prerendered) {
    response = NextResponse.next();
    response.headers.set("Content-Security-Policy", documentPolicy({ scriptHashes: [...prerendered, ...notFound], https }));
  } else {
    const policy = documentPolicy({ nonce: createNonce(), scriptHashes: notFound, development, https });
    const requestHeaders = new Headers(request.headers);
    requestHeaders.set("Content-Security-Policy", policy);
    response = NextResponse.next({ request: { headers: requestHeaders } });
    response.headers.set("Content-Security-Policy", policy);
  }
  if (https) response.headers.set("Strict-Transport-Security", STRICT_TRANSPORT_SECURITY);
  return response;
}

export const config = {
  // Only requests that can come back as an HTML page. Not the API or the build's files, and not
  // RSC payloads (client navigations, prefetches) or server-action calls, which a client fetches
  // and never renders: next.config.ts gives those the policy that allows nothing. Merely running
  // a proxy costs a request about as much as serving a prerendered page, so it runs only where needed.
  matcher: [
    {
      source: "/((?!api/|_next/).*)",
      missing: [
        { type: "header", key: "rsc" },
        { type: "header", key: "next-action" },
      ],
    },
    // Only to be checked, and cheaply found: server-action calls (size, origin), and any
    // address with a %-escape (one that does not decode is a 500 inside Next.js otherwise).
    { source: "/((?!api/|_next/).*)", has: [{ type: "header", key: "next-action" }] },
    { source: "/(.*%.*)" },
  ],
};

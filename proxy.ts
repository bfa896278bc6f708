// Sends each response its Content-Security-Policy (and HSTS over https). The policies
// themselves are built in lib/security; the headers that never vary are in next.config.ts.
import { join } from "node:path";
import { NextResponse, type NextRequest } from "next/server";
import { config as appConfig } from "@/lib/config";
import {
  createNonce,
  documentPolicy,
  isHttpsUrl,
  NON_DOCUMENT_POLICY,
  STRICT_TRANSPORT_SECURITY,
} from "@/lib/security/content-security-policy";
import { prerenderedPages } from "@/lib/security/prerendered-pages";

const development = process.env.NODE_ENV === "development";
const pages = prerenderedPages(join(process.cwd(), ".next"));
let https: boolean | undefined;

export function proxy(request: NextRequest) {
  https ??= isHttpsUrl(appConfig().appUrl);
  const { pathname } = request.nextUrl;
  const headers = request.headers;
  // API answers and server-action calls are never rendered as a page, so they get a policy that
  // allows nothing. (RSC navigations and prefetches cannot be told apart here: Next.js strips
  // their RSC headers before the proxy runs. They are treated like the page itself, which costs a
  // cached lookup or a nonce, and the policy is ignored on a response that is not a document.)
  const document =
    pathname !== "/api" &&
    !pathname.startsWith("/api/") &&
    !pathname.startsWith("/_next/") &&
    !headers.has("next-action");

  let response: NextResponse;
  if (!document) {
    response = NextResponse.next();
    response.headers.set("Content-Security-Policy", NON_DOCUMENT_POLICY);
  } else {
    // A GET of a prerendered page is answered with the build's HTML file: allow exactly its
    // inline scripts. Anything else is rendered now, with a fresh nonce Next.js reads from the
    // request's policy. An unknown address gets the prerendered 404 page, so its hashes are in both.
    const readOnly = request.method === "GET" || request.method === "HEAD";
    const prerendered = !development && readOnly ? pages.scriptHashesFor(pathname) : null;
    const notFound = development ? [] : pages.notFoundScriptHashes();
    if (prerendered) {
      response = NextResponse.next();
      response.headers.set("Content-Security-Policy", documentPolicy({ scriptHashes: [...prerendered, ...notFound], https }));
    } else {
      const policy = documentPolicy({ nonce: createNonce(), scriptHashes: notFound, development, https });
      const requestHeaders = new Headers(headers);
      requestHeaders.set("Content-Security-Policy", policy);
      response = NextResponse.next({ request: { headers: requestHeaders } });
      response.headers.set("Content-Security-Policy", policy);
    }
  }
  if (https) response.headers.set("Strict-Transport-Security", STRICT_TRANSPORT_SECURITY);
  return response;
}

export const config = {
  // Everything but the build's static files (next.config.ts gives those their headers).
  matcher: ["/((?!_next/static/).*)"],
};

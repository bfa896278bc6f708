// The security headers Drawbridge sends, built from plain values: no Next.js, no I/O, so the
// proxy, next.config.ts and the unit tests share one definition.
//
// Scripts: a page rendered on demand gets a fresh nonce per request (Next.js puts it on every
// script it writes). A prerendered page cannot carry a nonce, since its HTML is written once at
// build time, so its policy lists the sha256 hashes of that file's own inline scripts instead.
// Neither kind ever allows 'unsafe-inline' scripts.
import { createHash, randomBytes } from "node:crypto";

/** For responses that are never a document to render: API JSON, RSC payloads, static assets. */
export const NON_DOCUMENT_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/**
 * Every powerful browser feature the app does not use, switched off for it and anything it embeds.
 * Only names Chromium knows (it logs an error for each unknown one); browsing-topics is what
 * interest-cohort (FLoC) became, and both are off. Writing to the clipboard is allowed to the
 * app's own pages only: the recovery code's Copy button (/recovery-code) uses it.
 */
export const PERMISSIONS_POLICY = [
  "accelerometer",
  "autoplay",
  "browsing-topics",
  "camera",
  "captured-surface-control",
  "clipboard-read",
  "compute-pressure",
  "digital-credentials-get",
  "display-capture",
  "encrypted-media",
  "fullscreen",
  "gamepad",
  "geolocation",
  "gyroscope",
  "hid",
  "identity-credentials-get",
  "idle-detection",
  "interest-cohort",
  "language-detector",
  "local-fonts",
  "magnetometer",
  "microphone",
  "midi",
  "on-device-speech-recognition",
  "otp-credentials",
  "payment",
  "picture-in-picture",
  "private-state-token-redemption",
  "publickey-credentials-create",
  "publickey-credentials-get",
  "screen-wake-lock",
  "serial",
  "speaker-selection",
  "storage-access",
  "summarizer",
  "translator",
  "usb",
  "window-management",
  "xr-spatial-tracking",
]
  .map((feature) => `${feature}=()`)
  .concat("clipboard-write=(self)")
  .join(", ");

/** Headers that are the same for every response and every deployment (next.config.ts sends them). */
export const STATIC_SECURITY_HEADERS: readonly { key: string; value: string }[] = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "same-origin" },
  { key: "Permissions-Policy", value: PERMISSIONS_POLICY },
  // frame-ancestors 'none' says the same to browsers that know CSP; this is for those that don't.
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
  { key: "Cross-Origin-Resource-Policy", value: "same-origin" },
];

/** One year; no includeSubDomains, since other hosts under the operator's domain are not ours to decide. */
export const STRICT_TRANSPORT_SECURITY = "max-age=31536000";

/** True when the app's public address is served over TLS (then HSTS and upgrade-insecure-requests apply). */
export function isHttpsUrl(appUrl: string): boolean {
  return /^https:\/\//i.test(appUrl);
}

/** A fresh, unguessable nonce: 16 random bytes in base64 (the characters Next.js accepts). */
export function createNonce(): string {
  return randomBytes(16).toString("base64");
}

/** The CSP source for a script's text: 'sha256-<base64 digest of its UTF-8 bytes>'. */
export function sha256Source(scriptText: string): string {
  return `'sha256-${createHash("sha256").update(scriptText, "utf8").digest("base64")}'`;
}

const SCRIPT_ELEMENT = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;
const JAVASCRIPT_TYPE = /^(?:|module|(?:text|application)\/(?:x-)?(?:javascript|ecmascript))$/i;

/** The value of one attribute in a start tag's attribute text, or undefined when it is absent. */
function attribute(attributes: string, name: string): string | undefined {
  const match = new RegExp(`(?:^|\\s)${name}(?:\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s"'>]+)))?(?=\\s|/|$)`, "i").exec(attributes);
  if (!match) return undefined;
  return match[1] ?? match[2] ?? match[3] ?? "";
}

/**
 * The hash sources of every inline script in an HTML document, in order, without repeats.
 * Scripts with a src load from 'self' and data blocks (type="application/json") never run,
 * so neither needs a hash. The text is hashed as the browser sees it: HTML parsing turns
 * CRLF and lone CR into LF before a script's text is hashed.
 */
export function inlineScriptHashes(html: string): string[] {
  const sources = new Set<string>();
  for (const [, attributes = "", text = ""] of html.matchAll(SCRIPT_ELEMENT)) {
    if (attribute(attributes, "src") !== undefined) continue;
    const type = attribute(attributes, "type")?.trim() ?? "";
    if (!JAVASCRIPT_TYPE.test(type)) continue;
    sources.add(sha256Source(text.replace(/\r\n?/g, "\n")));
  }
  return [...sources];
}

export type DocumentPolicyOptions = {
  /** A per-request nonce, for pages rendered on demand. */
  nonce?: string;
  /** 'sha256-…' sources of the inline scripts allowed to run (from inlineScriptHashes). */
  scriptHashes?: readonly string[];
  /** `next dev`: React needs eval for its debugging aids, and the dev overlay inline styles. */
  development?: boolean;
  /** Served over https: ask the browser to upgrade any stray http:// subresource. */
  https?: boolean;
};

/** The Content-Security-Policy of an HTML page. No third-party origin appears anywhere. */
export function documentPolicy({ nonce, scriptHashes = [], development = false, https = false }: DocumentPolicyOptions): string {
  if (nonce !== undefined && !/^[A-Za-z0-9+/_-]+={0,2}$/.test(nonce)) {
    throw new Error("A CSP nonce must be base64 text.");
  }
  // 'self' stays (no 'strict-dynamic'): the framework's own script files are plain <script src>
  // tags, and in a prerendered page they carry neither nonce nor hash.
  const scriptSources = [
    "'self'",
    ...(nonce ? [`'nonce-${nonce}'`] : []),
    ...new Set(scriptHashes),
    ...(development ? ["'unsafe-eval'"] : []),
  ];
  const directives = [
    "default-src 'self'",
    `script-src ${scriptSources.join(" ")}`,
    // Stylesheets come from our own files only; React renders a few style attributes
    // (the quiz progress bar's width, tabular figures in charts), which need style-src-attr.
    development ? "style-src 'self' 'unsafe-inline'" : "style-src 'self'",
    ...(development ? [] : ["style-src-attr 'unsafe-inline'"]),
    development ? "img-src 'self' data: blob:" : "img-src 'self'",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "frame-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ];
  return directives.join("; ");
}

// The request boundary of route handlers: who may write, in what format, and how much.
// Every refusal is a 4xx with a JSON reason, decided before the body is read in full.
import { ROUTE_BODY_LIMIT } from "./limits";

export type Refused = { refused: Response };

const refuse = (status: number, error: string, headers?: HeadersInit): Refused => ({
  refused: Response.json({ error }, { status, headers }),
});

const kib = (bytes: number) => `${Math.round(bytes / 1024)} KiB`;

/**
 * A write from another site is refused. Browsers send `Sec-Fetch-Site` or `Origin` with every
 * cross-origin write; a client that sends neither is not a browser, so carries no one else's
 * cookies by accident, and is let through like any API client.
 */
export function refuseCrossSiteWrite(request: Request): Refused | null {
  const fetchSite = request.headers.get("sec-fetch-site");
  const origin = request.headers.get("origin");
  // The browser's own verdict wins when it gives one; otherwise the Origin must be ours.
  const sameSite = fetchSite ? fetchSite === "same-origin" : origin === null || isOwnOrigin(origin, request.headers);
  return sameSite ? null : refuse(403, "Saves are only accepted from Drawbridge's own pages.");
}

/**
 * The Origin's host against the host the request was sent to (or the one a reverse proxy
 * forwarded), the way Next.js checks server actions; "null" and garbage are never ours.
 */
export function isOwnOrigin(origin: string, headers: Headers): boolean {
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    return false;
  }
  const forwarded = headers.get("x-forwarded-host")?.split(",")[0]?.trim();
  return originHost === forwarded || originHost === headers.get("host");
}

/**
 * Reads at most `limit` bytes of the body: a declared Content-Length over it is refused
 * unread, and a chunked body is counted as it streams and dropped once it passes the limit.
 */
export async function readBodyBytes(request: Request, limit: number): Promise<{ bytes: Uint8Array<ArrayBuffer> } | Refused> {
  const tooLarge = () => refuse(413, `The request is too large: send at most ${kib(limit)}.`);
  const declared = request.headers.get("content-length");
  if (declared !== null && !(Number(declared) <= limit)) return tooLarge();
  if (!request.body) return { bytes: new Uint8Array(new ArrayBuffer(0)) };

  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      return tooLarge();
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(new ArrayBuffer(size));
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return { bytes };
}

/**
 * The JSON body of a write to a route handler, after every boundary check: a same-site
 * browser or a non-browser client (403), `Content-Type: application/json` (415), at most
 * `limit` bytes (413), and no NUL characters (400: PostgreSQL cannot store them).
 * `body` is null when the text is not JSON; each route says what it expected.
 */
export async function readJsonWrite(request: Request, limit = ROUTE_BODY_LIMIT): Promise<{ body: unknown } | Refused> {
  const crossSite = refuseCrossSiteWrite(request);
  if (crossSite) return crossSite;
  const mediaType = request.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase();
  if (mediaType !== "application/json") {
    return refuse(415, "Send the body as JSON, with Content-Type: application/json.", { Accept: "application/json" });
  }
  const read = await readBodyBytes(request, limit);
  if ("refused" in read) return read;

  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(read.bytes);
  } catch {
    return refuse(400, "The body is not valid UTF-8 text.");
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return { body: null };
  }
  if (holdsNul(body)) return refuse(400, "Text can't contain NUL characters.");
  return { body };
}

/** True when a parsed JSON value holds a NUL character anywhere (PostgreSQL cannot store one). */
export function holdsNul(value: unknown): boolean {
  if (typeof value === "string") return value.includes("\u0000");
  if (Array.isArray(value)) return value.some(holdsNul);
  if (value && typeof value === "object") return Object.entries(value).some(([key, item]) => key.includes("\u0000") || holdsNul(item));
  return false;
}

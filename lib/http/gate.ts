// What proxy.ts refuses before Next.js routes a request: each would otherwise end in a 500
// deep inside the framework or the database. Pure, so it is unit-tested on its own.
import { isOwnOrigin } from "./body";
import { ACTION_BODY_LIMIT } from "./limits";

const refuse = (status: number, error: string) => Response.json({ error }, { status, headers: { "Cache-Control": "no-store" } });

// Control characters (NUL above all: PostgreSQL cannot store it) have no place in an address.
const CONTROL = /[\u0000-\u001f\u007f]/;

/** True when every %-escape decodes to UTF-8 text without control characters. */
export function isReadableAddressPart(raw: string): boolean {
  try {
    return !CONTROL.test(decodeURIComponent(raw));
  } catch {
    return false;
  }
}

/**
 * A 4xx for a request that cannot be served, or null to let it through: an address that does
 * not decode (400), and for a form post or server action to a page, a foreign Origin (403),
 * a body with no declared size (411) or over ACTION_BODY_LIMIT (413).
 */
export function refuseAtTheGate(request: { method: string; url: string; headers: Headers }): Response | null {
  const url = new URL(request.url);
  const query = url.search.slice(1).split("&").flatMap((pair) => pair.split("="));
  if (!url.pathname.split("/").every(isReadableAddressPart) || !query.every((part) => isReadableAddressPart(part.replaceAll("+", " ")))) {
    return refuse(400, "This address is not valid: it has a broken %-escape or a control character.");
  }
  if (request.method !== "POST" || url.pathname.startsWith("/api/")) return null;

  const origin = request.headers.get("origin");
  if (origin !== null && !isOwnOrigin(origin, request.headers)) {
    return refuse(403, "Forms are only accepted from Drawbridge's own pages.");
  }
  const declared = request.headers.get("content-length");
  if (declared === null) {
    // A chunked body hides its size until it has been read: browsers always declare it.
    return request.headers.has("transfer-encoding") ? refuse(411, "Send the form with a Content-Length.") : null;
  }
  if (!(Number(declared) <= ACTION_BODY_LIMIT)) {
    return refuse(413, `The form is too large: send at most ${ACTION_BODY_LIMIT / 1024} KiB.`);
  }
  return null;
}

/**
 * A server-action call from a script (the `next-action` header) whose body is not a list of
 * arguments (400): Next.js would fail to decode it and answer 500. The body is at most
 * ACTION_BODY_LIMIT here (refused above otherwise). The arguments themselves are each action's
 * to check: a form action given something other than a form answers with the form's reason.
 */
export async function refuseMalformedAction(request: Request): Promise<Response | null> {
  if (request.method !== "POST" || !request.headers.has("next-action")) return null;
  let root: unknown;
  try {
    const multipart = request.headers.get("content-type")?.toLowerCase().startsWith("multipart/form-data");
    root = multipart ? (await request.formData()).get("0") : await request.text();
    if (typeof root === "string") root = JSON.parse(root);
  } catch {
    root = null;
  }
  return Array.isArray(root) ? null : refuse(400, "This action call is malformed: send the form from Drawbridge's own page.");
}

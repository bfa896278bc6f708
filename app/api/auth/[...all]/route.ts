import { toNextJsHandler } from "better-auth/next-js";
import { auth } from "@/lib/auth";
import { holdsNul, readBodyBytes } from "@/lib/http/body";
import { AUTH_BODY_LIMIT } from "@/lib/http/limits";

// Better Auth's HTTP API (sign-up, sign-in, sign-out, session), for clients other than our forms.
export async function GET(request: Request) {
  return withReason(await toNextJsHandler(auth()).GET(request));
}

/** The body is read here, at most AUTH_BODY_LIMIT bytes of it, before the library sees it. */
export async function POST(request: Request) {
  const read = await readBodyBytes(request, AUTH_BODY_LIMIT);
  if ("refused" in read) return read.refused;
  if (request.headers.get("content-type")?.toLowerCase().startsWith("application/json") && holdsNul(parseJson(read.bytes))) {
    return Response.json({ error: "Text can't contain NUL characters." }, { status: 400 });
  }
  const headers = new Headers(request.headers);
  headers.delete("transfer-encoding");
  headers.set("content-length", String(read.bytes.byteLength));
  const bounded = new Request(request.url, { method: "POST", headers, body: read.bytes.byteLength > 0 ? read.bytes : null, signal: request.signal });
  return withReason(await toNextJsHandler(auth()).POST(bounded));
}

function parseJson(bytes: Uint8Array): unknown {
  try {
    return JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    return null; // the library answers malformed JSON itself
  }
}

/** The library answers an unknown path with an empty 404; say why, like every other route. */
function withReason(response: Response): Response {
  if (response.status !== 404 || response.body !== null) return response;
  return Response.json({ error: "There is no such auth endpoint." }, { status: 404 });
}

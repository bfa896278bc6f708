import { toNextJsHandler } from "better-auth/next-js";
import { auth } from "@/lib/auth";
import { readBodyBytes } from "@/lib/http/body";
import { AUTH_BODY_LIMIT } from "@/lib/http/limits";

// Better Auth's HTTP API (sign-up, sign-in, sign-out, session), for clients other than our forms.
export async function GET(request: Request) {
  return toNextJsHandler(auth()).GET(request);
}

/** The body is read here, at most AUTH_BODY_LIMIT bytes of it, before the library sees it. */
export async function POST(request: Request) {
  const read = await readBodyBytes(request, AUTH_BODY_LIMIT);
  if ("refused" in read) return read.refused;
  const headers = new Headers(request.headers);
  headers.delete("transfer-encoding");
  headers.set("content-length", String(read.bytes.byteLength));
  const bounded = new Request(request.url, { method: "POST", headers, body: read.bytes.byteLength > 0 ? read.bytes : null, signal: request.signal });
  return toNextJsHandler(auth()).POST(bounded);
}

import { describe, expect, it } from "vitest";
import { isDatabaseUnavailable } from "@/lib/data/errors";
import { refuseCrossSiteWrite } from "@/lib/http/body";
import { refuseAtTheGate } from "@/lib/http/gate";

const write = (headers: Record<string, string>) =>
  new Request("http://127.0.0.1:3000/api/x", { method: "POST", headers: { host: "127.0.0.1:3000", ...headers } });

describe("who may write to a route handler", () => {
  it.each<[Record<string, string>, boolean]>([
    [{}, true], // a script: no Origin, no Sec-Fetch-Site
    [{ origin: "http://127.0.0.1:3000" }, true],
    [{ "sec-fetch-site": "same-origin", origin: "http://127.0.0.1:3000" }, true],
    [{ "sec-fetch-site": "same-site", origin: "http://127.0.0.1:3000" }, false], // a sibling origin
    [{ "sec-fetch-site": "cross-site" }, false],
    [{ origin: "http://evil.example" }, false],
    [{ origin: "null" }, false],
    [{ origin: "https://drawbridge.example.org", "x-forwarded-host": "drawbridge.example.org" }, true], // behind a reverse proxy
  ])("%j → allowed: %s", (headers, allowed) => {
    expect(refuseCrossSiteWrite(write(headers)) === null).toBe(allowed);
  });
});

describe("what the proxy refuses before routing", () => {
  const gate = (path: string, init: { method?: string; headers?: Record<string, string> } = {}) =>
    refuseAtTheGate({
      method: init.method ?? "GET",
      url: `http://127.0.0.1:3000${path}`,
      headers: new Headers({ host: "127.0.0.1:3000", ...init.headers }),
    })?.status ?? null;

  it("lets ordinary addresses and escapes through", () => {
    expect(gate("/lessons/the-trade-off/2")).toBeNull();
    expect(gate("/lessons/caf%C3%A9")).toBeNull();
    expect(gate("/me/compare?from=a&to=b")).toBeNull();
  });

  it("answers 400 for a broken escape or a control character, in the path or the query", () => {
    for (const path of ["/%ff", "/results/%00", "/a%0Ab", "/x%E0%A4%A", "/me/compare?from=%00"]) expect(gate(path), path).toBe(400);
  });

  it("answers a form post by its size and origin", () => {
    const post = (headers: Record<string, string>) => gate("/sign-up", { method: "POST", headers });
    expect(post({ "content-length": "1000", origin: "http://127.0.0.1:3000" })).toBeNull();
    expect(post({ "content-length": String(2 * 1024 * 1024) })).toBe(413);
    expect(post({ "transfer-encoding": "chunked" })).toBe(411);
    expect(post({ "content-length": "10", origin: "http://evil.example" })).toBe(403);
  });
});

describe("which database errors mean nothing could be saved just now", () => {
  const adapterError = (cause: Record<string, unknown>) =>
    Object.assign(new Error("x"), { code: "P2039", meta: { driverAdapterError: { cause } } });
  it.each<[unknown, boolean]>([
    [adapterError({ kind: "sqlite", originalCode: "SQLITE_READONLY" }), true],
    [adapterError({ kind: "sqlite", originalCode: "SQLITE_FULL" }), true],
    [adapterError({ kind: "postgres", originalCode: "25006" }), true], // a read-only transaction
    [adapterError({ kind: "postgres", originalCode: "53100" }), true], // disk full
    [adapterError({ kind: "DatabaseNotReachable" }), true],
    [Object.assign(new Error("x"), { code: "P1001" }), true],
    [adapterError({ kind: "postgres", originalCode: "23505" }), false], // a unique violation is about the input
    [adapterError({ kind: "sqlite", originalCode: "SQLITE_CONSTRAINT" }), false],
    [new TypeError("x"), false],
  ])("case %#", (error, unavailable) => {
    expect(isDatabaseUnavailable(error)).toBe(unavailable);
  });
});

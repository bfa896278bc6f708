import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  createNonce,
  documentPolicy,
  inlineScriptHashes,
  isHttpsUrl,
  NON_DOCUMENT_POLICY,
  PERMISSIONS_POLICY,
  sha256Source,
  STATIC_SECURITY_HEADERS,
} from "@/lib/security/content-security-policy";

/** Parses a policy into directive name → sources. */
function directives(policy: string): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const directive of policy.split(";").map((part) => part.trim()).filter(Boolean)) {
    const [name, ...sources] = directive.split(/\s+/);
    expect(map.has(name!), `${name} appears once`).toBe(false);
    map.set(name!, sources);
  }
  return map;
}

// The hash a browser computes, worked out independently of the module.
const expectedHash = (text: string) => `'sha256-${createHash("sha256").update(Buffer.from(text, "utf8")).digest("base64")}'`;

describe("sha256Source", () => {
  it("is the base64 sha256 of the UTF-8 bytes, quoted as a CSP source", () => {
    // The example from the CSP specification's hash-source section.
    expect(sha256Source("alert('Hello, world.');")).toBe("'sha256-qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng='");
    expect(sha256Source("console.log('café → ☕')")).toBe(expectedHash("console.log('café → ☕')"));
  });
});

describe("inlineScriptHashes", () => {
  it("hashes each inline script of a document in order, and skips scripts with a src", () => {
    const first = '(self.__next_f=self.__next_f||[]).push([0])';
    const second = 'self.__next_f.push([1,"1:\\"$Sreact.fragment\\"\\n"])';
    const bootstrap = '(globalThis["TURBOPACK"] || (globalThis["TURBOPACK"] = [])).push({"otherChunks":[]})';
    const html = [
      "<!DOCTYPE html><html><head>",
      '<script src="/_next/static/chunks/a.js" async=""></script>',
      '<link rel="preload" as="script" href="/_next/static/chunks/b.js"/>',
      "</head><body>",
      `<script id="_R_">${bootstrap}</script>`,
      '<script src="/_next/static/chunks/c.js" noModule=""></script>',
      `<script>${first}</script><script>${second}</script>`,
      "</body></html>",
    ].join("");
    expect(inlineScriptHashes(html)).toEqual([expectedHash(bootstrap), expectedHash(first), expectedHash(second)]);
  });

  it("finds scripts whatever the case and spacing of their tags, and lists a repeated script once", () => {
    const html = `<SCRIPT type="text/javascript">a()</SCRIPT ><script type=module>b()</script><script>a()</script>`;
    expect(inlineScriptHashes(html)).toEqual([expectedHash("a()"), expectedHash("b()")]);
  });

  it("does not mistake an attribute that merely contains 'src' for a src", () => {
    const html = `<script data-src="x.js">c()</script><script data-source='y'>d()</script><script async src=/e.js></script>`;
    expect(inlineScriptHashes(html)).toEqual([expectedHash("c()"), expectedHash("d()")]);
  });

  it("skips data blocks, which never run", () => {
    const html = `<script type="application/ld+json">{"a":1}</script><script type="application/json">[]</script><script>run()</script>`;
    expect(inlineScriptHashes(html)).toEqual([expectedHash("run()")]);
  });

  it("hashes the text as the browser parses it: line breaks become LF, an empty script still counts", () => {
    expect(inlineScriptHashes("<script>a();\r\nb();\rc();</script>")).toEqual([expectedHash("a();\nb();\nc();")]);
    expect(inlineScriptHashes("<script></script>")).toEqual([expectedHash("")]);
  });

  it("finds nothing in a page without inline scripts", () => {
    expect(inlineScriptHashes('<html><script src="/a.js"></script><p>No scripts here.</p></html>')).toEqual([]);
  });
});

describe("documentPolicy", () => {
  const hashes = [sha256Source("a()"), sha256Source("b()")];

  it("for a prerendered page allows our own files and exactly the listed inline scripts", () => {
    const policy = directives(documentPolicy({ scriptHashes: [...hashes, hashes[0]!] }));
    expect(policy.get("script-src")).toEqual(["'self'", ...hashes]);
    expect(policy.get("default-src")).toEqual(["'self'"]);
    expect(policy.get("style-src")).toEqual(["'self'"]);
    expect(policy.get("style-src-attr")).toEqual(["'unsafe-inline'"]);
    expect(policy.get("img-src")).toEqual(["'self'"]);
    expect(policy.get("connect-src")).toEqual(["'self'"]);
    expect(policy.get("object-src")).toEqual(["'none'"]);
    expect(policy.get("frame-src")).toEqual(["'none'"]);
    expect(policy.get("base-uri")).toEqual(["'self'"]);
    expect(policy.get("form-action")).toEqual(["'self'"]);
    expect(policy.get("frame-ancestors")).toEqual(["'none'"]);
    expect(policy.has("upgrade-insecure-requests")).toBe(false);
  });

  it("for a page rendered on demand adds the nonce, and still no inline script without it", () => {
    const nonce = createNonce();
    const policy = directives(documentPolicy({ nonce, scriptHashes: hashes }));
    expect(policy.get("script-src")).toEqual(["'self'", `'nonce-${nonce}'`, ...hashes]);
    expect(policy.get("script-src")).not.toContain("'unsafe-inline'");
    expect(policy.get("script-src")).not.toContain("'unsafe-eval'");
    expect(policy.get("script-src")).not.toContain("'strict-dynamic'");
  });

  it("in development adds only what React and the dev overlay need", () => {
    const nonce = createNonce();
    const development = directives(documentPolicy({ nonce, development: true }));
    expect(development.get("script-src")).toEqual(["'self'", `'nonce-${nonce}'`, "'unsafe-eval'"]);
    expect(development.get("style-src")).toEqual(["'self'", "'unsafe-inline'"]);
    expect(development.has("style-src-attr")).toBe(false);
    expect(development.get("frame-ancestors")).toEqual(["'none'"]);
    const production = directives(documentPolicy({ nonce }));
    expect(production.get("script-src")).toEqual(["'self'", `'nonce-${nonce}'`]);
    expect(production.get("style-src")).toEqual(["'self'"]);
  });

  it("asks for https subresources only when the app is served over https", () => {
    expect(directives(documentPolicy({ https: true })).get("upgrade-insecure-requests")).toEqual([]);
    expect(directives(documentPolicy({ https: false })).has("upgrade-insecure-requests")).toBe(false);
  });

  it("names no origin but our own, anywhere", () => {
    const policy = documentPolicy({ nonce: createNonce(), scriptHashes: hashes, development: true, https: true });
    expect(policy).not.toMatch(/https?:|\*/);
  });

  it("refuses a nonce that could break out of the header", () => {
    expect(() => documentPolicy({ nonce: "abc'; script-src *" })).toThrow(/base64/);
  });

  it("puts the nonce where Next.js looks for it", () => {
    // Next.js takes the first 'nonce-…' source of script-src (or default-src) from the request's policy.
    const nonce = createNonce();
    const scriptSrc = documentPolicy({ nonce }).split(";").map((part) => part.trim()).find((part) => part.startsWith("script-src"));
    expect(scriptSrc?.split(/\s+/).find((source) => /^'nonce-[A-Za-z0-9+/_-]+={0,2}'$/.test(source))).toBe(`'nonce-${nonce}'`);
  });
});

describe("createNonce", () => {
  it("makes 128 random bits of base64, different every time", () => {
    const nonces = new Set(Array.from({ length: 200 }, () => createNonce()));
    expect(nonces.size).toBe(200);
    for (const nonce of nonces) {
      expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
      expect(Buffer.from(nonce, "base64")).toHaveLength(16);
    }
  });
});

describe("the headers that never vary", () => {
  const byName = new Map(STATIC_SECURITY_HEADERS.map(({ key, value }) => [key.toLowerCase(), value]));

  it("forbid sniffing, keep the referrer on our own site, and refuse framing", () => {
    expect(byName.get("x-content-type-options")).toBe("nosniff");
    expect(byName.get("referrer-policy")).toBe("same-origin");
    expect(byName.get("x-frame-options")).toBe("DENY");
    expect(byName.has("content-security-policy")).toBe(false); // the proxy sends it, per page
  });

  it("switch off every powerful feature, the camera, microphone, location and ad topics among them", () => {
    expect(byName.get("permissions-policy")).toBe(PERMISSIONS_POLICY);
    const features = PERMISSIONS_POLICY.split(", ");
    // All but writing to the clipboard, which the recovery code's Copy button needs, on the app's own pages only.
    for (const feature of features.filter((feature) => feature !== "clipboard-write=(self)")) expect(feature).toMatch(/^[a-z-]+=\(\)$/);
    expect(features).toContain("clipboard-write=(self)");
    expect(features).toContain("clipboard-read=()");
    for (const feature of ["camera", "microphone", "geolocation", "interest-cohort", "browsing-topics", "payment", "usb"]) {
      expect(features).toContain(`${feature}=()`);
    }
  });

  it("for anything that is not a page, allow nothing at all", () => {
    const policy = directives(NON_DOCUMENT_POLICY);
    expect(policy.get("default-src")).toEqual(["'none'"]);
    expect(policy.get("frame-ancestors")).toEqual(["'none'"]);
  });
});

describe("isHttpsUrl", () => {
  it("is true only for an https address", () => {
    expect(isHttpsUrl("https://drawbridge.example.org")).toBe(true);
    expect(isHttpsUrl("HTTPS://drawbridge.example.org")).toBe(true);
    expect(isHttpsUrl("http://localhost:3000")).toBe(false);
    expect(isHttpsUrl("http://https.example.org")).toBe(false);
  });
});

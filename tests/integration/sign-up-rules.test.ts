import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { auth } from "@/lib/auth";
import { db } from "@/lib/db";

const appUrl = "http://localhost:3000";
const newEmail = () => `writer-${randomUUID().slice(0, 8)}@example.org`;
const GOOD_PASSWORD = "a quiet harbour at dusk";

/** A POST to Better Auth's HTTP API, as another client of /api/auth would send it. */
function post(path: string, body: unknown, cookie = "") {
  return auth().handler(
    new Request(`${appUrl}/api/auth${path}`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        origin: appUrl,
        "x-forwarded-for": `203.0.113.${Math.floor(Math.random() * 250) + 1}`,
        ...(cookie ? { cookie } : {}),
      },
      body: JSON.stringify(body),
    }),
  );
}

const signUp = (body: Record<string, unknown>) => post("/sign-up/email", { name: "", ...body });
const cookiesOf = (response: Response) =>
  response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(";")[0]!)
    .filter((pair) => !pair.endsWith("="))
    .join("; ");

async function expectRefused(response: Response, reason: RegExp) {
  expect(response.status).toBe(400);
  const body = (await response.json()) as { message?: string };
  expect(body.message).toMatch(reason);
}

describe("sign-up over the HTTP API", () => {
  it("refuses the trivially weak passwords with a reason beside the field, and creates nothing", async () => {
    const email = newEmail();
    const weak: [string, RegExp][] = [
      ["          ", /only spaces/i],
      ["\u200B".repeat(12), /only spaces/i],
      [email, /email address/i],
      [email.toUpperCase(), /email address/i],
      [email.split("@")[0]!, /email address/i],
      ["password12", /common|guess/i],
      ["qwertyuiop", /guess|common/i],
      ["1234567890", /guess|common/i],
      ["aaaaaaaaaaaa", /guess|repeat/i],
      ["iloveyou12", /guess|common/i],
    ];
    for (const [password, reason] of weak) {
      const response = await signUp({ email, password });
      await expectRefused(response, reason);
    }
    expect(await db().profile.count({ where: { email } })).toBe(0);
    console.log(`fault: ${weak.length} weak passwords over HTTP, 0 accounts created`);
  });

  it("accepts good passphrases, and keeps a password exactly as typed, spaces around it included", async () => {
    for (const password of [GOOD_PASSWORD, "correct horse battery", "my cat eats paper at dawn", "Tr0ub4dor&3x!"]) {
      expect((await signUp({ email: newEmail(), password })).status, password).toBe(200);
    }
    const email = newEmail();
    const spaced = `  ${GOOD_PASSWORD}  `;
    expect((await signUp({ email, password: spaced })).status).toBe(200);
    expect((await post("/sign-in/email", { email, password: GOOD_PASSWORD })).status).toBe(401);
    expect((await post("/sign-in/email", { email, password: spaced })).status).toBe(200);
  });

  it("refuses an over-long or broken name, image, email or callback address with 400 and a reason, and stores nothing", async () => {
    const cases: [string, Record<string, unknown>, RegExp][] = [
      ["a 1 MB name", { name: "n".repeat(1024 * 1024) }, /name.*too long/i],
      ["a 101-character name", { name: "n".repeat(101) }, /name.*too long/i],
      ["a 1 MB image", { image: `https://example.org/${"i".repeat(1024 * 1024)}` }, /image.*too long/i],
      ["a 300-character email", { email: `${"e".repeat(288)}@example.org` }, /email.*too long/i],
      ["a 1 MB callback address", { callbackURL: `/${"c".repeat(1024 * 1024)}` }, /callbackURL.*too long/i],
      ["a name with a lone surrogate", { name: "Ann \uD800" }, /broken character/i],
    ];
    for (const [what, fields, reason] of cases) {
      const email = newEmail();
      const response = await signUp({ email, password: GOOD_PASSWORD, ...fields });
      await expectRefused(response, reason);
      expect(await db().profile.count({ where: { email: String(fields.email ?? email).toLowerCase() } }), what).toBe(0);
    }
    console.log(`fault: ${cases.length} over-long or broken sign-up fields, 0 accounts created`);
  });

  it("keeps the profile-writing endpoints the product doesn't use switched off", async () => {
    const email = newEmail();
    const created = await signUp({ email, password: GOOD_PASSWORD });
    expect(created.status).toBe(200);
    const cookie = cookiesOf(created);
    const unused: [string, Record<string, unknown>][] = [
      ["/update-user", { name: "n".repeat(1024 * 1024), image: "https://example.org/me.png" }],
      ["/change-email", { newEmail: newEmail() }],
      ["/change-password", { currentPassword: GOOD_PASSWORD, newPassword: "password12" }],
      ["/update-session", { ipAddress: "x".repeat(10_000) }],
      ["/delete-user", {}],
      ["/request-password-reset", { email }],
      ["/reset-password", { newPassword: "password12", token: "t" }],
      ["/send-verification-email", { email }],
    ];
    for (const [path, body] of unused) expect((await post(path, body, cookie)).status, path).toBe(404);
    const profile = await db().profile.findFirstOrThrow({ where: { email } });
    expect(profile).toMatchObject({ name: "", image: null });
    expect((await post("/sign-in/email", { email, password: GOOD_PASSWORD })).status).toBe(200);
    console.log(`fault: ${unused.length} unused auth endpoints called with a session, all 404, profile unchanged`);
  });
});

import { describe, expect, it } from "vitest";
import { auth } from "@/lib/auth";
import { db } from "@/lib/db";

describe("guest profiles", () => {
  it("creates a guest profile with a database session and a signed, httpOnly, SameSite=Lax cookie", async () => {
    const { headers, response } = await auth().api.signInAnonymous({ headers: new Headers(), returnHeaders: true });
    expect(response?.user.isAnonymous).toBe(true);

    const cookie = headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(/drawbridge\.session_token=[^;]+\.[^;]+;/); // token.signature
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);

    const profileId = response!.user.id;
    const profile = await db().profile.findUniqueOrThrow({ where: { id: profileId }, include: { sessions: true } });
    expect(profile.isAnonymous).toBe(true);
    expect(profile.sessions).toHaveLength(1);

    // The cookie alone brings the same profile back.
    const token = /drawbridge\.session_token=([^;]+)/.exec(cookie)![1]!;
    const session = await auth().api.getSession({
      headers: new Headers({ cookie: `drawbridge.session_token=${token}` }),
    });
    expect(session?.user.id).toBe(profileId);
  });

  it("refuses a cookie whose signature was tampered with", async () => {
    const { headers } = await auth().api.signInAnonymous({ headers: new Headers(), returnHeaders: true });
    const token = /drawbridge\.session_token=([^;]+)/.exec(headers.get("set-cookie") ?? "")![1]!;
    const [value] = decodeURIComponent(token).split(".");
    const forged = encodeURIComponent(`${value}.${"A".repeat(43)}=`);
    const session = await auth().api.getSession({ headers: new Headers({ cookie: `drawbridge.session_token=${forged}` }) });
    expect(session).toBeNull();
  });
});

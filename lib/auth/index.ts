import "server-only";
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { nextCookies } from "better-auth/next-js";
import { anonymous } from "better-auth/plugins";
import { config, sessionSecret } from "@/lib/config";
import { db } from "@/lib/db";

/**
 * Sessions for guests and (later) accounts, by Better Auth: the session row lives in the
 * database, the browser holds its token in an httpOnly, SameSite=Lax cookie signed with
 * the session secret (Secure in production).
 */
function createAuth() {
  const app = config();
  return betterAuth({
    appName: "Drawbridge",
    secret: sessionSecret(app),
    baseURL: app.appUrl,
    database: prismaAdapter(db(), { provider: app.database.provider }),
    user: { modelName: "profile" },
    session: {
      fields: { userId: "profileId" },
      // A signed copy of the session in the cookie spares a database read on every request
      // (the quiz saves each answer); after a minute the database is asked again.
      cookieCache: { enabled: true, maxAge: 60 },
    },
    account: { fields: { userId: "profileId" } },
    advanced: {
      cookiePrefix: "drawbridge",
      useSecureCookies: app.secureCookies,
      defaultCookieAttributes: { httpOnly: true, sameSite: "lax" },
    },
    telemetry: { enabled: false },
    plugins: [
      anonymous({ emailDomainName: "guest.drawbridge.invalid", generateName: () => "Guest" }),
      nextCookies(), // keep last: it copies Set-Cookie into Next's cookie store in server actions
    ],
  });
}

type Auth = ReturnType<typeof createAuth>;
const globalForAuth = globalThis as unknown as { drawbridgeAuth?: Auth };

/** The process's auth instance, made on first use (so builds need no database or secret). */
export function auth(): Auth {
  globalForAuth.drawbridgeAuth ??= createAuth();
  return globalForAuth.drawbridgeAuth;
}

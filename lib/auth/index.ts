import "server-only";
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { APIError, createAuthMiddleware, isAPIError } from "better-auth/api";
import { nextCookies } from "better-auth/next-js";
import { anonymous } from "better-auth/plugins";
import { config, sessionSecret } from "@/lib/config";
import { db } from "@/lib/db";
import { log } from "@/lib/log";
import { moveGuestData } from "@/lib/data/guest-merge";
import { clearSignInFailures, recordSignInFailure, signInKeys, signInWaitSeconds } from "@/lib/data/sign-in-limits";
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from "@/lib/validation/limits";
import { checkAuthRequest, UNUSED_AUTH_PATHS } from "./sign-up-rules";

export const SESSION_DAYS = 60;

/** What every failed sign-in says, whether the email is unknown or the password wrong. */
export const SIGN_IN_REFUSED = "Email or password is wrong.";

/**
 * The client's address: the last X-Forwarded-For entry, which is the one the nearest proxy
 * added (or, with no proxy, the socket address `next start` fills in when the header is absent).
 */
export function clientAddress(headers: Headers | undefined): string | null {
  const forwarded = headers?.get("x-forwarded-for")?.split(",").map((part) => part.trim()).filter(Boolean);
  return forwarded?.at(-1) ?? null;
}

function signInKeysOf(ctx: { body?: unknown; headers?: Headers }) {
  const email = (ctx.body as { email?: unknown } | undefined)?.email;
  return typeof email === "string" ? signInKeys(email, clientAddress(ctx.headers)) : null;
}

/**
 * Sessions for guests and accounts, by Better Auth: the session row lives in the database,
 * the browser holds its token in an httpOnly, SameSite=Lax cookie signed with the session
 * secret (Secure in production). Passwords are hashed with its scrypt (N=16384, r=16, p=1:
 * 32 MiB per hash). Sign-in failures are counted per email and per address in the database.
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
      // Lessons are worked through over weeks: a session lasts 60 days from its last use
      // (renewed at most daily). A guest whose session runs out is cleaned up (lib/startup.ts).
      expiresIn: SESSION_DAYS * 24 * 60 * 60,
      // A signed copy of the session in the cookie spares a database read on every request
      // (the quiz saves each answer); after a minute the database is asked again.
      cookieCache: { enabled: true, maxAge: 60 },
    },
    account: { fields: { userId: "profileId" } },
    emailAndPassword: {
      enabled: true,
      minPasswordLength: MIN_PASSWORD_LENGTH,
      maxPasswordLength: MAX_PASSWORD_LENGTH,
      autoSignIn: true,
    },
    // One limiter for sign-in failures (the hooks below), kept in the database, in every
    // environment; the library's own per-path request limiter would be a second, in-memory one.
    rateLimit: { enabled: false },
    hooks: {
      before: createAuthMiddleware(async (ctx) => {
        checkAuthRequest(ctx); // field lengths, broken text, the password rules: 400 with a reason
        if (ctx.path !== "/sign-in/email") return;
        const keys = signInKeysOf(ctx);
        if (!keys) return;
        const wait = await signInWaitSeconds(keys);
        if (wait > 0) {
          throw new APIError(
            "TOO_MANY_REQUESTS",
            { code: "TOO_MANY_SIGN_IN_ATTEMPTS", message: `Too many tries. Please wait ${wait} seconds and try again.` },
            { "Retry-After": String(wait) },
          );
        }
      }),
      after: createAuthMiddleware(async (ctx) => {
        if (ctx.path !== "/sign-in/email") return;
        const keys = signInKeysOf(ctx);
        if (!keys) return;
        const returned = ctx.context.returned;
        if (isAPIError(returned) && returned.statusCode === 401) {
          await recordSignInFailure(keys);
          throw new APIError("UNAUTHORIZED", { code: "INVALID_EMAIL_OR_PASSWORD", message: SIGN_IN_REFUSED });
        }
        if (!isAPIError(returned)) await clearSignInFailures(keys);
      }),
    },
    advanced: {
      cookiePrefix: "drawbridge",
      useSecureCookies: app.secureCookies,
      defaultCookieAttributes: { httpOnly: true, sameSite: "lax" },
    },
    disabledPaths: UNUSED_AUTH_PATHS,
    telemetry: { enabled: false },
    // Into our JSON log, message only: the library's extra arguments can carry request bodies.
    logger: {
      level: "warn",
      log: (level, message) => (level === "error" ? log.error : level === "warn" ? log.warn : log.info)("auth", { message }),
    },
    plugins: [
      anonymous({
        emailDomainName: "guest.drawbridge.invalid",
        generateName: () => "Guest",
        // Runs when a guest signs up or in, before the plugin deletes the guest profile.
        onLinkAccount: ({ anonymousUser, newUser }) => moveGuestData(anonymousUser.user.id, newUser.user.id),
      }),
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

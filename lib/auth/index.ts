import "server-only";
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { APIError, createAuthMiddleware, isAPIError } from "better-auth/api";
import { nextCookies } from "better-auth/next-js";
import { anonymous } from "better-auth/plugins";
import { config, SESSION_DAYS, sessionSecret } from "@/lib/config";
import { db } from "@/lib/db";
import { sessionStorage } from "@/lib/redis";
import { describeError, log } from "@/lib/log";
import { moveGuestData } from "@/lib/data/guest-merge";
import { markProfileSeen } from "@/lib/data/profiles";
import { clearLimit, giveBack, reserve, waitSeconds, type LimitName } from "@/lib/data/rate-limits";
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from "@/lib/validation/limits";
import { RESET_LINK_MINUTES, sendResetEmail } from "./reset-email";
import { checkAuthRequest, UNUSED_AUTH_PATHS } from "./sign-up-rules";

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

/** The made-up domain of a guest profile's email: nobody receives mail there. */
const GUEST_EMAIL_DOMAIN = "guest.drawbridge.invalid";

type HookContext = Parameters<Parameters<typeof createAuthMiddleware>[0]>[0];

/** The email a sign-in or sign-up names, as one key whatever its case; null when there is none. */
function emailOf(ctx: HookContext): string | null {
  const email = (ctx.body as { email?: unknown } | undefined)?.email;
  return typeof email === "string" ? email.trim().toLowerCase() : null;
}

/** 429 with Retry-After, in the words a person reads beside the form. */
function tooManyTries(retryAfterSeconds: number): APIError {
  return new APIError(
    "TOO_MANY_REQUESTS",
    { code: "TOO_MANY_REQUESTS", message: `Too many tries. Please wait ${retryAfterSeconds} seconds and try again.` },
    { "Retry-After": String(retryAfterSeconds) },
  );
}

/**
 * Takes one try from each limit in turn, before any work is done; the first refusal stops it.
 * Per-subject limits go first, so one address's flood is refused before it touches the
 * app-wide ceiling everyone shares. But an app-wide ceiling already reached refuses at once,
 * with one read, so a flood from ever-new addresses and emails writes no rows for them.
 * A limit without its subject (no address known) is skipped. Exported for /recover
 * (lib/auth/recovery.ts), whose tries are limited the same way.
 */
export async function reserveAll(limits: [LimitName, string | null | undefined][]): Promise<void> {
  for (const [limit, subject] of limits) {
    if (subject !== null) continue;
    const wait = await waitSeconds(limit, null);
    if (wait > 0) throw tooManyTries(wait);
  }
  for (const [limit, subject] of limits) {
    if (subject === undefined) continue;
    const reservation = await reserve(limit, subject);
    if (!reservation.allowed) throw tooManyTries(reservation.retryAfterSeconds);
  }
}

/**
 * What runs before each auth endpoint, by path. The tries are reserved before the password is
 * checked, so a burst of requests can never check more passwords than the limit allows.
 */
const beforeEndpoint: Record<string, (ctx: HookContext) => Promise<void>> = {
  "/sign-in/email": async (ctx) => {
    const email = emailOf(ctx);
    if (email === null) return; // the endpoint refuses the body itself
    await reserveAll([
      ["sign-in-per-address", clientAddress(ctx.headers) ?? undefined],
      ["sign-in-per-email", email],
      ["password-checks", null],
    ]);
  },
  "/sign-up/email": async (ctx) => {
    await reserveAll([
      ["sign-ups-per-address", clientAddress(ctx.headers) ?? undefined],
      ["password-checks", null],
    ]);
  },
  "/sign-in/anonymous": async (ctx) => {
    await reserveAll([
      ["new-guests-per-address", clientAddress(ctx.headers) ?? undefined],
      ["new-guests", null],
    ]);
  },
};

/** What runs after each auth endpoint, by path. */
const afterEndpoint: Record<string, (ctx: HookContext) => Promise<void>> = {
  "/sign-in/email": async (ctx) => {
    const email = emailOf(ctx);
    if (email === null) return;
    const returned = ctx.context.returned;
    if (isAPIError(returned) && returned.statusCode === 401) {
      throw new APIError("UNAUTHORIZED", { code: "INVALID_EMAIL_OR_PASSWORD", message: SIGN_IN_REFUSED });
    }
    if (isAPIError(returned)) return;
    // A right password was no failure: the email starts afresh and the address gets its try back.
    await clearLimit("sign-in-per-email", email);
    const address = clientAddress(ctx.headers);
    if (address) await giveBack("sign-in-per-address", address);
  },
};

/**
 * Sessions for guests and accounts, by Better Auth: the session row lives in the database,
 * the browser holds its token in an httpOnly, SameSite=Lax cookie signed with the session
 * secret (Secure in production). Passwords are hashed with its scrypt (N=16384, r=16, p=1:
 * 32 MiB per hash). Sign-ins, sign-ups and new guests are limited in the hooks below, with
 * counts kept in Redis when REDIS_URL is set, else in the database (lib/data/rate-limits.ts).
 */
function createAuth() {
  const app = config();
  // With REDIS_URL, sessions are kept in Redis too and read from there: every process sees a
  // sign-out or a deletion at once, without a database read per request. The rows stay in the
  // database as well (the guest clean-up and the export read them).
  const secondaryStorage = sessionStorage(app);
  return betterAuth({
    appName: "Drawbridge",
    secret: sessionSecret(app),
    baseURL: app.appUrl,
    database: prismaAdapter(db(), { provider: app.database.provider }),
    secondaryStorage,
    user: { modelName: "profile" },
    session: {
      fields: { userId: "profileId" },
      // Lessons are worked through over weeks: a session lasts 60 days from its last use
      // (renewed at most daily). A guest whose session runs out is cleaned up (lib/startup.ts).
      expiresIn: SESSION_DAYS * 24 * 60 * 60,
      // No signed copy of the session in a second cookie: the database is asked on every request,
      // so a sign-out or a deletion holds at once, in every process.
      cookieCache: { enabled: false },
      storeSessionInDatabase: true,
    },
    account: { fields: { userId: "profileId" } },
    // Less stored about you: the library would keep each session's network address and browser
    // name (in the database and in Redis). Drawbridge uses neither; the rate limits hash the
    // address themselves, for their window only (lib/data/rate-limits.ts).
    // A session begun or renewed (at most daily) marks its profile as seen: the only date the
    // operator's clean-up of unused accounts reads (DELETE_UNUSED_ACCOUNTS_AFTER_DAYS).
    databaseHooks: {
      session: {
        create: {
          before: async () => ({ data: { ipAddress: null, userAgent: null } }),
          after: async (session) => markProfileSeen(session.userId),
        },
        update: { after: async (session) => markProfileSeen(session.userId) },
      },
    },
    emailAndPassword: {
      enabled: true,
      minPasswordLength: MIN_PASSWORD_LENGTH,
      maxPasswordLength: MAX_PASSWORD_LENGTH,
      autoSignIn: true,
      // With SMTP_URL, "forgot password" emails a one-time link to /reset-password (lib/auth/password-reset.ts).
      // Guests have no address to write to. Without SMTP_URL the recovery code is the only way back in.
      sendResetPassword: app.smtp
        ? async ({ user, token }) => {
            if (user.email.endsWith(`@${GUEST_EMAIL_DOMAIN}`)) return;
            sendResetEmail(user.email, `${app.appUrl}/reset-password?token=${encodeURIComponent(token)}`);
          }
        : undefined,
      resetPasswordTokenExpiresIn: RESET_LINK_MINUTES * 60,
      revokeSessionsOnPasswordReset: true,
    },
    // One limiter (lib/data/rate-limits.ts, reserved in the hooks below), counting in Redis or the
    // database and so shared by every process, in every environment; the library's own per-path
    // limiter would be a second one. Were it ever enabled, its counters would go to Redis too.
    rateLimit: { enabled: false, storage: secondaryStorage ? "secondary-storage" : "memory" },
    hooks: {
      before: createAuthMiddleware(async (ctx) => {
        checkAuthRequest(ctx); // field lengths, broken text, the password rules: 400 before a try is used
        await beforeEndpoint[ctx.path]?.(ctx);
      }),
      after: createAuthMiddleware(async (ctx) => {
        await afterEndpoint[ctx.path]?.(ctx);
      }),
    },
    advanced: {
      cookiePrefix: "drawbridge",
      useSecureCookies: app.secureCookies,
      defaultCookieAttributes: { httpOnly: true, sameSite: "lax" },
    },
    disabledPaths: UNUSED_AUTH_PATHS,
    telemetry: { enabled: false },
    // Refusals (4xx: a wrong password, too many tries) are answers, not faults: logging each one
    // would let a flood of them flood the log too. Faults get one JSON line, without the message.
    onAPIError: {
      onError: (error) => {
        if (isAPIError(error) && error.statusCode < 500) return;
        log.error("auth.failed", describeError(error));
      },
    },
    // Into our JSON log, message only: the library's extra arguments can carry request bodies.
    logger: {
      level: "warn",
      log: (level, message) => (level === "error" ? log.error : level === "warn" ? log.warn : log.info)("auth", { message }),
    },
    plugins: [
      anonymous({
        emailDomainName: GUEST_EMAIL_DOMAIN,
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

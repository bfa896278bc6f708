// Reads Drawbridge's settings from the environment, once, with zod.
// Nothing here needs to be set: the embedded default is SQLite under data/.
import { randomBytes } from "node:crypto";
import { chmodSync, linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from "node:fs";
import { isAbsolute, join, resolve } from "node:path";
import { z } from "zod";

export const DEFAULT_DATABASE_URL = "file:./data/drawbridge.db";
/** PostgreSQL connections per process unless DATABASE_POOL_SIZE says otherwise. */
export const DEFAULT_DATABASE_POOL_SIZE = 10;

/**
 * Where "Leave quickly" goes unless QUICK_EXIT_URL says otherwise: a weather forecast, the
 * neutral page the GOV.UK Design System's "Exit this page" component uses in its examples
 * (design-system.service.gov.uk/components/exit-this-page).
 */
export const DEFAULT_QUICK_EXIT_URL = "https://www.bbc.co.uk/weather";

export type DatabaseConfig =
  | { provider: "sqlite"; url: string; filePath: string }
  | { provider: "postgresql"; url: string; /** From DATABASE_POOL_SIZE: the most connections this process opens. */ poolSize?: number };

export type AppConfig = {
  database: DatabaseConfig;
  port: number;
  /** The address people reach the app at; defaults to http://localhost:PORT. */
  appUrl: string;
  dataDir: string;
  /** From SESSION_SECRET; when unset, read (or made once) from data/session-secret. */
  sessionSecret: string | undefined;
  /** From APP_ENCRYPTION_KEY; when unset, read (or made once) from data/encryption-key. */
  encryptionKey: Buffer | undefined;
  secureCookies: boolean;
  /** From RATE_LIMITS: limits set to other numbers than lib/data/rate-limits.ts's, by name. */
  rateLimits: Record<string, { allowed: number; windowSeconds: number }>;
  /** From QUICK_EXIT_URL: the neutral site "Leave quickly" replaces the page with. */
  quickExitUrl: string;
  /** From ADMIN_EMAILS: the account emails (lower case) that may see /admin/items. */
  adminEmails: readonly string[];
  /** From REDIS_URL and REDIS_KEY_PREFIX: where sessions are kept besides the database; null without Redis. */
  redis: { url: string; keyPrefix: string } | null;
  /** From INSTANCES: how many app processes share this database (1 unless declared). */
  instances: number;
  /**
   * From HEAP_GROWING_PERCENT: how far V8 lets the server's heap grow past what it held after a
   * full garbage collection before it collects again; 0 leaves it to V8 (up to 300 %).
   */
  heapGrowingPercent: number;
  /** From DELETE_UNUSED_ACCOUNTS_AFTER_DAYS: accounts no browser has used for this many days are deleted; null (the default) keeps them. */
  deleteUnusedAccountsAfterDays: number | null;
  /**
   * From SMTP_URL and SMTP_FROM: where the "forgot password" email is sent through, and who it
   * is from; null (the default) sends no email, and the recovery code is the only way back in.
   */
  smtp: { url: string; from: string } | null;
};

/** How long a session lasts from its last use (lib/auth renews it at most daily). */
export const SESSION_DAYS = 60;
/** The shortest DELETE_UNUSED_ACCOUNTS_AFTER_DAYS: a session's lifetime, so no browser still signed in loses its account. */
export const MIN_UNUSED_ACCOUNT_DAYS = SESSION_DAYS;

/**
 * The heap may grow 20 % past its live size before a full collection. V8's own choice on a busy
 * server is about 100 %: with the server's ~150 MiB live heap, the garbage of exports downloaded
 * back to back then piled up to +170–190 MiB of memory before it was collected; at 20 % it
 * stayed under +25 MiB (bench/RESULTS.md, "Export of a long history").
 */
export const DEFAULT_HEAP_GROWING_PERCENT = 20;

/** A setting that cannot work. Its message is one line naming the variable. */
export class ConfigError extends Error {
  override name = "ConfigError";
}

/** Hides the password in a URL so an error message never prints it. */
export function redactUrl(value: string): string {
  return value.replace(/^([a-z][a-z0-9+.-]*:\/\/[^:/@]*:)[^@]*@/i, "$1***@");
}

function databaseFrom(raw: string | undefined, cwd: string): DatabaseConfig {
  const value = raw?.trim() || DEFAULT_DATABASE_URL;
  const shown = JSON.stringify(redactUrl(value));
  const fail = (why: string): never => {
    throw new ConfigError(
      `DATABASE_URL ${why} (got ${shown}); use file:./data/drawbridge.db for SQLite or postgresql://user:password@host:5432/database.`,
    );
  };

  if (value.startsWith("file:")) {
    const path = value.slice("file:".length).replace(/^\/\/(?=\/)/, "").split("?")[0] ?? "";
    if (!path) fail("names no SQLite file");
    const filePath = isAbsolute(path) ? path : resolve(cwd, path);
    return { provider: "sqlite", url: `file:${filePath}`, filePath };
  }
  if (/^postgres(ql)?:\/\//i.test(value)) {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      return fail("is not a valid PostgreSQL URL");
    }
    if (!url.hostname) fail("names no PostgreSQL host");
    return { provider: "postgresql", url: value };
  }
  return fail("must start with file: (SQLite) or postgresql:// (PostgreSQL)");
}

const ENCRYPTION_KEY_BYTES = 32;

/**
 * A 32-byte key written as 64 hex characters or 44 base64 characters; undefined for anything
 * else. Base64 must be canonical (it re-encodes to itself), so a typo can't slip through.
 */
export function decodeEncryptionKey(written: string): Buffer | undefined {
  const value = written.trim();
  if (/^[0-9a-f]{64}$/i.test(value)) return Buffer.from(value, "hex");
  if (/^[A-Za-z0-9+/]{43}=$/.test(value)) {
    const key = Buffer.from(value, "base64");
    if (key.length === ENCRYPTION_KEY_BYTES && key.toString("base64") === value) return key;
  }
  return undefined;
}

/**
 * A setting that is a whole number from `min` to `max`: `unset` when it is missing or empty,
 * otherwise refused in one line (`refusal` gets the value as written, quoted).
 */
function wholeNumber<Unset>(unset: Unset, min: number, max: number, refusal: (got: string) => string) {
  return z
    .string()
    .trim()
    .optional()
    .transform((v, ctx): number | Unset => {
      if (v === undefined || v === "") return unset;
      const value = Number(v);
      if (!Number.isInteger(value) || value < min || value > max) {
        ctx.addIssue({ code: "custom", message: refusal(JSON.stringify(v)) });
        return z.NEVER;
      }
      return value;
    });
}

/**
 * The address of a service (Redis, SMTP): a URL whose protocol matches and that names a host;
 * undefined when missing or empty, otherwise refused in one line (`refusal` gets the value with
 * any password hidden, quoted).
 */
function serviceUrl(protocol: RegExp, refusal: (got: string) => string) {
  return z
    .string()
    .trim()
    .optional()
    .transform((v, ctx) => {
      if (!v) return undefined;
      let url: URL | undefined;
      try {
        url = new URL(v);
      } catch {
        url = undefined;
      }
      if (!url || !protocol.test(url.protocol) || !url.hostname) {
        ctx.addIssue({ code: "custom", message: refusal(JSON.stringify(redactUrl(v))) });
        return z.NEVER;
      }
      return v;
    });
}

const envSchema = z.object({
  PORT: wholeNumber(3000, 1, 65535, (got) => `PORT must be a whole number from 1 to 65535 (got ${got}).`),
  SESSION_SECRET: z
    .string()
    .optional()
    .refine((v) => v === undefined || v === "" || v.length >= 32, {
      message: "SESSION_SECRET must be at least 32 characters long; leave it unset to have one made under data/.",
    })
    .transform((v) => v || undefined),
  APP_ENCRYPTION_KEY: z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v.trim() === "") return undefined;
      const key = decodeEncryptionKey(v);
      if (!key) {
        // Never echo the value: it is (or was meant to be) the key.
        ctx.addIssue({
          code: "custom",
          message:
            "APP_ENCRYPTION_KEY must be 32 bytes written as 64 hex characters or 44 base64 characters (make one with `openssl rand -hex 32`); leave it unset to have one made under data/.",
        });
        return z.NEVER;
      }
      return key;
    }),
  COOKIE_SECURE: z
    .enum(["true", "false", ""], { message: "COOKIE_SECURE must be true or false." })
    .optional(),
  APP_URL: z
    .url({ protocol: /^https?$/, message: "APP_URL must be the app's public address, like https://drawbridge.example.org." })
    .optional()
    .or(z.literal("")),
  DATA_DIR: z.string().optional(),
  QUICK_EXIT_URL: z
    .url({
      protocol: /^https?$/,
      message: "QUICK_EXIT_URL must be a full web address, like https://www.bbc.co.uk/weather.",
    })
    .optional()
    .or(z.literal("")),
  // "name=allowed/seconds,…", e.g. "new-guests-per-address=500/3600": for tests and unusual deployments.
  RATE_LIMITS: z
    .string()
    .optional()
    .transform((v, ctx) => {
      const limits: Record<string, { allowed: number; windowSeconds: number }> = {};
      for (const entry of (v ?? "").split(",").map((part) => part.trim()).filter(Boolean)) {
        const match = /^([a-z-]+)=(\d+)\/(\d+)$/.exec(entry);
        if (!match || Number(match[2]) < 1 || Number(match[3]) < 1) {
          ctx.addIssue({
            code: "custom",
            message: `RATE_LIMITS must list name=allowed/seconds entries, like new-guests-per-address=500/3600 (got ${JSON.stringify(entry)}).`,
          });
          return z.NEVER;
        }
        limits[match[1]!] = { allowed: Number(match[2]), windowSeconds: Number(match[3]) };
      }
      return limits;
    }),
  // "a@example.org,b@example.org": the accounts that may see the item analysis at /admin/items.
  ADMIN_EMAILS: z
    .string()
    .optional()
    .transform((v, ctx) => {
      const emails = (v ?? "").split(",").map((part) => part.trim().toLowerCase()).filter(Boolean);
      for (const email of emails) {
        if (!z.email().safeParse(email).success) {
          ctx.addIssue({
            code: "custom",
            message: `ADMIN_EMAILS must list email addresses separated by commas, like editor@example.org,second@example.org (got ${JSON.stringify(email)}).`,
          });
          return z.NEVER;
        }
      }
      return [...new Set(emails)];
    }),
  // redis://[:password@]host:6379[/db] or rediss:// (TLS): sessions kept in Redis besides the database.
  REDIS_URL: serviceUrl(/^rediss?:$/, (got) => `REDIS_URL must look like redis://host:6379 or rediss://host:6380 (got ${got}).`),
  REDIS_KEY_PREFIX: z
    .string()
    .trim()
    .regex(/^[\w.:-]{0,64}$/, "REDIS_KEY_PREFIX may hold only letters, digits and . : _ - (at most 64), like drawbridge:")
    .optional(),
  INSTANCES: wholeNumber(1, 1, Number.MAX_SAFE_INTEGER, (got) => `INSTANCES must be the number of app processes sharing the database, a whole number from 1 (got ${got}).`),
  HEAP_GROWING_PERCENT: wholeNumber(DEFAULT_HEAP_GROWING_PERCENT, 0, 1000, (got) => `HEAP_GROWING_PERCENT must be a whole number from 0 (V8's own choice) to 1000 (got ${got}).`),
  DELETE_UNUSED_ACCOUNTS_AFTER_DAYS: wholeNumber(
    null,
    MIN_UNUSED_ACCOUNT_DAYS,
    3650,
    (got) => `DELETE_UNUSED_ACCOUNTS_AFTER_DAYS must be a whole number of days from ${MIN_UNUSED_ACCOUNT_DAYS} (how long a session lasts) to 3650, or empty to keep every account (got ${got}).`,
  ),
  // The most PostgreSQL connections one process opens (node-postgres's own default is 10).
  DATABASE_POOL_SIZE: wholeNumber(undefined, 1, 1000, (got) => `DATABASE_POOL_SIZE must be a whole number from 1 to 1000 (got ${got}).`), // unset: lib/db's DEFAULT_DATABASE_POOL_SIZE
  // smtp://user:password@host:587 or smtps://… (TLS from the start): sends the "forgot password" email.
  SMTP_URL: serviceUrl(/^smtps?:$/, (got) => `SMTP_URL must look like smtp://user:password@mail.example.org:587 or smtps://…:465 (got ${got}).`),
  // Who the email is from: "Name <address>" or a bare address.
  SMTP_FROM: z
    .string()
    .trim()
    .optional()
    .transform((v, ctx) => {
      if (!v) return undefined;
      const address = /<([^<>]+)>$/.exec(v)?.[1] ?? v;
      if (!z.email().safeParse(address).success || /[\r\n]/.test(v)) {
        ctx.addIssue({ code: "custom", message: `SMTP_FROM must be an email address, like Drawbridge <no-reply@drawbridge.example.org> (got ${JSON.stringify(v)}).` });
        return z.NEVER;
      }
      return v;
    }),
  NODE_ENV: z.string().optional(),
});

/** Who the email is from unless SMTP_FROM says otherwise: no-reply at the app's own host. */
export function defaultSmtpFrom(appUrl: string): string {
  const host = new URL(appUrl).hostname;
  const named = /[a-z]/i.test(host) && /^[a-z0-9.-]+$/i.test(host); // not an IP address
  return `Drawbridge <no-reply@${named ? host : "localhost"}>`;
}

/** Parses settings from an environment. Throws ConfigError with one clear line. */
export function parseConfig(env: Record<string, string | undefined>, cwd = process.cwd()): AppConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues[0]?.message ?? "The environment is not valid.");
  }
  const { PORT, SESSION_SECRET, APP_ENCRYPTION_KEY, COOKIE_SECURE, APP_URL, DATA_DIR, RATE_LIMITS, QUICK_EXIT_URL, ADMIN_EMAILS, NODE_ENV } =
    parsed.data;
  const { REDIS_URL, REDIS_KEY_PREFIX, INSTANCES, HEAP_GROWING_PERCENT, DELETE_UNUSED_ACCOUNTS_AFTER_DAYS, SMTP_URL, SMTP_FROM } = parsed.data;
  const appUrl = (APP_URL || `http://localhost:${PORT}`).replace(/\/$/, "");
  return {
    database: withPoolSize(databaseFrom(env.DATABASE_URL, cwd), parsed.data.DATABASE_POOL_SIZE),
    port: PORT,
    appUrl,
    dataDir: resolve(cwd, DATA_DIR?.trim() || "data"),
    sessionSecret: SESSION_SECRET,
    encryptionKey: APP_ENCRYPTION_KEY,
    secureCookies: COOKIE_SECURE ? COOKIE_SECURE === "true" : NODE_ENV === "production",
    rateLimits: RATE_LIMITS,
    quickExitUrl: QUICK_EXIT_URL || DEFAULT_QUICK_EXIT_URL,
    adminEmails: ADMIN_EMAILS,
    redis: REDIS_URL ? { url: REDIS_URL, keyPrefix: REDIS_KEY_PREFIX ?? "drawbridge:" } : null,
    instances: INSTANCES,
    heapGrowingPercent: HEAP_GROWING_PERCENT,
    deleteUnusedAccountsAfterDays: DELETE_UNUSED_ACCOUNTS_AFTER_DAYS,
    smtp: SMTP_URL ? { url: SMTP_URL, from: SMTP_FROM ?? defaultSmtpFrom(appUrl) } : null,
  };
}

/**
 * Why this process must not start as one of several, in one line; null when it may. Every
 * process must sign cookies, encrypt texts and name server actions alike, so with more than one
 * (INSTANCES above 1) the secrets must come from the environment, not from a file under data/
 * that each machine would make for itself.
 */
export function multiProcessProblem(app: AppConfig, env: Record<string, string | undefined> = process.env): string | null {
  if (app.instances <= 1) return null;
  const missing = [
    !app.sessionSecret && "SESSION_SECRET",
    !app.encryptionKey && "APP_ENCRYPTION_KEY",
    !env.NEXT_SERVER_ACTIONS_ENCRYPTION_KEY?.trim() && "NEXT_SERVER_ACTIONS_ENCRYPTION_KEY",
  ].filter(Boolean);
  if (missing.length === 0) return null;
  return `INSTANCES=${app.instances} needs ${missing.join(", ")} set in the environment, the same for every process (each process would otherwise make its own under data/, and sign-ins, saved texts and form posts would fail on the others).`;
}

const withPoolSize = (database: DatabaseConfig, poolSize: number | undefined): DatabaseConfig =>
  database.provider === "postgresql" && poolSize !== undefined ? { ...database, poolSize } : database;

let cached: AppConfig | undefined;

/** The running process's settings (parsed once). */
export function config(): AppConfig {
  cached ??= parseConfig(process.env);
  return cached;
}

/**
 * The secret that signs session cookies. With no SESSION_SECRET, the embedded default makes
 * a random one on first start and keeps it in data/session-secret (readable by its owner only),
 * so sessions survive restarts with nothing to configure.
 */
export function sessionSecret(app: AppConfig = config()): string {
  if (app.sessionSecret) return app.sessionSecret;
  const file = join(app.dataDir, "session-secret");
  try {
    const existing = readFileSync(file, "utf8").trim();
    if (existing.length >= 32) return existing;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  mkdirSync(app.dataDir, { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  try {
    writeFileSync(file, secret + "\n", { mode: 0o600, flag: "wx" });
  } catch (error) {
    // Another process made it first: use theirs, so every process signs alike.
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return readFileSync(file, "utf8").trim();
    throw error;
  }
  chmodSync(file, 0o600);
  return secret;
}

/**
 * The key that encrypts reflections and practice entries (AES-256-GCM). With no
 * APP_ENCRYPTION_KEY, the embedded default makes a random one on first start and keeps it in
 * data/encryption-key (readable by its owner only). Losing that file loses those texts, so a
 * malformed file stops here with a message instead of being replaced by a new key.
 */
export function encryptionKey(app: AppConfig = config()): Buffer {
  if (app.encryptionKey) return app.encryptionKey;
  const file = join(app.dataDir, "encryption-key");
  const existing = readKeyFile(file);
  if (existing) return existing;

  mkdirSync(app.dataDir, { recursive: true });
  const key = randomBytes(ENCRYPTION_KEY_BYTES);
  // Written in full under a private name, then linked into place: link() fails when the file
  // exists, so when two processes start together one key wins and nobody reads a half-written file.
  const draft = `${file}.${process.pid}.${randomBytes(6).toString("hex")}`;
  writeFileSync(draft, key.toString("hex") + "\n", { mode: 0o600, flag: "wx" });
  try {
    chmodSync(draft, 0o600);
    linkSync(draft, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    // Another process made it first: use theirs, so every process encrypts alike.
    return readKeyFile(file) ?? malformedKeyFile(file);
  } finally {
    unlinkSync(draft);
  }
  return key;
}

function readKeyFile(file: string): Buffer | undefined {
  let written: string;
  try {
    written = readFileSync(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
  return decodeEncryptionKey(written) ?? malformedKeyFile(file);
}

function malformedKeyFile(file: string): never {
  throw new ConfigError(
    `${file} is not a valid encryption key (it should hold 64 hex characters). Restore it from your backup or set APP_ENCRYPTION_KEY to the key your texts were saved with; a new key cannot read them.`,
  );
}

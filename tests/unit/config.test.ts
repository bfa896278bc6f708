import { randomBytes } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ConfigError, encryptionKey, multiProcessProblem, parseConfig, sessionSecret } from "@/lib/config";

// Lets a test act as a second process between lib/config's look at a file and what it does next.
const fsHooks = vi.hoisted(() => ({ afterRead: undefined as ((path: string) => void) | undefined }));
vi.mock("node:fs", async (importOriginal) => {
  const fs = await importOriginal<typeof import("node:fs")>();
  const readFileSync = ((...args: Parameters<typeof fs.readFileSync>) => {
    try {
      return fs.readFileSync(...args);
    } finally {
      fsHooks.afterRead?.(String(args[0]));
    }
  }) as typeof fs.readFileSync;
  return { ...fs, readFileSync, default: { ...fs, readFileSync } };
});

const cwd = "/srv/drawbridge";

function errorOf(env: Record<string, string>): string {
  try {
    parseConfig(env, cwd);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error("expected a ConfigError");
}

describe("parseConfig", () => {
  it("uses an embedded SQLite file under data/ when nothing is set", () => {
    const app = parseConfig({}, cwd);
    expect(app.database).toEqual({
      provider: "sqlite",
      url: "file:/srv/drawbridge/data/drawbridge.db",
      filePath: "/srv/drawbridge/data/drawbridge.db",
    });
    expect(app.port).toBe(3000);
    expect(app.appUrl).toBe("http://localhost:3000");
    expect(app.dataDir).toBe("/srv/drawbridge/data");
    expect(app.sessionSecret).toBeUndefined();
    expect(app.encryptionKey).toBeUndefined();
  });

  it("resolves relative and absolute file: URLs", () => {
    expect(parseConfig({ DATABASE_URL: "file:./other/app.db" }, cwd).database).toMatchObject({
      provider: "sqlite",
      filePath: "/srv/drawbridge/other/app.db",
    });
    expect(parseConfig({ DATABASE_URL: "file:/var/lib/db.sqlite" }, cwd).database).toMatchObject({
      filePath: "/var/lib/db.sqlite",
    });
  });

  it("switches to PostgreSQL for postgres:// and postgresql:// URLs", () => {
    for (const url of ["postgres://u:p@db:5432/app", "postgresql://u@localhost/app?sslmode=require"]) {
      expect(parseConfig({ DATABASE_URL: url }, cwd).database).toEqual({ provider: "postgresql", url });
    }
  });

  it("refuses an unknown scheme with one line naming the variable, without the password", () => {
    const message = errorOf({ DATABASE_URL: "mysql://admin:hunter2@db/app" });
    expect(message).toMatch(/^DATABASE_URL must start with file: \(SQLite\) or postgresql:\/\//);
    expect(message).not.toContain("hunter2");
    expect(message).not.toContain("\n");
  });

  it("refuses a file: URL without a path and a PostgreSQL URL that doesn't parse", () => {
    expect(errorOf({ DATABASE_URL: "file:" })).toMatch(/^DATABASE_URL names no SQLite file/);
    expect(errorOf({ DATABASE_URL: "postgresql://user:secret@:99999/x" })).toMatch(/^DATABASE_URL is not a valid PostgreSQL URL/);
  });

  it("honours PORT and refuses one that is not a port", () => {
    expect(parseConfig({ PORT: "8080" }, cwd).port).toBe(8080);
    expect(errorOf({ PORT: "eighty" })).toBe('PORT must be a whole number from 1 to 65535 (got "eighty").');
    expect(errorOf({ PORT: "70000" })).toMatch(/^PORT must be/);
  });

  it("refuses a short SESSION_SECRET", () => {
    expect(errorOf({ SESSION_SECRET: "short" })).toMatch(/^SESSION_SECRET must be at least 32 characters/);
    expect(parseConfig({ SESSION_SECRET: "x".repeat(32) }, cwd).sessionSecret).toBe("x".repeat(32));
  });

  it("marks cookies Secure in production unless COOKIE_SECURE says otherwise", () => {
    expect(parseConfig({ NODE_ENV: "production" }, cwd).secureCookies).toBe(true);
    expect(parseConfig({ NODE_ENV: "development" }, cwd).secureCookies).toBe(false);
    expect(parseConfig({ NODE_ENV: "production", COOKIE_SECURE: "false" }, cwd).secureCookies).toBe(false);
    expect(errorOf({ COOKIE_SECURE: "yes" })).toBe("COOKIE_SECURE must be true or false.");
  });
});

describe("DATABASE_POOL_SIZE", () => {
  it("sets how many PostgreSQL connections the process opens, and refuses anything but a whole number", () => {
    const url = "postgresql://app@db.example.org:5432/drawbridge";
    expect(parseConfig({ DATABASE_URL: url, DATABASE_POOL_SIZE: " 25 " }, cwd).database).toEqual({ provider: "postgresql", url, poolSize: 25 });
    expect(parseConfig({ DATABASE_URL: url }, cwd).database).toEqual({ provider: "postgresql", url });
    for (const value of ["0", "-3", "2.5", "ten", "1001"]) {
      expect(errorOf({ DATABASE_URL: url, DATABASE_POOL_SIZE: value })).toMatch(/^DATABASE_POOL_SIZE must be a whole number from 1 to 1000/);
    }
  });
});

describe("RATE_LIMITS", () => {
  it("takes name=allowed/seconds entries and refuses anything else with one line", () => {
    expect(parseConfig({}, cwd).rateLimits).toEqual({});
    expect(parseConfig({ RATE_LIMITS: " new-guests-per-address=500/3600, password-checks=20/60 " }, cwd).rateLimits).toEqual({
      "new-guests-per-address": { allowed: 500, windowSeconds: 3600 },
      "password-checks": { allowed: 20, windowSeconds: 60 },
    });
    for (const value of ["new-guests=lots", "new-guests=0/60", "new-guests=5/0", "new-guests=5"]) {
      expect(errorOf({ RATE_LIMITS: value })).toMatch(/^RATE_LIMITS must list name=allowed\/seconds entries/);
    }
  });
});

describe("APP_URL", () => {
  it("takes the public address, without a trailing slash, and refuses anything else", () => {
    expect(parseConfig({ APP_URL: "https://drawbridge.example.org/" }, cwd).appUrl).toBe("https://drawbridge.example.org");
    expect(parseConfig({ PORT: "4000" }, cwd).appUrl).toBe("http://localhost:4000");
    expect(errorOf({ APP_URL: "drawbridge.example.org" })).toMatch(/^APP_URL must be the app's public address/);
  });
});

describe("sessionSecret", () => {
  const made: string[] = [];
  afterEach(() => made.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  it("makes a secret once under data/, readable by its owner only, and reuses it", () => {
    const dir = mkdtempSync(join(tmpdir(), "drawbridge-secret-"));
    made.push(dir);
    const app = parseConfig({ DATA_DIR: join(dir, "data") }, dir);
    const first = sessionSecret(app);
    expect(first.length).toBeGreaterThanOrEqual(32);
    const file = join(dir, "data", "session-secret");
    expect(readFileSync(file, "utf8").trim()).toBe(first);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(sessionSecret(app)).toBe(first);
  });

  it("prefers SESSION_SECRET when it is set", () => {
    const app = parseConfig({ SESSION_SECRET: "s".repeat(40) }, "/nonexistent");
    expect(sessionSecret(app)).toBe("s".repeat(40));
  });
});

describe("APP_ENCRYPTION_KEY", () => {
  const key = randomBytes(32);

  it("takes 32 bytes as 64 hex characters or 44 base64 characters", () => {
    expect(parseConfig({ APP_ENCRYPTION_KEY: key.toString("hex") }, cwd).encryptionKey).toEqual(key);
    expect(parseConfig({ APP_ENCRYPTION_KEY: key.toString("hex").toUpperCase() }, cwd).encryptionKey).toEqual(key);
    expect(parseConfig({ APP_ENCRYPTION_KEY: ` ${key.toString("base64")}\n` }, cwd).encryptionKey).toEqual(key);
    expect(parseConfig({ APP_ENCRYPTION_KEY: "" }, cwd).encryptionKey).toBeUndefined();
  });

  it("refuses anything else with one line that never shows the value", () => {
    const wrong = [
      key.toString("hex").slice(0, 62), // 31 bytes
      randomBytes(48).toString("hex"), // too long
      key.toString("base64url"), // base64url, no padding
      randomBytes(24).toString("base64"), // 32 base64 characters
      "g".repeat(64), // not hex
      key.toString("base64").slice(0, 42) + "B=", // not canonical base64
      "correct horse battery staple",
    ];
    for (const value of wrong) {
      const message = errorOf({ APP_ENCRYPTION_KEY: value });
      expect(message).toMatch(/^APP_ENCRYPTION_KEY must be 32 bytes written as 64 hex characters or 44 base64 characters/);
      expect(message).not.toContain(value);
      expect(message).not.toContain("\n");
    }
  });
});

describe("encryptionKey", () => {
  const made: string[] = [];
  afterEach(() => made.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));
  const tempDir = () => {
    const dir = mkdtempSync(join(tmpdir(), "drawbridge-key-"));
    made.push(dir);
    return dir;
  };

  it("makes a 32-byte key once under data/, readable by its owner only, and reuses it", () => {
    const dir = tempDir();
    const app = parseConfig({ DATA_DIR: join(dir, "data") }, dir);
    const first = encryptionKey(app);
    expect(first).toHaveLength(32);
    const file = join(dir, "data", "encryption-key");
    expect(readFileSync(file, "utf8")).toBe(first.toString("hex") + "\n");
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(encryptionKey(app)).toEqual(first);
    expect(encryptionKey(parseConfig({ DATA_DIR: join(dir, "data") }, dir))).toEqual(first);
    expect(readdirSync(join(dir, "data"))).toEqual(["encryption-key"]); // no draft left behind
  });

  it("prefers APP_ENCRYPTION_KEY and then writes no file", () => {
    const dir = tempDir();
    const key = randomBytes(32);
    const app = parseConfig({ APP_ENCRYPTION_KEY: key.toString("base64"), DATA_DIR: join(dir, "data") }, dir);
    expect(encryptionKey(app)).toEqual(key);
    expect(readdirSync(dir)).toEqual([]);
  });

  it("reads a key file someone wrote by hand, in hex or base64", () => {
    const dir = tempDir();
    const key = randomBytes(32);
    writeFileSync(join(dir, "encryption-key"), key.toString("base64"));
    expect(encryptionKey(parseConfig({ DATA_DIR: dir }, dir))).toEqual(key);
  });

  it("refuses a malformed key file with a clear message and leaves it as it was", () => {
    for (const written of ["", "not a key\n", randomBytes(16).toString("hex")]) {
      const dir = tempDir();
      const file = join(dir, "encryption-key");
      writeFileSync(file, written);
      const app = parseConfig({ DATA_DIR: dir }, dir);
      expect(() => encryptionKey(app)).toThrow(ConfigError);
      expect(() => encryptionKey(app)).toThrow(`${file} is not a valid encryption key`);
      expect(readFileSync(file, "utf8")).toBe(written);
    }
  });

  it("uses the key another process wrote first when two start at once, and keeps the file whole", () => {
    const dir = tempDir();
    const file = join(dir, "encryption-key");
    const theirs = randomBytes(32);
    // The other process writes its key just after this one looked and found no file.
    fsHooks.afterRead = (path) => {
      if (path !== file) return;
      fsHooks.afterRead = undefined;
      writeFileSync(file, theirs.toString("hex") + "\n", { mode: 0o600 });
    };
    expect(encryptionKey(parseConfig({ DATA_DIR: dir }, dir))).toEqual(theirs);
    expect(readFileSync(file, "utf8")).toBe(theirs.toString("hex") + "\n");
    expect(readdirSync(dir)).toEqual(["encryption-key"]);
  });
});

describe("QUICK_EXIT_URL", () => {
  it("sends Leave quickly to a weather forecast unless another web address is set", () => {
    expect(parseConfig({}, cwd).quickExitUrl).toBe("https://www.bbc.co.uk/weather");
    expect(parseConfig({ QUICK_EXIT_URL: "" }, cwd).quickExitUrl).toBe("https://www.bbc.co.uk/weather");
    expect(parseConfig({ QUICK_EXIT_URL: "https://www.example.org/news" }, cwd).quickExitUrl).toBe("https://www.example.org/news");
    for (const value of ["www.example.org", "javascript:alert(1)", "ftp://example.org/"]) {
      expect(errorOf({ QUICK_EXIT_URL: value })).toBe("QUICK_EXIT_URL must be a full web address, like https://www.bbc.co.uk/weather.");
    }
  });
});

describe("ADMIN_EMAILS", () => {
  it("names no one by default, and lists addresses in lower case without repeats", () => {
    expect(parseConfig({}, cwd).adminEmails).toEqual([]);
    expect(parseConfig({ ADMIN_EMAILS: "" }, cwd).adminEmails).toEqual([]);
    expect(parseConfig({ ADMIN_EMAILS: " Editor@Example.org, second@example.org,editor@example.org," }, cwd).adminEmails).toEqual([
      "editor@example.org",
      "second@example.org",
    ]);
  });

  it("stops start-up with one line for anything that is not an address", () => {
    expect(errorOf({ ADMIN_EMAILS: "editor@example.org;second@example.org" })).toBe(
      'ADMIN_EMAILS must list email addresses separated by commas, like editor@example.org,second@example.org (got "editor@example.org;second@example.org").',
    );
  });
});

describe("REDIS_URL", () => {
  it("keeps sessions in the database alone unless REDIS_URL is set, with a key prefix of its own", () => {
    expect(parseConfig({}, cwd).redis).toBeNull();
    expect(parseConfig({ REDIS_URL: " " }, cwd).redis).toBeNull();
    expect(parseConfig({ REDIS_URL: "redis://127.0.0.1:6379" }, cwd).redis).toEqual({ url: "redis://127.0.0.1:6379", keyPrefix: "drawbridge:" });
    expect(parseConfig({ REDIS_URL: "rediss://cache.example.org:6380/2", REDIS_KEY_PREFIX: "practice-a:" }, cwd).redis).toEqual({
      url: "rediss://cache.example.org:6380/2",
      keyPrefix: "practice-a:",
    });
  });

  it("refuses anything but a redis:// or rediss:// address with one line that hides the password", () => {
    const message = errorOf({ REDIS_URL: "http://:hunter2@cache:6379" });
    expect(message).toMatch(/^REDIS_URL must look like redis:\/\/host:6379/);
    expect(message).not.toContain("hunter2");
    expect(errorOf({ REDIS_URL: "localhost:6379" })).toMatch(/^REDIS_URL/);
    expect(errorOf({ REDIS_URL: "redis://x", REDIS_KEY_PREFIX: "has space" })).toMatch(/^REDIS_KEY_PREFIX/);
  });
});

describe("INSTANCES", () => {
  const secrets = { SESSION_SECRET: "s".repeat(32), APP_ENCRYPTION_KEY: "a".repeat(64) };

  it("lets one process keep its secrets under data/, as with nothing configured", () => {
    const app = parseConfig({}, cwd);
    expect(app.instances).toBe(1);
    expect(multiProcessProblem(app, {})).toBeNull();
  });

  it("refuses several processes whose secrets would each be made under data/, in one line naming what is missing", () => {
    const app = parseConfig({ INSTANCES: "2" }, cwd);
    const problem = multiProcessProblem(app, {});
    expect(problem).toMatch(/^INSTANCES=2 needs SESSION_SECRET, APP_ENCRYPTION_KEY, NEXT_SERVER_ACTIONS_ENCRYPTION_KEY set in the environment/);
    expect(problem).not.toContain("\n");
    expect(multiProcessProblem(parseConfig({ INSTANCES: "3", ...secrets }, cwd), {})).toMatch(/needs NEXT_SERVER_ACTIONS_ENCRYPTION_KEY set/);
  });

  it("lets several processes start when every secret comes from the environment", () => {
    const env = { INSTANCES: "4", ...secrets, NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: "k".repeat(44) };
    expect(multiProcessProblem(parseConfig(env, cwd), env)).toBeNull();
  });

  it("refuses a count that is not a whole number from 1", () => {
    expect(errorOf({ INSTANCES: "0" })).toMatch(/^INSTANCES must be the number of app processes/);
    expect(errorOf({ INSTANCES: "two" })).toMatch(/^INSTANCES/);
  });
});

describe("HEAP_GROWING_PERCENT", () => {
  it("is 20 when unset or empty, so exports downloaded back to back don't pile up garbage", () => {
    expect(parseConfig({}, cwd).heapGrowingPercent).toBe(20);
    expect(parseConfig({ HEAP_GROWING_PERCENT: " " }, cwd).heapGrowingPercent).toBe(20);
  });

  it("takes a whole number, 0 meaning V8's own choice", () => {
    expect(parseConfig({ HEAP_GROWING_PERCENT: "0" }, cwd).heapGrowingPercent).toBe(0);
    expect(parseConfig({ HEAP_GROWING_PERCENT: "50" }, cwd).heapGrowingPercent).toBe(50);
  });

  it("refuses anything else in one line naming the setting", () => {
    for (const value of ["-5", "12.5", "lots", "1001"]) expect(errorOf({ HEAP_GROWING_PERCENT: value })).toMatch(/^HEAP_GROWING_PERCENT must be a whole number from 0/);
  });
});

describe("DELETE_UNUSED_ACCOUNTS_AFTER_DAYS", () => {
  it("keeps every account when unset or empty", () => {
    expect(parseConfig({}, cwd).deleteUnusedAccountsAfterDays).toBeNull();
    expect(parseConfig({ DELETE_UNUSED_ACCOUNTS_AFTER_DAYS: "" }, cwd).deleteUnusedAccountsAfterDays).toBeNull();
  });

  it("takes whole days from a session's lifetime (60) to ten years", () => {
    expect(parseConfig({ DELETE_UNUSED_ACCOUNTS_AFTER_DAYS: "365" }, cwd).deleteUnusedAccountsAfterDays).toBe(365);
    expect(parseConfig({ DELETE_UNUSED_ACCOUNTS_AFTER_DAYS: "60" }, cwd).deleteUnusedAccountsAfterDays).toBe(60);
  });

  it("refuses fewer days than a session lasts, fractions and words, in one line", () => {
    for (const value of ["59", "1.5", "a year", "3651", "-100"]) {
      expect(errorOf({ DELETE_UNUSED_ACCOUNTS_AFTER_DAYS: value })).toMatch(/^DELETE_UNUSED_ACCOUNTS_AFTER_DAYS must be a whole number of days from 60/);
    }
  });
});

describe("SMTP_URL and SMTP_FROM", () => {
  const cwd = "/srv/drawbridge";
  it("sends no email unless SMTP_URL is set; from no-reply at the app's host unless SMTP_FROM says otherwise", () => {
    expect(parseConfig({}, cwd).smtp).toBeNull();
    expect(parseConfig({ SMTP_URL: " " }, cwd).smtp).toBeNull();
    expect(parseConfig({ SMTP_URL: "smtp://127.0.0.1:2525" }, cwd).smtp).toEqual({ url: "smtp://127.0.0.1:2525", from: "Drawbridge <no-reply@localhost>" });
    expect(parseConfig({ SMTP_URL: "smtps://mail.example.org", APP_URL: "https://drawbridge.example.org" }, cwd).smtp?.from).toBe(
      "Drawbridge <no-reply@drawbridge.example.org>",
    );
    expect(parseConfig({ SMTP_URL: "smtp://mail.example.org", APP_URL: "http://10.0.0.5:3000" }, cwd).smtp?.from).toBe("Drawbridge <no-reply@localhost>");
    expect(parseConfig({ SMTP_URL: "smtp://mail.example.org", SMTP_FROM: "Practice <hello@example.org>" }, cwd).smtp?.from).toBe("Practice <hello@example.org>");
  });

  it("refuses an SMTP_URL that is no smtp:// or smtps:// address in one line, without its password", () => {
    for (const value of ["http://mail.example.org", "smtp://", "mail.example.org:587", "smtp://user:hunter2secret@"]) {
      const attempt = () => parseConfig({ SMTP_URL: value }, cwd);
      expect(attempt).toThrow(ConfigError);
      expect(attempt).toThrow(/^SMTP_URL must look like smtp:\/\//);
      expect(attempt).not.toThrow(/hunter2secret|\n/);
    }
  });

  it("refuses an SMTP_FROM that is no email address", () => {
    for (const value of ["Drawbridge", "Drawbridge <nobody>", "a@b.org\r\nBcc: c@d.org"]) {
      expect(() => parseConfig({ SMTP_URL: "smtp://mail.example.org", SMTP_FROM: value }, cwd)).toThrow(/^SMTP_FROM must be an email address/);
    }
  });
});

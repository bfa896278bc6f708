import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ConfigError, parseConfig, sessionSecret } from "@/lib/config";

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

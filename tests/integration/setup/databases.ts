// Throwaway databases for tests: a fresh SQLite file in its own temp folder, or a uniquely
// named PostgreSQL database on the server TEST_POSTGRES_URL names. drop() removes either.
import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import type { DatabaseConfig } from "../../../lib/config";

export type TestDatabase = { database: DatabaseConfig; drop(): Promise<void> };

async function onServer<T>(serverUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export async function createTestDatabase(provider: "sqlite" | "postgresql"): Promise<TestDatabase> {
  if (provider === "sqlite") {
    const dir = mkdtempSync(join(tmpdir(), "drawbridge-test-"));
    const filePath = join(dir, "test.db");
    return {
      database: { provider, url: `file:${filePath}`, filePath },
      drop: () => rm(dir, { recursive: true, force: true }),
    };
  }

  const serverUrl = process.env.TEST_POSTGRES_URL;
  if (!serverUrl) throw new Error("TEST_POSTGRES_URL must name a PostgreSQL server for the PostgreSQL tests.");
  const name = `drawbridge_test_${Date.now()}_${randomBytes(4).toString("hex")}`;
  await onServer(serverUrl, (client) => client.query(`CREATE DATABASE "${name}"`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    database: { provider, url: url.toString() },
    drop: () => onServer(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => {}),
  };
}

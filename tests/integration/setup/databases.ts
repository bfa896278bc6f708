// Throwaway databases for tests: a fresh SQLite file in its own temp folder, or a uniquely
// named PostgreSQL database on the server TEST_POSTGRES_URL names. drop() removes either.
import { mkdtempSync } from "node:fs";
import { rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { DatabaseConfig } from "../../../lib/config";
import { createThrowawayPostgres } from "../../../scripts/db/throwaway-postgres";

export type TestDatabase = { database: DatabaseConfig; drop(): Promise<void> };

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
  const { url, drop } = await createThrowawayPostgres(serverUrl, "drawbridge_test");
  return { database: { provider, url }, drop };
}

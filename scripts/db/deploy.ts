// Applying the migrations, like `prisma migrate deploy` (same `_prisma_migrations` table, same
// sha256 checksums): `npm run db:migrate`, `npm start` before it starts the server, and the tests.
import { existsSync, mkdirSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import type { DatabaseConfig } from "../../lib/config";
import { pgFactory, sqliteFactory, TrackedFactory } from "./adapters";
import { noFilters, withEngine } from "./engine";
import { readMigrationsList } from "./migrations-folder";
import { passwordsOf } from "./secrets";

/**
 * Applies the pending migrations of `prisma/migrations/<provider>/`, like `prisma migrate deploy`.
 * Returns the names applied now (none when the database was up to date).
 */
export async function applyMigrations(database: DatabaseConfig): Promise<{ applied: string[] }> {
  const migrationsList = readMigrationsList(database.provider);
  const names = migrationsList.migrationDirectories.map((migration) => migration.path);
  if (await allRecorded(database, names)) return { applied: [] };
  let factory: TrackedFactory;
  if (database.provider === "sqlite") {
    mkdirSync(dirname(database.filePath), { recursive: true });
    // WAL is a property of the file: set once here, every later connection gets it.
    const file = new Database(database.filePath, { timeout: 5000 });
    try {
      file.pragma("journal_mode = WAL");
    } finally {
      file.close();
    }
    factory = new TrackedFactory(
      () => sqliteFactory(database.url),
      () => Promise.reject(new Error("applying migrations needs no shadow database")),
      "sqlite",
    );
  } else {
    factory = new TrackedFactory(
      () => pgFactory(database.url),
      () => Promise.reject(new Error("applying migrations needs no shadow database")),
      "postgresql",
    );
  }
  const { appliedMigrationNames } = await withEngine(
    database.provider,
    factory,
    passwordsOf(database.url),
    (engine) => engine.applyMigrations({ migrationsList, filters: noFilters }),
  );
  return { applied: appliedMigrationNames };
}

/**
 * True when every migration is already recorded as finished. Checked with one plain query,
 * so a restart beside a running server (which holds the SQLite file) needs no engine and no
 * exclusive lock; anything unexpected falls through to the engine, which decides.
 */
async function allRecorded(database: DatabaseConfig, names: readonly string[]): Promise<boolean> {
  const query =
    "SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL";
  try {
    let recorded: string[];
    if (database.provider === "sqlite") {
      if (!existsSync(database.filePath)) return false;
      const file = new Database(database.filePath, { readonly: true, fileMustExist: true, timeout: 5000 });
      try {
        recorded = (file.prepare(query).all() as { migration_name: string }[]).map((row) => row.migration_name);
      } finally {
        file.close();
      }
    } else {
      const client = new pg.Client({ connectionString: database.url, connectionTimeoutMillis: 5000 });
      await client.connect();
      try {
        recorded = (await client.query<{ migration_name: string }>(query)).rows.map((row) => row.migration_name);
      } finally {
        await client.end();
      }
    }
    const done = new Set(recorded);
    return names.every((name) => done.has(name));
  } catch {
    return false;
  }
}

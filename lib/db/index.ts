// The one Prisma client, built with the driver adapter that DATABASE_URL names.
// Only lib/data (and lib/auth's adapter) import this module.
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { config, type DatabaseConfig } from "@/lib/config";
import { PrismaClient as PostgresClient } from "./generated/postgresql/client";
import { PrismaClient as SqliteClient } from "./generated/sqlite/client";

/** Both generated clients have identical models; the SQLite one's type stands for both. */
export type Db = SqliteClient;

export function createDb(database: DatabaseConfig): Db {
  if (database.provider === "sqlite") {
    mkdirSync(dirname(database.filePath), { recursive: true });
    // WAL lets readers carry on while a write commits; a busy timeout queues concurrent writers.
    const adapter = new PrismaBetterSqlite3({ url: database.url, timeout: 5000 });
    return new SqliteClient({ adapter });
  }
  const adapter = new PrismaPg({ connectionString: database.url, connectionTimeoutMillis: 5000 });
  return new PostgresClient({ adapter }) as unknown as Db;
}

const globalForDb = globalThis as unknown as { drawbridgeDb?: Db };

/** The process's client, made on first use (never at import, so builds need no database). */
export function db(): Db {
  globalForDb.drawbridgeDb ??= createDb(config().database);
  return globalForDb.drawbridgeDb;
}

export function databaseProvider(): DatabaseConfig["provider"] {
  return config().database.provider;
}

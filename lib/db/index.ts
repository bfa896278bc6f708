// The one Prisma client, built with the driver adapter that DATABASE_URL names.
// Only lib/data (and lib/auth's adapter) import this module.
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { config, type DatabaseConfig } from "@/lib/config";
import { PrismaClient as PostgresClient } from "./generated/postgresql/client";
import { PrismaClient as SqliteClient } from "./generated/sqlite/client";

/** Raw SQL fragments (Prisma.sql, Prisma.empty); both clients share the one runtime. */
export { Prisma } from "./generated/sqlite/client";

/** Both generated clients have identical models; the SQLite one's type stands for both. */
export type Db = SqliteClient;

export function createDb(database: DatabaseConfig): Db {
  if (database.provider === "sqlite") {
    mkdirSync(dirname(database.filePath), { recursive: true });
    return new SqliteClient({ adapter: tunedSqlite(database.url) });
  }
  const adapter = new PrismaPg({ connectionString: database.url, connectionTimeoutMillis: 5000 });
  return new PostgresClient({ adapter }) as unknown as Db;
}

/**
 * SQLite as a server database: the file is in WAL mode (set by the migrations), so readers
 * never wait for a writer, and with synchronous=NORMAL a commit is safe against a crash or
 * restart of the server without an fsync on every write (only a power cut can lose the
 * last moments). A busy timeout queues writers instead of failing them.
 */
function tunedSqlite(url: string): SqlDriverAdapterFactory {
  const factory = new PrismaBetterSqlite3({ url, timeout: 5000 });
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    async connect() {
      const connection = await factory.connect();
      await connection.executeScript("PRAGMA synchronous = NORMAL;");
      return connection;
    },
  };
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

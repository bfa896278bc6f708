// The one Prisma client, built with the driver adapter that DATABASE_URL names.
// Only lib/data (and lib/auth's adapter) import this module.
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import {
  DriverAdapterError,
  type SqlDriverAdapter,
  type SqlDriverAdapterFactory,
  type SqlQuery,
  type Transaction,
} from "@prisma/driver-adapter-utils";
import { config, DEFAULT_DATABASE_POOL_SIZE, type DatabaseConfig } from "@/lib/config";
import { log } from "@/lib/log";
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
  // At most poolSize connections (DATABASE_POOL_SIZE); a request waits up to 5 s for a free one.
  const adapter = new PrismaPg({ connectionString: database.url, connectionTimeoutMillis: 5000, max: database.poolSize ?? DEFAULT_DATABASE_POOL_SIZE });
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
      return oneWriterAtATime(connection);
    },
  };
}

/** How often a statement refused with SQLITE_BUSY (after the busy timeout) is tried in all. */
const BUSY_ATTEMPTS = 3;

/**
 * The process's one SQLite connection, made safe for several processes sharing the file:
 * - a transaction begins IMMEDIATE, taking the write lock before its first read, so the busy
 *   timeout queues it behind another process's writer; a deferred BEGIN (the adapter's) reads
 *   first and then fails at once with SQLITE_BUSY_SNAPSHOT when the other process wrote meanwhile;
 * - a statement outside a transaction waits for the open transaction to end instead of running
 *   inside it (the adapter shares the connection, so it would commit or roll back with it).
 *   So inside db().$transaction use its `tx` only: a db() call there waits for its own transaction;
 * - SQLITE_BUSY that outlasts the busy timeout is retried a few times with jitter;
 * - Prisma is told SQLite's real limit on bind values.
 */
function oneWriterAtATime(connection: SqlDriverAdapter): SqlDriverAdapter {
  let tail = Promise.resolve();
  const turn = (): Promise<() => void> => {
    const previous = tail;
    let release!: () => void;
    tail = new Promise<void>((resolve) => (release = resolve));
    return previous.then(() => release);
  };
  const alone = async <T>(work: () => Promise<T>): Promise<T> => {
    const release = await turn();
    try {
      return await retryWhenBusy(work);
    } finally {
      release();
    }
  };
  const statement = (sql: string): SqlQuery => ({ sql, args: [], argTypes: [] });

  return {
    provider: connection.provider,
    adapterName: connection.adapterName,
    queryRaw: (query) => alone(() => connection.queryRaw(query)),
    executeRaw: (query) => alone(() => connection.executeRaw(query)),
    executeScript: (script) => alone(() => connection.executeScript(script)),
    // Prisma assumes 999 bind values for SQLite and refuses a larger query outright, even the
    // one it makes itself by merging concurrent findUnique calls; SQLite's real limit is 32,766.
    getConnectionInfo: () => ({ supportsRelationJoins: false, ...connection.getConnectionInfo?.(), maxBindValues: 32_766 }),
    dispose: () => connection.dispose(),
    async startTransaction(isolationLevel) {
      // SQLite transactions are always serializable; the adapter refuses any other level too.
      if (isolationLevel && isolationLevel !== "SERIALIZABLE") {
        throw new DriverAdapterError({ kind: "InvalidIsolationLevel", level: isolationLevel });
      }
      const release = await turn();
      try {
        await retryWhenBusy(() => connection.executeRaw(statement("BEGIN IMMEDIATE")));
      } catch (error) {
        release();
        throw error;
      }
      // Prisma sends COMMIT or ROLLBACK itself (usePhantomQuery: false), then calls these.
      return {
        provider: connection.provider,
        adapterName: connection.adapterName,
        options: { usePhantomQuery: false },
        queryRaw: (query) => connection.queryRaw(query),
        executeRaw: (query) => connection.executeRaw(query),
        commit: async () => release(),
        rollback: async () => release(),
        createSavepoint: async (name) => void (await connection.executeRaw(statement(`SAVEPOINT ${name}`))),
        rollbackToSavepoint: async (name) => void (await connection.executeRaw(statement(`ROLLBACK TO ${name}`))),
        releaseSavepoint: async (name) => void (await connection.executeRaw(statement(`RELEASE SAVEPOINT ${name}`))),
      } satisfies Transaction;
    },
  };
}

/** The adapter reports SQLite's error code as the cause's originalCode (SQLITE_BUSY, SQLITE_BUSY_SNAPSHOT…). */
function isBusy(error: unknown): boolean {
  const code = (error as { cause?: { originalCode?: unknown } } | null)?.cause?.originalCode;
  return typeof code === "string" && code.startsWith("SQLITE_BUSY");
}

async function retryWhenBusy<T>(work: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (!isBusy(error) || attempt >= BUSY_ATTEMPTS) throw error;
      log.warn("db.sqlite_busy_retry", { attempt });
      await new Promise((resolve) => setTimeout(resolve, 20 * attempt + Math.random() * 40));
    }
  }
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

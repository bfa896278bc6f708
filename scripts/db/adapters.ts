// The driver adapters as the wasm schema engine needs them (scripts/db/engine.ts): every
// connection tracked and closed, multi-statement SQL run on SQLite, PostgreSQL's "char" read as
// text, and adapter errors the engine cannot deserialize made readable.
//
// Pin-sensitive: @prisma/adapter-* and @prisma/driver-adapter-utils are pinned exactly in
// package.json; a version bump is checked here and by tests/integration/migrations.test.ts.
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import pg from "pg";
import type { Provider } from "./migrations-folder";

/**
 * Wraps an adapter factory so that every connection the engine opens (main and shadow) is
 * tracked and closed when we are done: `engine.free()` does not dispose them, and an open
 * better-sqlite3 handle keeps the file locked, an open pg pool keeps the process alive.
 */
export class TrackedFactory implements SqlMigrationAwareDriverAdapterFactory {
  readonly provider: "sqlite" | "postgres";
  readonly adapterName: string;
  private readonly open = new Set<SqlDriverAdapter>();

  constructor(
    private readonly main: () => SqlMigrationAwareDriverAdapterFactory,
    private readonly shadow: () => Promise<SqlDriverAdapter>,
    provider: Provider,
  ) {
    const sample = main();
    this.provider = provider === "sqlite" ? "sqlite" : "postgres";
    this.adapterName = sample.adapterName;
  }

  async connect(): Promise<SqlDriverAdapter> {
    return this.track(await this.main().connect());
  }

  async connectToShadowDb(): Promise<SqlDriverAdapter> {
    return this.track(await this.shadow());
  }

  async disposeAll(): Promise<void> {
    const adapters = [...this.open];
    this.open.clear();
    await Promise.allSettled(adapters.map((adapter) => adapter.dispose()));
  }

  private track(adapter: SqlDriverAdapter): SqlDriverAdapter {
    const dispose = adapter.dispose.bind(adapter);
    let disposed: Promise<void> | undefined;
    // The engine may dispose an adapter itself; closing a pg pool twice throws, so make it idempotent.
    adapter.dispose = () => {
      this.open.delete(adapter);
      disposed ??= dispose();
      return disposed;
    };
    if (adapter.provider === "sqlite") {
      // The engine replays a whole migration.sql through executeRaw, but better-sqlite3 prepares
      // one statement at a time. Without parameters, run multi-statement SQL as a script.
      const executeRaw = adapter.executeRaw.bind(adapter);
      adapter.executeRaw = async (query) => {
        if (query.args.length > 0) return executeRaw(query);
        try {
          return await executeRaw(query);
        } catch (error) {
          if (!/more than one statement/i.test(String((error as Error).message))) throw error;
          await adapter.executeScript(query.sql);
          return 0;
        }
      };
    }
    // Adapter error kinds the engine can't deserialize become plain errors with a readable message.
    for (const method of ["queryRaw", "executeRaw", "executeScript"] as const) {
      const run = adapter[method].bind(adapter) as (input: never) => Promise<never>;
      (adapter[method] as (input: never) => Promise<unknown>) = (input) =>
        run(input).catch((error: unknown) => {
          throw translateAdapterError(error, adapter.provider);
        });
    }
    this.open.add(adapter);
    return adapter;
  }
}

/**
 * The engine knows most adapter error kinds, but not "SocketTimeout", which better-sqlite3's
 * adapter reports for SQLITE_BUSY: the engine takes SQLite's file exclusively while it migrates
 * (`PRAGMA locking_mode=EXCLUSIVE`, like the native engine), so any other open connection,
 * such as a running server, makes it wait 5 s and fail. Say that instead of "unknown variant".
 */
function translateAdapterError(error: unknown, provider: SqlDriverAdapter["provider"]): unknown {
  const kind = (error as { cause?: { kind?: unknown } } | null)?.cause?.kind;
  if (kind !== "SocketTimeout") return error;
  return new Error(
    provider === "sqlite"
      ? "The SQLite database is locked: another connection has it open (stop the running server, then migrate)."
      : "The database did not answer in time.",
  );
}

/**
 * The engine introspects PostgreSQL's catalogs, where some columns have the internal `"char"`
 * type (OID 18). adapter-pg 7.10 refuses to read it; it is a one-byte string, so report it as
 * text (OID 25).
 */
const PG_CHAR_OID = 18;
const PG_TEXT_OID = 25;
type PgResultLike = { fields?: { dataTypeID: number }[] };
function charAsText<T>(result: T): T {
  for (const one of (Array.isArray(result) ? result : [result]) as PgResultLike[]) {
    for (const field of one?.fields ?? []) if (field.dataTypeID === PG_CHAR_OID) field.dataTypeID = PG_TEXT_OID;
  }
  return result;
}
class MigrationPgClient extends pg.Client {}
(MigrationPgClient.prototype as unknown as { query: (...args: unknown[]) => unknown }).query = function (
  this: pg.Client,
  ...args: unknown[]
) {
  const last = args.length - 1;
  const callback = args[last];
  if (typeof callback === "function") {
    args[last] = (error: unknown, result: unknown) => callback(error, error ? result : charAsText(result));
    return (pg.Client.prototype.query as (...a: unknown[]) => unknown).apply(this, args);
  }
  const returned = (pg.Client.prototype.query as (...a: unknown[]) => unknown).apply(this, args);
  return returned instanceof Promise ? returned.then(charAsText) : returned;
};

export function pgFactory(url: string): PrismaPg {
  // A short pool: the engine runs its statements one after another.
  return new PrismaPg({ connectionString: url, connectionTimeoutMillis: 5000, max: 2, Client: MigrationPgClient });
}

export function sqliteFactory(url: string): PrismaBetterSqlite3 {
  return new PrismaBetterSqlite3({ url, timeout: 5000 });
}

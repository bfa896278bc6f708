// Authoring a migration (`npm run db:new-migration`): the SQL that brings what each
// migrations folder produces to its schema file, written as a new migration for both databases.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pgFactory, sqliteFactory, TrackedFactory } from "./adapters";
import { noFilters, withEngine } from "./engine";
import {
  lockfileContent,
  lockfileName,
  migrationFileName,
  migrationsDir,
  providers,
  readMigrationsList,
  schemaPath,
  type Provider,
} from "./migrations-folder";
import { passwordsOf } from "./secrets";
import { withThrowawayPostgres } from "./throwaway-postgres";

/** Where a temporary PostgreSQL database for replaying migrations may be created. */
function shadowBaseUrl(env: Record<string, string | undefined> = process.env): string {
  const databaseUrl = env.DATABASE_URL?.trim();
  const url =
    env.SHADOW_DATABASE_URL?.trim() ||
    env.TEST_POSTGRES_URL?.trim() ||
    (databaseUrl && /^postgres(ql)?:\/\//i.test(databaseUrl) ? databaseUrl : undefined);
  if (!url) {
    throw new Error(
      "Replaying the PostgreSQL migrations needs a PostgreSQL server: set SHADOW_DATABASE_URL (or TEST_POSTGRES_URL) to postgresql://user:password@host:5432/postgres.",
    );
  }
  return url;
}

export type PendingChangesOptions = {
  /** Where SHADOW_DATABASE_URL / TEST_POSTGRES_URL / DATABASE_URL are read (default process.env). */
  env?: Record<string, string | undefined>;
};

/**
 * The SQL that would bring what `prisma/migrations/<provider>/` produces to the provider's
 * current schema file; null when they already agree.
 *
 * Why "from" is a replay of the migrations folder in a shadow database: the only thing that
 * knows what the migrations produce is running them. Diffing from a saved copy of the previous
 * schema would miss hand-edited migration.sql files, and a schema reconstructed from the other
 * provider's migrations describes the wrong folder. A PostgreSQL server is needed either way:
 * the wasm engine opens (and queries) a live connection as soon as it is constructed, even to
 * diff two schema files. So:
 * - SQLite: replay into an in-memory SQLite database (nothing to clean up, no server);
 * - PostgreSQL: replay into a temporary database we create and drop on the server named by
 *   SHADOW_DATABASE_URL, TEST_POSTGRES_URL or a postgres DATABASE_URL. We make the shadow
 *   ourselves because PrismaPg.connectToShadowDb() built from a connection string points the
 *   "shadow" at the main database.
 */
export async function pendingMigrationSql(
  provider: Provider,
  options: PendingChangesOptions = {},
): Promise<string | null> {
  const migrationsList = readMigrationsList(provider);
  const path = schemaPath(provider);
  const diff = (factory: TrackedFactory, secrets: string[]) =>
    withEngine(provider, factory, secrets, async (engine) => {
      const result = await engine.diff({
        from: { tag: "migrations", ...migrationsList },
        to: { tag: "schemaDatamodel", files: [{ path, content: readFileSync(path, "utf8") }] },
        script: true,
        exitCode: true,
        filters: noFilters,
      });
      // exitCode 2: the two differ, stdout is the script; 0: nothing to do.
      return result.exitCode === 2 ? (result.stdout ?? "") : null;
    });

  if (provider === "sqlite") {
    const memory = () => sqliteFactory(":memory:");
    return diff(new TrackedFactory(memory, () => memory().connectToShadowDb(), "sqlite"), []);
  }
  const baseUrl = shadowBaseUrl(options.env);
  return withThrowawayPostgres(baseUrl, "drawbridge_shadow", (shadowUrl) => {
    const shadow = () => pgFactory(shadowUrl);
    return diff(new TrackedFactory(shadow, () => shadow().connect(), "postgresql"), passwordsOf(baseUrl));
  });
}

const migrationNamePattern = /^[a-z0-9_]+$/;

/** UTC `YYYYMMDDHHMMSS`, as Prisma names migrations; always after every existing one. */
function nextTimestamp(): string {
  const existing = providers
    .flatMap((provider) => readMigrationsList(provider).migrationDirectories.map((dir) => dir.path))
    .map((name) => /^(\d{14})_/.exec(name)?.[1])
    .filter((stamp): stamp is string => Boolean(stamp))
    .sort();
  const now = new Date();
  const format = (date: Date) => date.toISOString().replace(/[-:T]/g, "").slice(0, 14);
  let stamp = format(now);
  const latest = existing.at(-1);
  if (latest && stamp <= latest) {
    const parsed = new Date(
      Date.UTC(
        Number(latest.slice(0, 4)),
        Number(latest.slice(4, 6)) - 1,
        Number(latest.slice(6, 8)),
        Number(latest.slice(8, 10)),
        Number(latest.slice(10, 12)),
        Number(latest.slice(12, 14)) + 1,
      ),
    );
    stamp = format(parsed);
  }
  return stamp;
}

/**
 * Writes `prisma/migrations/<provider>/<timestamp>_<name>/migration.sql` for each provider whose
 * schema differs from what its migrations produce (both folders get the same timestamp).
 * Every diff is computed before anything is written.
 */
export async function createMigration(
  name: string,
  options: PendingChangesOptions = {},
): Promise<{ created: string[] } | { created: []; reason: "no changes" }> {
  if (!migrationNamePattern.test(name)) {
    throw new Error(`Migration name ${JSON.stringify(name)} must use only lowercase letters, digits and underscores.`);
  }
  const changes: { provider: Provider; sql: string }[] = [];
  for (const provider of providers) {
    const sql = await pendingMigrationSql(provider, options);
    if (sql !== null) changes.push({ provider, sql });
  }
  if (changes.length === 0) return { created: [], reason: "no changes" };

  const folder = `${nextTimestamp()}_${name}`;
  const created: string[] = [];
  for (const { provider, sql } of changes) {
    const base = migrationsDir(provider);
    mkdirSync(join(base, folder), { recursive: true });
    const lockPath = join(base, lockfileName);
    if (!existsSync(lockPath)) {
      writeFileSync(lockPath, lockfileContent(provider));
      created.push(lockPath);
    }
    const file = join(base, folder, migrationFileName);
    writeFileSync(file, sql.endsWith("\n") ? sql : `${sql}\n`);
    created.push(file);
  }
  return { created };
}

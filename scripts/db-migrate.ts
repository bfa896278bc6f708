// `npm run db:migrate`: applies pending migrations to the database DATABASE_URL names
// (SQLite by default), exactly like `prisma migrate deploy`, with no engine to download.
import { ConfigError, parseConfig, redactUrl, type DatabaseConfig } from "../lib/config";
import { applyMigrations } from "./db/deploy";

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

/** Where the migrations went, for people: the SQLite file, or the PostgreSQL URL without its password. */
function describe(database: DatabaseConfig): string {
  return database.provider === "sqlite"
    ? `SQLite database ${database.filePath}`
    : `PostgreSQL database ${redactUrl(database.url)}`;
}

async function main() {
  let database: DatabaseConfig;
  try {
    database = parseConfig(process.env).database;
  } catch (error) {
    if (error instanceof ConfigError) fail(error.message);
    throw error;
  }

  let applied: string[];
  try {
    ({ applied } = await applyMigrations(database));
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    fail(`Could not apply migrations to the ${describe(database)}: ${why.split("\n")[0]}`);
  }
  for (const name of applied) console.log(`Applied migration ${name}`);
  console.log(
    applied.length === 0
      ? `No pending migrations: the ${describe(database)} is up to date.`
      : `Applied ${applied.length} migration(s) to the ${describe(database)}.`,
  );
}

main().catch((error: unknown) => {
  fail(`db:migrate failed: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`);
});

// `npm run db:new-migration -- <name>`: after editing prisma/schema.prisma, writes the SQL that
// brings each database from what its migrations produce to the new schema:
// prisma/migrations/{sqlite,postgresql}/<timestamp>_<name>/migration.sql.
// PostgreSQL's migration is computed in a temporary database on the server named by
// SHADOW_DATABASE_URL, TEST_POSTGRES_URL or a postgres DATABASE_URL (created and dropped here).
import { relative } from "node:path";
import { createMigration } from "./db/author";
import { writePostgresSchema } from "./lib/schema-sync.mjs";

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

async function main() {
  const args = process.argv.slice(2);
  const name = args[0];
  if (args.length !== 1 || !name) {
    fail("Usage: npm run db:new-migration -- <name>   (for example: npm run db:new-migration -- add_reminders)");
  }
  if (!/^[a-z0-9_]+$/.test(name)) {
    fail(`The migration name ${JSON.stringify(name)} can only use lowercase letters, digits and underscores (for example: add_reminders).`);
  }

  writePostgresSchema(); // prisma/postgresql/schema.prisma follows prisma/schema.prisma first
  let result: Awaited<ReturnType<typeof createMigration>>;
  try {
    result = await createMigration(name);
  } catch (error) {
    fail(`Could not create the migration: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`);
  }
  if (result.created.length === 0) {
    console.log("No schema changes.");
    return;
  }
  for (const file of result.created) console.log(`Wrote ${relative(process.cwd(), file)}`);
  console.log("Review the SQL, then apply it with `npm run db:migrate` (and regenerate the clients with `npm run db:schema`).");
}

main().catch((error: unknown) => {
  fail(`db:new-migration failed: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`);
});

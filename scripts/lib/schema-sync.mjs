// prisma/schema.prisma (SQLite) is the one source of truth for the models.
// The PostgreSQL schema is the same text with its provider and output swapped.
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const sqliteSchemaPath = join(root, "prisma", "schema.prisma");
export const postgresSchemaPath = join(root, "prisma", "postgresql", "schema.prisma");

const header =
  "// GENERATED from prisma/schema.prisma by `npm run db:schema`. Edit that file, not this one.\n";

export function postgresSchemaFrom(sqliteSchema) {
  const swapped = sqliteSchema
    .replace('provider = "sqlite"', 'provider = "postgresql"')
    .replace('output   = "../lib/db/generated/sqlite"', 'output   = "../../lib/db/generated/postgresql"');
  if (swapped.includes('"sqlite"') || !swapped.includes("generated/postgresql")) {
    throw new Error("prisma/schema.prisma: could not derive the PostgreSQL schema (provider or output line changed?)");
  }
  return header + swapped;
}

export function writePostgresSchema() {
  const text = postgresSchemaFrom(readFileSync(sqliteSchemaPath, "utf8"));
  mkdirSync(dirname(postgresSchemaPath), { recursive: true });
  writeFileSync(postgresSchemaPath, text);
  return text;
}

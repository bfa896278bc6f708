// Generates both Prisma clients (SQLite and PostgreSQL) offline.
// `prisma generate` never runs the schema engine, but the CLI looks for its binary
// first and would try to download it; pointing it at any executable skips that.
import { execFileSync } from "node:child_process";
import { createRequire } from "node:module";
import { writePostgresSchema } from "./lib/schema-sync.mjs";

const require = createRequire(import.meta.url);
const prismaCli = require.resolve("prisma/build/index.js");
const env = {
  ...process.env,
  PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? process.execPath,
  PRISMA_HIDE_UPDATE_MESSAGE: "1",
  CHECKPOINT_DISABLE: "1",
};

writePostgresSchema();
for (const schema of ["prisma/schema.prisma", "prisma/postgresql/schema.prisma"]) {
  execFileSync(process.execPath, [prismaCli, "generate", "--schema", schema], { stdio: ["ignore", "ignore", "inherit"], env });
}
console.log("Generated the Prisma clients for SQLite and PostgreSQL.");

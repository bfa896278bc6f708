import "server-only";
import { databaseProvider, db } from "@/lib/db";

/** Runs a real query; throws when the database cannot be reached. */
export async function checkDatabase(): Promise<{ database: "sqlite" | "postgresql" }> {
  await db().$queryRaw`SELECT 1`;
  return { database: databaseProvider() };
}

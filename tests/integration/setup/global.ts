// Vitest globalSetup for the integration projects: one database per project (per provider),
// migrated once, its URL handed to the tests with `inject("databaseUrl")`, dropped at the end.
import type { TestProject } from "vitest/node";
import { applyMigrations } from "../../../scripts/db/deploy";
import { createTestDatabase } from "./databases";

declare module "vitest" {
  export interface ProvidedContext {
    /** Which database this project runs against (set in vitest.config.mts). */
    provider: "sqlite" | "postgresql";
    /** The migrated test database's URL (set here). */
    databaseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const { provider } = project.getProvidedContext();
  const { database, drop } = await createTestDatabase(provider);
  try {
    await applyMigrations(database);
  } catch (error) {
    await drop();
    throw error;
  }
  project.provide("databaseUrl", database.url);
  return async () => {
    await drop();
  };
}

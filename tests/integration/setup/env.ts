// Runs before each integration test file imports anything: lib/db reads DATABASE_URL.
import { inject } from "vitest";

process.env.DATABASE_URL = inject("databaseUrl");

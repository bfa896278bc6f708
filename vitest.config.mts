import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig, type TestProjectInlineConfiguration } from "vitest/config";

const root = fileURLToPath(new URL(".", import.meta.url));
const shared = {
  plugins: [react()],
  resolve: {
    alias: {
      "@/": root,
      // 'server-only' throws outside React's server build; tests run the server code directly.
      "server-only": fileURLToPath(new URL("./tests/support/server-only.ts", import.meta.url)),
    },
  },
};

// The data layer's tests run once per real database: always SQLite, and PostgreSQL
// whenever TEST_POSTGRES_URL names a server (CI sets it).
const integration = (provider: "sqlite" | "postgresql"): TestProjectInlineConfiguration => ({
  ...shared,
  test: {
    name: `integration-${provider}`,
    environment: "node",
    include: ["tests/integration/**/*.test.{ts,tsx}"],
    globalSetup: ["tests/integration/setup/global.ts"],
    setupFiles: ["tests/integration/setup/env.ts"],
    provide: { provider },
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});

export default defineConfig({
  test: {
    projects: [
      {
        ...shared,
        test: {
          name: "unit",
          environment: "node",
          include: ["tests/unit/**/*.test.{ts,tsx}"],
          setupFiles: ["tests/unit/setup.ts"],
        },
      },
      integration("sqlite"),
      ...(process.env.TEST_POSTGRES_URL ? [integration("postgresql")] : []),
    ],
  },
});

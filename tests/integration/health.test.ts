import { afterEach, describe, expect, inject, it, vi } from "vitest";

// The health route reads the process's one client; each case re-imports it with its own DATABASE_URL.
async function healthWith(databaseUrl: string) {
  vi.resetModules();
  process.env.DATABASE_URL = databaseUrl;
  delete (globalThis as { drawbridgeDb?: unknown }).drawbridgeDb;
  const { GET } = await import("@/app/api/health/route");
  return GET();
}

afterEach(() => {
  process.env.DATABASE_URL = inject("databaseUrl");
  delete (globalThis as { drawbridgeDb?: unknown }).drawbridgeDb;
});

describe("GET /api/health", () => {
  it("answers 200 with the database it queried", async () => {
    const response = await healthWith(inject("databaseUrl"));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok", database: inject("provider") });
  });

  it("answers 503 with a reason when the database cannot be reached", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const response = await healthWith("postgresql://drawbridge@127.0.0.1:9/unreachable");
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({
      status: "unavailable",
      database: "postgresql",
      reason: "The database cannot be reached.",
    });
  });
});

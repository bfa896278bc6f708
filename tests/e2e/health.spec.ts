import { expect, test } from "@playwright/test";

test("the health route reports the embedded SQLite database after a real query", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ status: "ok", database: "sqlite" });
  expect(response.headers()["cache-control"]).toContain("no-store");
});

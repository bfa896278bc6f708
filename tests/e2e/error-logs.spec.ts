import { spawn } from "node:child_process";
import { expect, test } from "@playwright/test";
import { actionId } from "./support/requests";
import { freePort, killQuietly, waitFor } from "./support/processes";

// During a database outage every failing request used to print a multi-line stack trace (807
// lines in one outage). The README promises one-line JSON logs without personal data: each
// failure is one line naming the route and the error's type and code, never its message.
// A server of the test's own runs against a PostgreSQL address where nothing listens.

test.describe.configure({ timeout: 120_000 });

test("a database outage logs one JSON line per failed request, with no stack and no message", async () => {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  let output = "";
  let ready = -1;
  const server = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
    env: { ...process.env, PORT: String(port), DATABASE_URL: "postgresql://drawbridge@127.0.0.1:9/unreachable", NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const collect = (chunk: Buffer) => (output += chunk.toString());
  server.stdout!.on("data", collect);
  server.stderr!.on("data", collect);
  try {
    await waitFor("the server", async () => (await fetch(`${url}/api/health`).catch(() => null))?.status === 503);
    ready = output.length;

    const startQuiz = actionId("startQuiz");
    const form = new FormData();
    form.set(`$ACTION_ID_${startQuiz}`, "");
    const failing = [
      () => fetch(`${url}/quiz`, { method: "POST", headers: { Origin: url }, body: form }), // the no-JavaScript start button
      () => fetch(`${url}/quiz`, { method: "POST", headers: { Origin: url, "next-action": startQuiz, "Content-Type": "text/plain;charset=UTF-8" }, body: "[]" }),
      () => fetch(`${url}/me`, { headers: { Cookie: "drawbridge.session_token=made-up.signature" } }),
      () => fetch(`${url}/api/lessons/the-pattern-from-inside/progress`, { method: "POST", headers: { "Content-Type": "application/json" }, body: '{"step":1}' }),
    ];
    const statuses: number[] = [];
    for (const request of failing) statuses.push((await request()).status);
    await new Promise((resolve) => setTimeout(resolve, 500)); // let the last lines reach the pipe

    const lines = output.slice(ready).split("\n").filter((line) => line.trim() !== "");
    console.log(`fault: ${failing.length} requests during an outage (statuses ${statuses.join(", ")}), ${lines.length} log line(s)`);
    for (const line of lines) {
      expect(() => JSON.parse(line), line).not.toThrow();
      expect(line).not.toMatch(/\bat .+:\d+:\d+|127\.0\.0\.1:9|unreachable/); // no stack frame, no message text
    }
    // At most one line per request (health's own line included): not one per stack frame.
    expect(lines.length).toBeLessThanOrEqual(failing.length + 2);
    const failed = lines.map((line) => JSON.parse(line) as Record<string, unknown>).filter((entry) => entry.event === "request.failed");
    expect(failed.length).toBe(statuses.filter((status) => status >= 500 && status !== 503).length);
    for (const entry of failed) expect(entry).toMatchObject({ level: "error", route: expect.any(String), errorType: expect.any(String) });
  } finally {
    server.kill("SIGTERM");
    await new Promise((resolve) => server.once("exit", resolve));
    if (server.exitCode === null) killQuietly(server.pid!);
  }
});

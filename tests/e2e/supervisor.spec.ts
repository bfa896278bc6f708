import { spawn, type ChildProcess } from "node:child_process";
import { rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import { descendants, freePort, healthy, killQuietly, waitFor } from "./support/processes";

// `npm start` must not leave a dead server behind: when the Next.js server process dies (out of
// memory, a crash, kill -9), the start script starts it again, logging one line. This test runs
// its own `npm start` (scripts/start.ts) on a port and database of its own, on the same build.

test.describe.configure({ timeout: 120_000 });

function nextServer(start: ChildProcess) {
  return descendants(start.pid!).find((process) => process.command.startsWith("next-server"));
}

test("the server is started again after it is killed, with one line in the log, and stops for good on SIGTERM", async () => {
  const port = await freePort();
  const database = join(tmpdir(), `drawbridge-supervisor-${port}.db`);
  const url = `http://127.0.0.1:${port}`;
  let output = "";
  const start = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
    env: { ...process.env, PORT: String(port), DATABASE_URL: `file:${database}`, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  start.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  start.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => start.on("exit", (code) => resolve(code)));
  try {
    await waitFor("the first start", () => healthy(url));
    const first = nextServer(start);
    expect(first, "a next-server process under npm start").toBeDefined();

    process.kill(first!.pid, "SIGKILL");
    await waitFor("the restart", async () => {
      const now = nextServer(start);
      return now !== undefined && now.pid !== first!.pid && (await healthy(url));
    });
    const restartLines = output.split("\n").filter((line) => line.includes('"server.restarting"'));
    console.log(`fault: 1 SIGKILL of the server, ${restartLines.length} restart line(s)`);
    expect(restartLines).toHaveLength(1);
    expect(JSON.parse(restartLines[0]!)).toMatchObject({ level: "warn", event: "server.restarting", signal: "SIGKILL" });

    start.kill("SIGTERM");
    expect([0, 143]).toContain(await exited); // next start ends with 143 (128 + SIGTERM), passed on
    expect(descendants(start.pid!)).toEqual([]); // nothing left behind, nothing restarted
    expect(await healthy(url)).toBe(false);
  } finally {
    if (start.exitCode === null) start.kill("SIGKILL");
    for (const process of descendants(start.pid!)) killQuietly(process.pid);
    rmSync(database, { force: true });
    rmSync(`${database}-wal`, { force: true });
    rmSync(`${database}-shm`, { force: true });
  }
});

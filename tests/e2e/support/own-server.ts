// A production server the test controls itself (not Playwright's shared webServer): started on
// a free port against a database of the test's choosing, from the build `npm run test:e2e`
// made, and killed, stopped or restarted when the test says so.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { freePort } from "./processes";

const root = path.join(__dirname, "..", "..", "..");
const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");
const tsxBin = path.join(root, "node_modules", ".bin", "tsx");

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class OwnServer {
  readonly url: string;
  private process: ChildProcess | null = null;
  private output = "";
  /** The server's environment (its database, data directory and secrets): support/seed.ts writes with it. */
  readonly env: NodeJS.ProcessEnv;

  private constructor(
    readonly port: number,
    databaseUrl: string,
    dataDir: string,
    extraEnv: Record<string, string> = {},
  ) {
    this.url = `http://127.0.0.1:${port}`;
    this.env = {
      ...process.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      PORT: String(port),
      APP_URL: this.url,
      DATABASE_URL: databaseUrl,
      DATA_DIR: dataDir,
      // Fixed for the server's lifetime, so sessions and encrypted texts survive a restart.
      SESSION_SECRET: randomBytes(32).toString("hex"),
      APP_ENCRYPTION_KEY: randomBytes(32).toString("hex"),
      // A test's own settings last: shared secrets for several processes, APP_URL behind a proxy…
      ...extraEnv,
    };
  }

  /**
   * Applies the migrations to `databaseUrl` and starts `next start` on a free port, with
   * `extraEnv` over the defaults (APP_URL, the secrets, anything else the test sets).
   */
  static async start(databaseUrl: string, dataDir: string, extraEnv: Record<string, string> = {}): Promise<OwnServer> {
    const server = new OwnServer(await freePort(), databaseUrl, dataDir, extraEnv);
    const migrate = spawnSync(tsxBin, ["scripts/db-migrate.ts"], { cwd: root, env: server.env, encoding: "utf8" });
    if (migrate.status !== 0) throw new Error(`migrations failed: ${migrate.stderr || migrate.stdout}`);
    await server.restart();
    return server;
  }

  /** The next-server process itself: `next start` serves in the process it was started as. */
  get pid(): number | undefined {
    return this.process?.pid;
  }

  /** Starts the server (again) on the same port and waits until it answers. */
  async restart(): Promise<void> {
    if (this.process) throw new Error("the server is still running");
    const child = spawn(process.execPath, [nextBin, "start", "-H", "127.0.0.1", "-p", String(this.port)], {
      cwd: root,
      env: this.env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    this.process = child;
    child.stdout!.on("data", (chunk: Buffer) => (this.output += chunk.toString()));
    child.stderr!.on("data", (chunk: Buffer) => (this.output += chunk.toString()));
    // If the test's worker goes away without stopping us, the server goes with it.
    const orphaned = () => child.kill("SIGKILL");
    process.once("exit", orphaned);
    child.once("exit", () => {
      process.removeListener("exit", orphaned);
      if (this.process === child) this.process = null;
    });
    for (let tries = 0; tries < 300; tries++) {
      if (!this.process) throw new Error(`the server exited while starting:\n${this.output}`);
      try {
        await fetch(`${this.url}/api/health`);
        return; // any answer: the server is listening (the database may be down on purpose)
      } catch {
        await sleep(100);
      }
    }
    throw new Error(`the server did not answer within 30 s:\n${this.output}`);
  }

  /** Sends `signal` to the server process and waits until it has exited. */
  async kill(signal: NodeJS.Signals = "SIGKILL"): Promise<void> {
    const child = this.process;
    if (!child) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill(signal);
    const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
    await exited;
    clearTimeout(timer);
    this.process = null;
  }

  /** Stops the server for good (SIGTERM, then SIGKILL if it lingers). */
  stop(): Promise<void> {
    return this.kill("SIGTERM");
  }

  /** What the server printed, for a failing test's message. */
  get log(): string {
    return this.output;
  }
}

// A PostgreSQL server of the test's own: its own data directory under /tmp and its own port,
// stopped and started when the test says so, and removed afterwards. Needs Debian's PostgreSQL
// binaries (/usr/lib/postgresql/<version>/bin); postgres refuses to run as root, so as root the
// commands run as the `postgres` user.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import path from "node:path";
import { freePort } from "./processes";
import { createThrowawayPostgres } from "../../../scripts/db/throwaway-postgres";

/** The newest installed PostgreSQL's bin directory, or null when there is none. */
export function postgresBinDir(): string | null {
  const base = "/usr/lib/postgresql";
  if (!existsSync(base)) return null;
  const versions = readdirSync(base)
    .filter((version) => existsSync(path.join(base, version, "bin", "initdb")))
    .sort((a, b) => Number(a) - Number(b));
  return versions.length ? path.join(base, versions.at(-1)!, "bin") : null;
}

export class ThrowawayPostgres {
  readonly url: string;
  private constructor(
    private readonly bin: string,
    private readonly dir: string,
    readonly port: number,
  ) {
    this.url = `postgresql://postgres@127.0.0.1:${port}/postgres`;
  }

  private run(command: string, args: string[]): string {
    const asRoot = process.getuid?.() === 0;
    const [file, argv] = asRoot
      ? ["runuser", ["-u", "postgres", "--", path.join(this.bin, command), ...args]]
      : [path.join(this.bin, command), args];
    const result = spawnSync(file, argv, { cwd: "/", encoding: "utf8", timeout: 90_000 });
    if (result.status !== 0) {
      throw new Error(`${command} ${args.join(" ")} failed (${result.status}): ${result.stderr || result.stdout}`);
    }
    return result.stdout;
  }

  static async create(bin: string): Promise<ThrowawayPostgres> {
    // Under /tmp: the postgres user must be able to reach it.
    const dir = mkdtempSync("/tmp/drawbridge-pg-");
    if (process.getuid?.() === 0) spawnSync("chown", ["postgres:", dir]);
    const server = new ThrowawayPostgres(bin, dir, await freePort());
    // Even if the test's worker exits without its afterAll, the server and its files go.
    process.once("exit", () => server.destroy());
    try {
      server.run("initdb", ["-D", path.join(dir, "data"), "-A", "trust", "-U", "postgres", "--no-sync"]);
      server.start();
    } catch (error) {
      server.destroy();
      throw error;
    }
    return server;
  }

  /** Starts the server and waits until it accepts connections. */
  start(): void {
    this.run("pg_ctl", [
      "start", "-w", "-t", "60", "-D", path.join(this.dir, "data"), "-l", path.join(this.dir, "server.log"),
      "-o", `-c listen_addresses=127.0.0.1 -p ${this.port} -k ${this.dir} -c fsync=off`,
    ]);
  }

  /** Stops the server: active connections are ended, as in an outage. */
  stop(): void {
    this.run("pg_ctl", ["stop", "-w", "-m", "fast", "-D", path.join(this.dir, "data")]);
  }

  /** Stops the server if it runs and removes its data directory; safe to call twice. */
  destroy(): void {
    if (existsSync(path.join(this.dir, "data", "postmaster.pid"))) {
      try {
        this.run("pg_ctl", ["stop", "-w", "-m", "immediate", "-D", path.join(this.dir, "data")]);
      } catch {
        // already stopped
      }
    }
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/**
 * A PostgreSQL database of the test's own: on the machine's server (TEST_POSTGRES_URL) when set,
 * otherwise on a throwaway server of Debian's binaries; null when neither is there.
 */
export async function freshPostgresDatabase(prefix: string): Promise<{ url: string; drop: () => Promise<void> } | null> {
  const admin = process.env.TEST_POSTGRES_URL;
  if (admin) return createThrowawayPostgres(admin, prefix);
  const bin = postgresBinDir();
  if (!bin) return null;
  const server = await ThrowawayPostgres.create(bin);
  return { url: server.url, drop: async () => server.destroy() };
}

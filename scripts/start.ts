// `npm start`: build when there is no build, apply pending migrations, start the server, and
// start it again whenever it dies (out of memory, a crash, kill -9), waiting longer after each
// crash in a row. `npm run dev` does the same with the development server instead of a build.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { ConfigError, encryptionKey, multiProcessProblem, parseConfig, redactUrl, sessionSecret } from "../lib/config";
import { checkRedisOnce } from "../lib/redis";
import { applyMigrations } from "./db/deploy";
import { log } from "../lib/log";
import { REFUSED_EXIT_CODE } from "../lib/startup";
import { RestartPolicy, serverArgs, wasStopped } from "./lib/supervisor";

const require = createRequire(import.meta.url);
const nextBin = require.resolve("next/dist/bin/next");
const dev = process.argv.includes("--dev");
process.env.NEXT_TELEMETRY_DISABLED ??= "1";

function fail(message: string): never {
  console.error(`Drawbridge cannot start: ${message}`);
  process.exit(1);
}

async function main() {
  let app;
  try {
    app = parseConfig(process.env);
    // Checked before data/ gets its files: several processes need their secrets from the environment.
    const problem = multiProcessProblem(app);
    if (problem) fail(problem);
    // Made once here, before any request needs them, so requests never race to create them.
    sessionSecret(app);
    encryptionKey(app);
  } catch (error) {
    if (error instanceof ConfigError) fail(error.message);
    throw error;
  }

  try {
    const { applied } = await applyMigrations(app.database);
    for (const name of applied) console.log(`Applied migration ${name}`);
    console.log(`Database ready (${app.database.provider}, ${applied.length} new migration(s)).`);
  } catch (error) {
    const why = error instanceof Error ? error.message.split("\n")[0] : String(error);
    if (app.database.provider === "sqlite") fail(`could not prepare the SQLite database: ${why}`);
    // A PostgreSQL server may come up after us; serve anyway, and let /api/health say 503 meanwhile.
    console.warn(`Could not reach PostgreSQL at ${redactUrl(app.database.url)} to apply migrations (${why}). Starting anyway; /api/health reports 503 until it answers, and migrations run on the next start.`);
  }

  if (app.redis) {
    const why = await checkRedisOnce(app.redis);
    if (why) fail(`REDIS_URL ${redactUrl(app.redis.url)} cannot be reached (${why}); start Redis or unset REDIS_URL to keep sessions in the database alone.`);
  }

  if (!dev && !existsSync(".next/BUILD_ID")) {
    console.log("No build found: building once (about a minute)…");
    const build = spawnSync(process.execPath, [nextBin, "build"], { stdio: "inherit" });
    if (build.status !== 0) fail("the build failed (see above).");
  }

  supervise(serverArgs(nextBin, { dev, port: app.port, heapGrowingPercent: app.heapGrowingPercent }), { ...process.env, NODE_ENV: dev ? "development" : "production" });
}

/**
 * Runs the server and starts it again when it ends unasked, one log line per restart. SIGINT
 * and SIGTERM stop it for good; so does a server that refuses to run beside the others
 * (REFUSED_EXIT_CODE) or cannot even start (see RestartPolicy).
 */
function supervise(args: string[], env: NodeJS.ProcessEnv) {
  const policy = new RestartPolicy();
  let server: ChildProcess | null = null;
  let pending: NodeJS.Timeout | null = null;
  let stopping = false;

  const run = () => {
    pending = null;
    const startedAt = Date.now();
    server = spawn(process.execPath, args, { stdio: "inherit", env });
    server.on("exit", (code, signal) => {
      server = null;
      if (stopping || wasStopped({ code, signal })) process.exit(code ?? 0);
      if (code === REFUSED_EXIT_CODE) process.exit(1); // it said why in one line; it would refuse again
      const decision = policy.afterExit({ code, signal, ranForMs: Date.now() - startedAt });
      if (!decision.restart) fail(`${decision.reason}; see the lines above.`);
      log.warn("server.restarting", { code, signal, delayMs: decision.delayMs });
      pending = setTimeout(run, decision.delayMs);
    });
  };

  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
      stopping = true;
      if (pending) clearTimeout(pending);
      if (server) server.kill(signal);
      else process.exit(0);
    });
  }
  run();
}

void main();

import { config, ConfigError, encryptionKey, multiProcessProblem, redactUrl, sessionSecret, type AppConfig } from "@/lib/config";
import { checkRedisOnce } from "@/lib/redis";
import { describeError, log } from "@/lib/log";

/** The server's exit code when it refuses to run beside the others: it has said why, and npm start's supervisor does not start it again. */
export const REFUSED_EXIT_CODE = 78;

/** A broken setting stops the server with one clear line, not a stack trace on every request. */
export function exitOnConfigError(): void {
  try {
    config();
    encryptionKey(); // a malformed key file stops the server here, not on the first save
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(`Drawbridge cannot start: ${error.message}`);
    process.exit(1);
  }
}

/**
 * A server that cannot work alongside the others stops here with one line: several processes
 * declared (INSTANCES) with secrets each would make for itself under data/, or a REDIS_URL that
 * does not answer (sessions live there too, so serving without it would accept ended sessions).
 */
export async function exitOnMultiProcessProblem(): Promise<void> {
  const app = config();
  const problem = multiProcessProblem(app);
  if (problem) {
    console.error(`Drawbridge cannot start: ${problem}`);
    process.exit(1);
  }
  if (app.redis) {
    const why = await checkRedisOnce(app.redis);
    if (why) {
      console.error(`Drawbridge cannot start: REDIS_URL ${redactUrl(app.redis.url)} cannot be reached (${why}); start Redis or unset REDIS_URL to keep sessions in the database alone.`);
      process.exit(1);
    }
  }
}

/**
 * Writes this process into the database's list of running processes, with a hash of its secrets,
 * and stops it with one line when another live process there has other secrets: sessions and
 * saved texts made by one would not open on the other (most often, each made its own under
 * data/). Keeps the row renewed while it runs and removes it on a clean stop (SIGTERM, SIGINT).
 * A database that can't be reached yet is no reason to stop (/api/health says 503): the row is
 * then written by the first renewal that gets through, unchecked.
 */
export async function exitOnDifferingSecrets(): Promise<void> {
  const app = config();
  const { forgetProcess, registerProcess, renewProcess, secretsFingerprint, thisProcess, HEARTBEAT_MS } = await import("@/lib/data/server-processes");
  const me = thisProcess(secretsFingerprint(sessionSecret(app), encryptionKey(app)));
  try {
    const [other] = await registerProcess(me);
    if (other) {
      console.error(`Drawbridge cannot start: ${differingSecretsProblem(app, other)}`);
      process.exit(REFUSED_EXIT_CODE); // npm start's supervisor stops too, rather than trying again
    }
  } catch (error) {
    log.warn("server_process.register_failed", describeError(error));
  }
  let failing = false;
  setInterval(() => {
    renewProcess(me).then(
      () => (failing = false),
      (error) => {
        if (!failing) log.warn("server_process.renew_failed", describeError(error)); // once per outage
        failing = true;
      },
    );
  }, HEARTBEAT_MS).unref();
  for (const signal of ["SIGTERM", "SIGINT"] as const) process.once(signal, () => exitAfter(forgetProcess(me.id)));
}

/**
 * On a signal, Next.js closes the server and then calls process.exit, often before a query sent
 * at the same moment is answered. This lets that exit wait for `work`, at most 2 s (a row left
 * behind counts as gone anyway once it is no longer renewed).
 */
function exitAfter(work: Promise<unknown>): void {
  const exit = process.exit.bind(process);
  const done = Promise.race([work.catch(() => {}), new Promise((resolve) => setTimeout(resolve, 2_000).unref())]);
  process.exit = ((code?: number) => {
    void done.finally(() => exit(code));
  }) as typeof process.exit;
}

/** Why this process may not run beside `other`, and what to do, in one line. */
export function differingSecretsProblem(app: AppConfig, other: { host: string; pid: number; seenAt: number }, now = Date.now()): string {
  const fromFiles = [!app.sessionSecret && "session-secret", !app.encryptionKey && "encryption-key"].filter(Boolean);
  const whence = fromFiles.length > 0 ? ` (this one's come from ${fromFiles.map((name) => `${app.dataDir}/${name}`).join(" and ")}, made for this process alone)` : "";
  const seen = Math.max(0, Math.round((now - other.seenAt) / 1000));
  return (
    `another server process on this database (pid ${other.pid} on ${other.host}, seen ${seen} s ago) has a different SESSION_SECRET or APP_ENCRYPTION_KEY${whence}, ` +
    `so sessions and saved texts would not open across them; set SESSION_SECRET, APP_ENCRYPTION_KEY and NEXT_SERVER_ACTIONS_ENCRYPTION_KEY in the environment, the same for every process, or stop the other one.`
  );
}

const CLEANUP_EVERY_MS = 6 * 60 * 60 * 1000;

/**
 * Deletes guest profiles whose sessions have all expired, at start and every six hours: no
 * browser can open them again, so keeping what they hold would only keep personal data around.
 * With DELETE_UNUSED_ACCOUNTS_AFTER_DAYS set, accounts unused that long go in the same round.
 * With several processes on one database, one of them does each round (a lease row in the
 * database); the others skip it.
 */
export function startGuestCleanup(): void {
  const run = async () => {
    try {
      const { cleanUpGuestsOnce } = await import("@/lib/data/guest-cleanup");
      const round = await cleanUpGuestsOnce(CLEANUP_EVERY_MS, { unusedAccountDays: config().deleteUnusedAccountsAfterDays });
      if (!round.ran) log.info("guests.cleanup_skipped", { reason: "another process ran this round" });
      else {
        if (round.deleted > 0) log.info("guests.cleaned", { deleted: round.deleted });
        if (round.accountsDeleted > 0) log.info("accounts.unused_deleted", { deleted: round.accountsDeleted });
      }
    } catch (error) {
      log.warn("guests.cleanup_failed", describeError(error)); // the database may not be up yet; next round
    }
  };
  void run();
  setInterval(run, CLEANUP_EVERY_MS).unref();
}

import { config, ConfigError, encryptionKey, multiProcessProblem, redactUrl } from "@/lib/config";
import { checkRedisOnce } from "@/lib/redis";
import { describeError, log } from "@/lib/log";

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

const CLEANUP_EVERY_MS = 6 * 60 * 60 * 1000;

/**
 * Deletes guest profiles whose sessions have all expired, at start and every six hours: no
 * browser can open them again, so keeping what they hold would only keep personal data around.
 * With several processes on one database, one of them does each round (a lease row in the
 * database); the others skip it.
 */
export function startGuestCleanup(): void {
  const run = async () => {
    try {
      const { cleanUpGuestsOnce } = await import("@/lib/data/guest-cleanup");
      const round = await cleanUpGuestsOnce(CLEANUP_EVERY_MS);
      if (!round.ran) log.info("guests.cleanup_skipped", { reason: "another process ran this round" });
      else if (round.deleted > 0) log.info("guests.cleaned", { deleted: round.deleted });
    } catch (error) {
      log.warn("guests.cleanup_failed", describeError(error)); // the database may not be up yet; next round
    }
  };
  void run();
  setInterval(run, CLEANUP_EVERY_MS).unref();
}

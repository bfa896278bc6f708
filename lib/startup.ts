import { config, ConfigError, encryptionKey } from "@/lib/config";
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

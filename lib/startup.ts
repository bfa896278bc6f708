import { config, ConfigError, encryptionKey } from "@/lib/config";

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

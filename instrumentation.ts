// Runs once when the server starts: a broken setting stops it with one clear line
// instead of failing later, request by request, with a stack trace.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { config, ConfigError } = await import("@/lib/config");
  try {
    config();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(`Drawbridge cannot start: ${error.message}`);
    process.exit(1);
  }
}

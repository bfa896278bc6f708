// Runs once when the server starts. The check lives in a Node-only module so the Edge
// bundle never sees process.exit.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { exitOnConfigError, startGuestCleanup } = await import("@/lib/startup");
    exitOnConfigError();
    if (process.env.NEXT_PHASE !== "phase-production-build") startGuestCleanup();
  }
}

import type { Instrumentation } from "next";
import { logRequestFailure } from "@/lib/log";

// Runs once when the server starts. The check lives in a Node-only module so the Edge
// bundle never sees process.exit.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { exitOnConfigError, exitOnDifferingSecrets, exitOnMultiProcessProblem, startGuestCleanup } = await import("@/lib/startup");
    exitOnConfigError();
    if (process.env.NEXT_PHASE === "phase-production-build") return;
    await exitOnMultiProcessProblem();
    await exitOnDifferingSecrets();
    startGuestCleanup();
    // Development (and the build) keep Next.js's readable stacks; the production server logs one-line JSON.
    if (process.env.NODE_ENV === "production") (await import("@/lib/log")).printErrorsOnOneLine();
  }
}

/** Every error a request ends in, as one log line: route pattern, error type and code, no message. */
export const onRequestError: Instrumentation.onRequestError = (error, request, context) => {
  logRequestFailure(error, request, context);
};

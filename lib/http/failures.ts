// What a route handler answers when a save or read is refused for a reason it didn't check
// itself: a limit (429, 409), a profile deleted meanwhile (404, signed out), or a database that
// can't save or read just now (503). Every other error still goes up to Next.js (and
// instrumentation.ts logs it in one line).
import { isDatabaseUnavailable, isForeignKeyViolation, LimitReached, TooManyRequests } from "@/lib/data/errors";
import { describeError, log } from "@/lib/log";

export const NOTHING_SAVED = "Nothing was saved: the database can't save anything right now. Please try again in a moment.";
export const NOTHING_READ = "Your saved work can't be read right now. Please try again in a moment.";
export const SIGNED_OUT = "You’re signed out: this profile no longer exists, so nothing was saved.";

/** A download of "my data" (the export, the notes) for a browser with nothing stored: a 404 that creates no profile. */
export function nothingStoredResponse(): Response {
  return Response.json(
    { error: "Nothing is stored for this browser, so there is nothing to download." },
    { status: 404, headers: { "Cache-Control": "no-store" } },
  );
}

/** The answer to a refused request, or the error rethrown when it is a real fault. */
export function refusalResponse(error: unknown, method = "POST"): Response {
  if (error instanceof TooManyRequests) {
    return Response.json({ error: error.message }, { status: 429, headers: { "Retry-After": String(error.retryAfterSeconds) } });
  }
  if (error instanceof LimitReached) return Response.json({ error: error.message }, { status: 409 });
  // A write whose profile was deleted between the session lookup and the write (another browser deleted it).
  if (isForeignKeyViolation(error)) return Response.json({ error: SIGNED_OUT }, { status: 404 });
  if (databaseUnavailable(error, method)) {
    const reading = method === "GET" || method === "HEAD";
    return Response.json(
      { error: reading ? NOTHING_READ : NOTHING_SAVED },
      { status: 503, headers: { "Retry-After": "5", "Cache-Control": "no-store" } },
    );
  }
  throw error;
}

/** Wraps a route handler so every refusal above is answered with its status and a reason. */
export function answeringRefusals<Args extends [Request, ...unknown[]]>(handler: (...args: Args) => Promise<Response>) {
  return async (...args: Args): Promise<Response> => {
    try {
      return await handler(...args);
    } catch (error) {
      return refusalResponse(error, args[0].method);
    }
  };
}

/** What a form says when its save is refused for one of the reasons above; real faults are rethrown. */
export function refusalMessage(error: unknown): string {
  if (error instanceof TooManyRequests || error instanceof LimitReached) return error.message;
  if (isForeignKeyViolation(error)) return SIGNED_OUT;
  if (databaseUnavailable(error, "POST")) return NOTHING_SAVED;
  throw error;
}

/** True (and logged, in one line) when the error means the database can't read or save just now. */
export function databaseUnavailable(error: unknown, method: string): boolean {
  if (!isDatabaseUnavailable(error)) return false;
  log.warn("request.database_unavailable", { method, ...describeError(error) });
  return true;
}

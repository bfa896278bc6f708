// What a route handler answers when the database cannot save or read just now: a 503 that
// says kindly what happened, instead of a 500. Every other error still goes up to Next.js
// (and instrumentation.ts logs it in one line).
import { isDatabaseUnavailable } from "@/lib/data/errors";
import { describeError, log } from "@/lib/log";

export const NOTHING_SAVED = "Nothing was saved: the database can't save anything right now. Please try again in a moment.";
export const NOTHING_READ = "Your saved work can't be read right now. Please try again in a moment.";

/** Wraps a route handler so a database outage is answered with 503 and a reason. */
export function answeringOutages<Args extends [Request, ...unknown[]]>(handler: (...args: Args) => Promise<Response>) {
  return async (...args: Args): Promise<Response> => {
    try {
      return await handler(...args);
    } catch (error) {
      if (!isDatabaseUnavailable(error)) throw error;
      const method = args[0].method;
      log.warn("request.database_unavailable", { method, ...describeError(error) });
      const reading = method === "GET" || method === "HEAD";
      return Response.json(
        { error: reading ? NOTHING_READ : NOTHING_SAVED },
        { status: 503, headers: { "Retry-After": "5", "Cache-Control": "no-store" } },
      );
    }
  };
}

import { isForeignKeyViolation, LimitReached, TooManyRequests } from "@/lib/data/errors";

/**
 * The answer a route handler gives when a save is refused for a reason the route didn't check
 * itself; anything else is rethrown (a real fault). A write whose profile was deleted between
 * the session lookup and the write (another browser deleted it) is a signed-out visitor.
 */
export function refusalResponse(error: unknown): Response {
  if (error instanceof TooManyRequests) {
    return Response.json({ error: error.message }, { status: 429, headers: { "Retry-After": String(error.retryAfterSeconds) } });
  }
  if (error instanceof LimitReached) return Response.json({ error: error.message }, { status: 409 });
  if (isForeignKeyViolation(error)) {
    return Response.json({ error: "You’re signed out: this profile no longer exists, so nothing was saved." }, { status: 404 });
  }
  throw error;
}

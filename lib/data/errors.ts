/** A limit refused this request (lib/data/rate-limits.ts): 429, try again after the seconds given. */
export class TooManyRequests extends Error {
  override name = "TooManyRequests";
  constructor(
    readonly retryAfterSeconds: number,
    message = `Too many tries just now. Please wait ${retryAfterSeconds} seconds and try again.`,
  ) {
    super(message);
  }
}

/** A profile holds as much of something as it may (e.g. practice entries): 409, delete some first. */
export class LimitReached extends Error {
  override name = "LimitReached";
}

/** Prisma's "unique constraint failed" (P2002), the same on SQLite and PostgreSQL. */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002";
}

/**
 * Prisma's "foreign key constraint failed" (P2003): what a write meets when the profile (or
 * quiz attempt) it belongs to was deleted after the session was looked up.
 */
export function isForeignKeyViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2003";
}

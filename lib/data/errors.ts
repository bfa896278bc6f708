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

// SQLite result codes and PostgreSQL SQLSTATE classes that mean "the database cannot do this
// right now" (read-only, disk full, out of connections, shutting down), not "the input is wrong".
const UNAVAILABLE_SQLITE = /^SQLITE_(READONLY|FULL|IOERR|CANTOPEN|BUSY|LOCKED|NOMEM|PROTOCOL)/;
const UNAVAILABLE_POSTGRES = /^(08|53|57P|25006|40001|40P01)/;

/**
 * True when a database error means nothing could be stored just now and trying again later may
 * work: the database is unreachable, read-only or full. Callers answer 503 ("nothing was saved").
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  if ((error as { name?: unknown }).name === "PrismaClientInitializationError") return true;
  const code = (error as { code?: unknown }).code;
  if (typeof code === "string" && /^P1\d{3}$/.test(code)) return true; // Prisma's connection errors
  const cause = (error as { meta?: { driverAdapterError?: { cause?: { kind?: string; originalCode?: string; code?: string } } } }).meta
    ?.driverAdapterError?.cause;
  if (!cause) return false;
  if (cause.kind && cause.kind !== "sqlite" && cause.kind !== "postgres") return true; // DatabaseNotReachable, SocketTimeout, …
  const original = cause.originalCode ?? cause.code ?? "";
  return cause.kind === "sqlite" ? UNAVAILABLE_SQLITE.test(original) : UNAVAILABLE_POSTGRES.test(original);
}

/**
 * Prisma's "foreign key constraint failed" (P2003): what a write meets when the profile (or
 * quiz attempt) it belongs to was deleted after the session was looked up.
 */
export function isForeignKeyViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2003";
}

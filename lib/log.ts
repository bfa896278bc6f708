// Structured, one-line JSON logs. Callers pass event names and technical facts only:
// never emails, answers, reflections or anything else a person wrote.
type Fields = Record<string, string | number | boolean | null | undefined>;

function write(level: "info" | "warn" | "error", event: string, fields: Fields = {}) {
  const line = JSON.stringify({ time: new Date().toISOString(), level, event, ...fields });
  if (level === "error") console.error(line);
  else if (level === "warn") console.warn(line);
  else console.log(line);
}

/** The error's class and code, without its message (messages can quote user input or URLs). */
export function describeError(error: unknown): Fields {
  if (!(error instanceof Error)) return { errorType: typeof error };
  const code = (error as { code?: unknown }).code;
  // The database's own code behind a Prisma error (SQLITE_READONLY, 25006, DatabaseNotReachable).
  const cause = (error as { meta?: { driverAdapterError?: { cause?: { originalCode?: unknown; kind?: unknown } } } }).meta?.driverAdapterError?.cause;
  const databaseCode = cause?.originalCode ?? cause?.kind;
  return {
    errorType: error.name,
    errorCode: typeof code === "string" || typeof code === "number" ? code : undefined,
    databaseCode: typeof databaseCode === "string" ? databaseCode : undefined,
  };
}

export const log = {
  info: (event: string, fields?: Fields) => write("info", event, fields),
  warn: (event: string, fields?: Fields) => write("warn", event, fields),
  error: (event: string, fields?: Fields) => write("error", event, fields),
};

// Errors instrumentation.ts's onRequestError has logged (with their route), so the copy Next.js
// prints of the same error is not printed again.
const reported = new WeakSet<object>();
const isErrorLike = (value: unknown): value is Error =>
  value instanceof Error || (typeof value === "object" && value !== null && "stack" in value && "message" in value);

/** One line for a request that failed with an unexpected error: the route's pattern (never its ids), the error's type and code. */
export function logRequestFailure(error: unknown, request: { method: string }, context: { routePath: string; routeType: string }) {
  if (typeof error === "object" && error !== null) reported.add(error);
  const digest = (error as { digest?: unknown } | null)?.digest;
  write("error", "request.failed", {
    method: request.method,
    route: context.routePath,
    routeType: context.routeType,
    ...describeError(error),
    digest: typeof digest === "string" ? digest : undefined,
  });
}

/**
 * Next.js prints every error it catches with console.error: the message (which can quote input)
 * and the whole stack, one line per frame. It has no setting to stop that, so in production an
 * error passed to console.error or console.warn is written as one JSON line instead, or not at
 * all when onRequestError has just logged it; plain text lines pass through as they are.
 */
export function printErrorsOnOneLine(): void {
  for (const level of ["error", "warn"] as const) {
    const print = console[level].bind(console);
    console[level] = (...args: unknown[]) => {
      const errors = args.filter(isErrorLike);
      if (errors.length === 0) return print(...args);
      // Next.js prints first and calls onRequestError right after: wait for it before deciding.
      setTimeout(() => {
        for (const error of errors) {
          if (!reported.has(error)) print(JSON.stringify({ time: new Date().toISOString(), level, event: "server.error", ...describeError(error) }));
        }
      }, 100).unref();
    };
  }
}

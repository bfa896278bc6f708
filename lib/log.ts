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

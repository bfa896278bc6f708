// A throw-away PostgreSQL database: created under a unique name on a server the caller names,
// dropped (WITH FORCE) afterwards. The one way scripts and tests get a PostgreSQL database of
// their own: the shadow database of migration authoring, the integration tests' database, the
// e2e specs' and the benches'. (tests/e2e/support/throwaway-postgres.ts starts a whole server.)
import { randomBytes } from "node:crypto";
import pg from "pg";
import { hideSecrets, passwordsOf } from "./secrets";

export type ThrowawayDatabase = {
  /** The new database's URL: the server's URL with the database name in its path. */
  url: string;
  /** Drops the database, ending any connection still open to it. */
  drop(): Promise<void>;
};

async function onServer<T>(serverUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    return await work(client);
  } finally {
    await client.end().catch(() => {});
  }
}

/** Creates `<prefix>_<time>_<random>` on the server `serverUrl` names (any database on it, usually postgres). */
export async function createThrowawayPostgres(serverUrl: string, prefix: string): Promise<ThrowawayDatabase> {
  const name = `${prefix}_${Date.now()}_${randomBytes(4).toString("hex")}`;
  try {
    await onServer(serverUrl, (client) => client.query(`CREATE DATABASE "${name}"`));
  } catch (error) {
    const message = `Could not create a temporary PostgreSQL database on ${serverUrl}: ${(error as Error).message}`;
    throw new Error(hideSecrets(message, passwordsOf(serverUrl)));
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => onServer(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => {}),
  };
}

/** Runs `work` on a throw-away database and drops it afterwards, whatever happened (a failed drop is not reported). */
export async function withThrowawayPostgres<T>(serverUrl: string, prefix: string, work: (url: string) => Promise<T>): Promise<T> {
  const database = await createThrowawayPostgres(serverUrl, prefix);
  try {
    return await work(database.url);
  } finally {
    await database.drop().catch(() => {});
  }
}

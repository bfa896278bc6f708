import "server-only";
import { config } from "@/lib/config";
import { databaseProvider, db } from "@/lib/db";
import { redisAnswers } from "@/lib/redis";

export type DatabaseHealth = {
  database: "sqlite" | "postgresql";
  /** "ok" after a committed write; "cannot-save" when reads work but the write was refused (read-only, disk full). */
  state: "ok" | "cannot-save" | "unreachable";
  error?: unknown;
};

let inFlight: Promise<DatabaseHealth> | null = null;

/**
 * Proves a save can happen now: commits a write of the one HealthCheck row (a read-only file,
 * a full disk or a standby refuses it). Checks that arrive while one runs share its answer,
 * so a busy health route costs one small write at a time.
 */
export function checkDatabase(): Promise<DatabaseHealth> {
  inFlight ??= check().finally(() => (inFlight = null));
  return inFlight;
}

async function check(): Promise<DatabaseHealth> {
  const database = databaseProvider();
  const checkedAt = new Date();
  try {
    await db().healthCheck.upsert({ where: { id: 1 }, create: { id: 1, checkedAt }, update: { checkedAt } });
    return { database, state: "ok" };
  } catch (error) {
    const canRead = await db().$queryRaw`SELECT 1`.then(() => true, () => false);
    return { database, state: canRead ? "cannot-save" : "unreachable", error };
  }
}

/** True when Redis, which holds the sessions with REDIS_URL, answers now; always true without it (the sessions are in the database). */
export function sessionStoreAnswers(): Promise<boolean> {
  return redisAnswers(config());
}

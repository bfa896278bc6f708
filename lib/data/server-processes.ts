import "server-only";
import { createHash, randomUUID } from "node:crypto";
import { hostname } from "node:os";
import { db } from "@/lib/db";

/** How often a running process renews its row. */
export const HEARTBEAT_MS = 10_000;
/** A row not renewed for this long belongs to a process that is gone (killed, or its machine lost). */
export const GONE_AFTER_MS = 30_000;
/** Rows this old are dropped by whichever process starts next. */
const FORGET_AFTER_MS = 60 * 60 * 1000;

/**
 * A hash of the secrets every process must share (the session secret and the encryption key),
 * so processes can compare them without the database ever holding them: the secrets are 32
 * random bytes or more, so the hash gives nothing away.
 */
export function secretsFingerprint(sessionSecret: string, encryptionKey: Buffer): string {
  return createHash("sha256").update("drawbridge-secrets-v1\0").update(sessionSecret).update("\0").update(encryptionKey).digest("base64url").slice(0, 22);
}

export type ServerProcessRow = { id: string; host: string; pid: number; secrets: string; startedAt: number; seenAt: number };

/** This process, as it registers itself. */
export function thisProcess(secrets: string, now = Date.now()): Omit<ServerProcessRow, "seenAt"> {
  return { id: randomUUID(), host: hostname(), pid: process.pid, secrets, startedAt: now };
}

/** Whether process `pid` on this machine still runs (signal 0 only asks). */
function runsHere(pid: number): boolean {
  if (pid === process.pid) return false; // our own pid on another row: a predecessor whose pid we were given
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM"; // it runs, as another user
  }
}

/**
 * Registers `me` on the database and returns the live processes whose secrets differ from its
 * own (none: it may run alongside the others). Live means renewed in the last GONE_AFTER_MS,
 * and, on this same machine, still running: a process killed with -9 and started again by its
 * supervisor is never held up by its own leftover row, whatever its secrets. When others
 * differ, `me` is removed again, so a refused start leaves nothing behind. Two processes with
 * differing secrets that start at the same moment may both be refused; neither runs wrongly.
 */
export async function registerProcess(me: Omit<ServerProcessRow, "seenAt">, now = Date.now()): Promise<ServerProcessRow[]> {
  const row = { ...me, startedAt: BigInt(me.startedAt), seenAt: BigInt(now) };
  await db().serverProcess.upsert({ where: { id: me.id }, create: row, update: row });
  await db().serverProcess.deleteMany({ where: { seenAt: { lt: BigInt(now - FORGET_AFTER_MS) } } });
  const others = (await db().serverProcess.findMany({ where: { id: { not: me.id }, seenAt: { gt: BigInt(now - GONE_AFTER_MS) } }, orderBy: { startedAt: "asc" } }))
    .map((other) => ({ ...other, startedAt: Number(other.startedAt), seenAt: Number(other.seenAt) }));
  const leftovers = others.filter((other) => other.host === me.host && !runsHere(other.pid));
  if (leftovers.length > 0) await db().serverProcess.deleteMany({ where: { id: { in: leftovers.map((other) => other.id) } } });
  const differing = others.filter((other) => !leftovers.includes(other) && other.secrets !== me.secrets);
  if (differing.length > 0) await forgetProcess(me.id);
  return differing;
}

/** Renews the row of a running process (making it again if it was lost, say while the database was away). */
export async function renewProcess(me: Omit<ServerProcessRow, "seenAt">, now = Date.now()): Promise<void> {
  await db().serverProcess.upsert({
    where: { id: me.id },
    create: { ...me, startedAt: BigInt(me.startedAt), seenAt: BigInt(now) },
    update: { seenAt: BigInt(now) },
  });
}

/** Removes a process's row: a clean stop. */
export async function forgetProcess(id: string): Promise<void> {
  await db().serverProcess.deleteMany({ where: { id } });
}

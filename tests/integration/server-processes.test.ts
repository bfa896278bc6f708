import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import { parseConfig } from "@/lib/config";
import { db } from "@/lib/db";
import { forgetProcess, GONE_AFTER_MS, registerProcess, renewProcess, secretsFingerprint, thisProcess } from "@/lib/data/server-processes";
import { differingSecretsProblem } from "@/lib/startup";

// Several processes on one database: each writes itself into ServerProcess with a hash of its
// secrets; one whose secrets differ from a live other's is refused (lib/startup.ts says why).
const secrets = () => secretsFingerprint(randomBytes(32).toString("base64url"), randomBytes(32));
const elsewhere = (fingerprint: string, now = Date.now()) => ({ ...thisProcess(fingerprint, now), host: "web-2.example.internal", pid: 4242 });
const rows = () => db().serverProcess.findMany({ orderBy: { startedAt: "asc" } });

/** The pid of a process that has just ended, as after kill -9. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ["-e", "setTimeout(() => {}, 60000)"], { stdio: "ignore" });
  await new Promise((resolve) => child.once("spawn", resolve));
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGKILL");
  await exited;
  return child.pid!;
}

beforeEach(async () => {
  await db().serverProcess.deleteMany({});
});

describe("processes sharing one database", () => {
  it("lets processes with the same secrets run side by side", async () => {
    const shared = secrets();
    const a = elsewhere(shared);
    expect(await registerProcess(a)).toEqual([]);
    const b = thisProcess(shared);
    expect(await registerProcess(b)).toEqual([]);
    expect((await rows()).map((row) => row.id).sort()).toEqual([a.id, b.id].sort());
  });

  it("refuses a process whose secrets differ from a live one's, and leaves no row of it behind", async () => {
    const running = elsewhere(secrets());
    await registerProcess(running);
    const newcomer = thisProcess(secrets());
    const differing = await registerProcess(newcomer);
    expect(differing.map((row) => row.id)).toEqual([running.id]);
    expect((await rows()).map((row) => row.id)).toEqual([running.id]);
    // The row holds a hash of the secrets, never the secrets themselves.
    expect((await rows())[0]!.secrets).toBe(running.secrets);
    expect(running.secrets).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });

  it("says why in one line, naming the variables to set and where this one's secrets came from", () => {
    const app = parseConfig({ DATA_DIR: "/srv/drawbridge/data" });
    const line = differingSecretsProblem(app, { host: "web-2", pid: 4242, seenAt: 1_000 }, 4_000);
    expect(line).not.toContain("\n");
    expect(line).toContain("pid 4242 on web-2, seen 3 s ago");
    expect(line).toContain("/srv/drawbridge/data/session-secret and /srv/drawbridge/data/encryption-key");
    for (const name of ["SESSION_SECRET", "APP_ENCRYPTION_KEY", "NEXT_SERVER_ACTIONS_ENCRYPTION_KEY"]) expect(line).toContain(name);
  });

  it("ignores a process not seen for a while (killed, or its machine lost)", async () => {
    const now = Date.now();
    const gone = elsewhere(secrets(), now - GONE_AFTER_MS - 5_000);
    await registerProcess(gone, now - GONE_AFTER_MS - 5_000);
    expect(await registerProcess(thisProcess(secrets(), now), now)).toEqual([]);
  });

  it("starts again after kill -9 with the same secrets, its old row still fresh (even where its pid can't be checked)", async () => {
    const shared = secrets();
    const killed = elsewhere(shared); // another machine's row: only its secrets can tell
    await registerProcess(killed);
    expect(await registerProcess(thisProcess(shared))).toEqual([]);
  });

  it("is not held up on this machine by a killed predecessor's fresh row, even with new secrets", async () => {
    const killed = { ...thisProcess(secrets()), pid: await deadPid() };
    await registerProcess(killed);
    const restarted = thisProcess(secrets());
    expect(await registerProcess(restarted)).toEqual([]);
    expect((await rows()).map((row) => row.id)).toEqual([restarted.id]); // the leftover is gone
  });

  it("still refuses beside a live process on this machine", async () => {
    const live = { ...thisProcess(secrets()), pid: process.ppid }; // a process that surely runs here
    await registerProcess(live);
    expect((await registerProcess(thisProcess(secrets()))).map((row) => row.pid)).toEqual([process.ppid]);
  });

  it("keeps a running process's row fresh, writes it again if it was lost, and removes it on a clean stop", async () => {
    const me = thisProcess(secrets());
    await registerProcess(me, Date.now() - 20_000);
    await renewProcess(me);
    expect(Number((await rows())[0]!.seenAt)).toBeGreaterThan(Date.now() - 5_000);
    await db().serverProcess.deleteMany({});
    await renewProcess(me);
    expect((await rows()).map((row) => row.id)).toEqual([me.id]);
    await forgetProcess(me.id);
    expect(await rows()).toEqual([]);
  });
});

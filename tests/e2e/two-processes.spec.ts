// Two app processes on one PostgreSQL database behind HAProxy (round-robin, health-checked on
// /api/health), as a practice would run them: a whole visit goes through the proxy and lands on
// both processes; a sign-out or a deletion through one holds on the other at the very next
// request; sign-in tries spread over both meet one limit; a third process whose secrets differ
// (made under its own data/) is refused at start. Run twice: with sessions and rate-limit counts
// in Redis (REDIS_URL) and with the database alone.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test, type BrowserContext, type Page } from "@playwright/test";
import Redis from "ioredis";
import { Client } from "pg";
import { newAddress, newEmail, PASSWORD } from "./support/accounts";
import { OwnServer } from "./support/own-server";
import { freePort, waitFor } from "./support/processes";
import { items, scaleLabels } from "./support/quiz";
import { freshPostgresDatabase } from "./support/throwaway-postgres";

/** Debian's haproxy, wherever this machine keeps it; null when it truly isn't installed. */
function findHaproxy(): string | null {
  for (const candidate of ["/usr/sbin/haproxy", "/usr/local/sbin/haproxy", "/usr/bin/haproxy"]) if (existsSync(candidate)) return candidate;
  const which = spawnSync("sh", ["-c", "command -v haproxy"], { encoding: "utf8" });
  return which.status === 0 && which.stdout.trim() ? which.stdout.trim() : null;
}

const haproxyBin = findHaproxy();
const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";

/** HAProxy in front of the two servers: round-robin, each checked on /api/health twice a second. */
class Balancer {
  private constructor(
    private readonly child: ChildProcess,
    readonly url: string,
    private readonly statsUrl: string,
    private readonly dir: string,
    private output: { text: string },
  ) {}

  static async start(port: number, backends: { name: string; port: number }[]): Promise<Balancer> {
    const statsPort = await freePort();
    const dir = mkdtempSync(path.join(tmpdir(), "drawbridge-haproxy-"));
    const file = path.join(dir, "haproxy.cfg");
    writeFileSync(
      file,
      [
        "global",
        "  maxconn 512",
        "defaults",
        "  mode http",
        "  timeout connect 2s",
        "  timeout client 60s",
        "  timeout server 60s",
        "frontend web",
        `  bind 127.0.0.1:${port}`,
        "  default_backend app",
        "backend app",
        "  balance roundrobin",
        "  option httpchk GET /api/health",
        "  http-check expect status 200",
        // Checked twice a second, but a slow answer is not a dead process: on a busy 2-core machine a
        // health check can take longer than the interval (without this, its timeout is the interval).
        "  timeout check 4s",
        "  default-server inter 500ms fall 3 rise 1",
        // Which process answered, for the test to see (HAProxy's %s: the server's name).
        "  http-response set-header X-Served-By %s",
        ...backends.map(({ name, port: backendPort }) => `  server ${name} 127.0.0.1:${backendPort} check`),
        "listen stats",
        `  bind 127.0.0.1:${statsPort}`,
        "  stats enable",
        "  stats uri /stats",
        "",
      ].join("\n"),
    );
    const check = spawnSync(haproxyBin!, ["-c", "-q", "-f", file], { encoding: "utf8" });
    if (check.status !== 0) throw new Error(`haproxy refused its config: ${check.stderr || check.stdout}`);
    const child = spawn(haproxyBin!, ["-db", "-f", file], { stdio: ["ignore", "pipe", "pipe"] });
    const output = { text: "" };
    child.stdout!.on("data", (chunk: Buffer) => (output.text += chunk.toString()));
    child.stderr!.on("data", (chunk: Buffer) => (output.text += chunk.toString()));
    const orphaned = () => child.kill("SIGKILL");
    process.once("exit", orphaned);
    child.once("exit", () => process.removeListener("exit", orphaned));
    const balancer = new Balancer(child, `http://127.0.0.1:${port}`, `http://127.0.0.1:${statsPort}/stats`, dir, output);
    // Up when HAProxy's own checks find every backend healthy.
    await waitFor("HAProxy to find both processes healthy", async () => {
      try {
        const stats = await balancer.stats();
        return backends.every(({ name }) => stats.get(name)?.status === "UP");
      } catch {
        return false;
      }
    }, 30_000);
    return balancer;
  }

  /** Per backend process: its check status and how many responses it gave, by status class. */
  async stats(): Promise<Map<string, { status: string; responses: number; errors5xx: number }>> {
    const csv = await (await fetch(`${this.statsUrl};csv`)).text();
    const [header, ...rows] = csv.replace(/^# /, "").trim().split("\n").map((line) => line.split(","));
    const column = (name: string) => header!.indexOf(name);
    const found = new Map<string, { status: string; responses: number; errors5xx: number }>();
    for (const row of rows) {
      if (row[column("pxname")] !== "app" || ["FRONTEND", "BACKEND"].includes(row[column("svname")]!)) continue;
      const count = (name: string) => Number(row[column(name)] || 0);
      found.set(row[column("svname")]!, {
        status: row[column("status")]!,
        responses: ["hrsp_1xx", "hrsp_2xx", "hrsp_3xx", "hrsp_4xx", "hrsp_5xx", "hrsp_other"].reduce((sum, name) => sum + count(name), 0),
        errors5xx: count("hrsp_5xx"),
      });
    }
    return found;
  }

  get log(): string {
    return this.output.text;
  }

  async stop(): Promise<void> {
    if (this.child.exitCode === null) {
      const exited = new Promise((resolve) => this.child.once("exit", resolve));
      this.child.kill("SIGTERM");
      await exited;
    }
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** The browser's cookies for the proxy, as one Cookie header to send to a process directly. */
async function cookieHeader(context: BrowserContext): Promise<string> {
  return (await context.cookies()).map(({ name, value }) => `${name}=${value}`).join("; ");
}

/**
 * The whole quiz through the proxy, every request landing on either process: every answer but
 * the last through the answers API, the last on screen, with waits long enough for a busy machine.
 */
async function finishQuiz(page: Page, valueFor: (index: number) => number): Promise<string> {
  await page.goto("/quiz");
  await page.getByRole("button", { name: /^(Start the quiz|Start over)$/ }).click();
  await expect(page).toHaveURL(/\/quiz\/[^/]+\/1$/, { timeout: 20_000 });
  const attemptId = new URL(page.url()).pathname.split("/")[2]!;
  for (const [index, item] of items.slice(0, -1).entries()) {
    const saved = await page.request.put(`/api/quiz/attempts/${attemptId}/answers/${item.id}`, { data: { value: valueFor(index) } });
    expect(saved.ok(), `answer ${index + 1} saved (${saved.status()})`).toBe(true);
  }
  await page.goto(`/quiz/${attemptId}/${items.length}`);
  await page.getByText(scaleLabels[valueFor(items.length - 1) - 1]!, { exact: true }).click();
  await page.getByRole("button", { name: "See my results" }).click();
  await expect(page).toHaveURL(`/results/${attemptId}`, { timeout: 20_000 });
  return attemptId;
}

/** A process's page for `pathname` with `cookie`, asked directly (not through the proxy). */
async function direct(server: OwnServer, pathname: string, cookie: string): Promise<{ status: number; signedIn: boolean }> {
  const response = await fetch(`${server.url}${pathname}`, { headers: { cookie }, redirect: "manual" });
  const body = await response.text();
  return { status: response.status, signedIn: body.includes("Signed in as") };
}

/** The session token inside the signed session cookie (`token.signature`), for looking it up in Redis. */
function sessionToken(cookie: string): string {
  const signed = decodeURIComponent(/(?:^|; )__Secure-drawbridge\.session_token=([^;]+)/.exec(cookie)?.[1] ?? "");
  return signed.slice(0, signed.lastIndexOf("."));
}

for (const mode of ["with Redis", "with the database alone"] as const) {
  test.describe(`two processes behind HAProxy, ${mode}`, () => {
    test.describe.configure({ mode: "serial", timeout: 120_000 });
    // Password hashing on two processes sharing a busy machine: pages may take a few seconds.
    test.use({ navigationTimeout: 30_000, actionTimeout: 20_000 });

    let database: Awaited<ReturnType<typeof freshPostgresDatabase>> = null;
    let servers: OwnServer[] = [];
    let balancer: Balancer | null = null;
    let redis: Redis | null = null;
    let dataDir = "";
    let shared: Record<string, string> = {};
    // A prefix of this run's own, so nothing else in the machine's Redis is read or removed.
    const redisPrefix = `drawbridge-test-${randomUUID().slice(0, 8)}:`;

    test.beforeAll(async () => {
      test.setTimeout(120_000); // two production servers starting at once on a busy machine
      test.skip(!haproxyBin, "haproxy is not installed (Debian: apt-get install haproxy; .ci/run installs it): the two-process suite needs a real load balancer.");
      if (mode === "with Redis") {
        redis = new Redis(REDIS_URL, { keyPrefix: redisPrefix, lazyConnect: true, maxRetriesPerRequest: 1, retryStrategy: () => null });
        redis.on("error", () => {}); // a refused connection is answered by the skip below
        const up = await redis.connect().then(() => true, () => false);
        if (!up) redis = null;
        test.skip(!up, `No Redis answers at ${REDIS_URL} (set TEST_REDIS_URL; .ci/run starts one): the Redis half of the two-process suite is skipped.`);
      }
      database = await freshPostgresDatabase("drawbridge_two");
      test.skip(!database, "No PostgreSQL: set TEST_POSTGRES_URL or install Debian's postgresql; two processes need one shared database.");
      dataDir = mkdtempSync(path.join(tmpdir(), "drawbridge-two-"));
      const proxyPort = await freePort();
      // Everything the two processes must share (README, "Running more than one process").
      shared = {
        APP_URL: `http://127.0.0.1:${proxyPort}`,
        INSTANCES: "2",
        SESSION_SECRET: randomBytes(32).toString("hex"),
        APP_ENCRYPTION_KEY: randomBytes(32).toString("hex"),
        NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
        RATE_LIMITS: "new-guests-per-address=2000/3600",
        REDIS_URL: mode === "with Redis" ? REDIS_URL : "",
        REDIS_KEY_PREFIX: redisPrefix,
      };
      servers = await Promise.all([
        OwnServer.start(database!.url, path.join(dataDir, "a"), shared),
        OwnServer.start(database!.url, path.join(dataDir, "b"), shared),
      ]);
      balancer = await Balancer.start(proxyPort, servers.map((server, index) => ({ name: index === 0 ? "a" : "b", port: server.port })));
    });

    test.afterAll(async ({}, testInfo) => {
      test.setTimeout(60_000);
      // What each process and the proxy printed, beside the test's other results.
      servers.forEach((server, index) => writeFileSync(testInfo.outputPath(`server-${index === 0 ? "a" : "b"}.log`), server.log));
      if (balancer) writeFileSync(testInfo.outputPath("haproxy.log"), balancer.log);
      await balancer?.stop();
      await Promise.all(servers.map((server) => server.stop()));
      if (redis) {
        // keys() takes the whole pattern; del() adds the prefix again, so strip it.
        const keys = await redis.keys(`${redisPrefix}*`);
        if (keys.length) await redis.del(...keys.map((key) => key.slice(redisPrefix.length)));
        redis.disconnect();
      }
      await database?.drop();
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    });

    test("the guest clean-up at start runs in one process only; the other skips the round", async () => {
      // Each process tries a round as it starts; the lease row lets one through (lib/startup.ts).
      await expect.poll(() => servers.filter((server) => server.log.includes('"event":"guests.cleanup_skipped"')).length, { timeout: 20_000 }).toBe(1);
      expect(servers.some((server) => server.log.includes('"event":"guests.cleanup_failed"'))).toBe(false);
      const skippedBy = servers[0]!.log.includes('"event":"guests.cleanup_skipped"') ? "a" : "b";
      console.log(`two processes (${mode}): guest clean-up at start ran in ${skippedBy === "a" ? "b" : "a"}, skipped by ${skippedBy}`);
    });

    test("a visit crosses both processes; a sign-out and a deletion hold on the other at once", async ({ browser }) => {
      const context = await browser.newContext({ baseURL: balancer!.url, extraHTTPHeaders: { "x-forwarded-for": newAddress() } });
      const page = await context.newPage();
      const [a, b] = servers as [OwnServer, OwnServer];
      const byName = (name: string | undefined) => (name === "a" ? a : name === "b" ? b : null);

      // The quiz, answered through the proxy: its requests land on both processes.
      const quizStart = await balancer!.stats();
      const attemptId = await finishQuiz(page, (index) => (index % 5) + 1);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      const quizEnd = await balancer!.stats();
      for (const name of ["a", "b"]) {
        expect(quizEnd.get(name)!.responses - quizStart.get(name)!.responses, `process ${name} answered part of the quiz`).toBeGreaterThan(3);
      }

      // Sign up through the proxy: the guest's result moves to the account, and both processes know the session.
      const email = newEmail();
      await page.goto("/sign-up");
      await page.getByLabel("Email").fill(email);
      await page.getByLabel("Password").fill(PASSWORD);
      await page.getByRole("button", { name: "Create account" }).click();
      await expect(page).toHaveURL(/\/recovery-code$/, { timeout: 20_000 });
      await page.getByRole("link", { name: /I’ve kept it: go to My journey/ }).click();
      await expect(page).toHaveURL("/me", { timeout: 20_000 });
      const cookie = await cookieHeader(context);
      for (const server of [a, b]) {
        expect(await direct(server, "/me", cookie)).toEqual({ status: 200, signedIn: true });
        expect((await direct(server, `/results/${attemptId}`, cookie)).status).toBe(200);
      }
      if (redis) expect(await redis.exists(sessionToken(cookie)), "the session is kept in Redis").toBe(1);

      // Sign out through the proxy; the very next request with the old cookie, on either process, is signed out.
      const signOutPost = page.waitForResponse((response) => response.request().method() === "POST");
      await page.getByRole("button", { name: "Sign out" }).click();
      const signedOutBy = byName((await signOutPost).headers()["x-served-by"]);
      expect(signedOutBy, "the proxy named the process that signed out").not.toBeNull();
      const other = signedOutBy === a ? b : a;
      expect(await direct(other, "/me", cookie)).toEqual({ status: 200, signedIn: false });
      expect((await direct(other, `/results/${attemptId}`, cookie)).status).toBe(404);
      expect(await direct(signedOutBy!, "/me", cookie)).toEqual({ status: 200, signedIn: false });
      if (redis) expect(await redis.exists(sessionToken(cookie)), "the session is gone from Redis").toBe(0);
      await expect(page).toHaveURL(/\/sign-in/, { timeout: 20_000 });

      // Sign in again and delete everything through the proxy: the other process shows a
      // signed-out page and a 404 for the old result with the old cookie, never a 500.
      await page.getByLabel("Email").fill(email);
      await page.getByLabel("Password").fill(PASSWORD);
      await page.getByRole("button", { name: "Sign in" }).click();
      await expect(page).toHaveURL("/me", { timeout: 20_000 });
      const secondCookie = await cookieHeader(context);
      expect(await direct(a, "/me", secondCookie)).toEqual({ status: 200, signedIn: true });
      expect(await direct(b, "/me", secondCookie)).toEqual({ status: 200, signedIn: true });
      await page.goto("/me/delete");
      await page.getByLabel("To confirm, type the word delete").fill("delete");
      const deletePost = page.waitForResponse((response) => response.request().method() === "POST");
      await page.getByRole("button", { name: "Delete everything" }).click();
      const deletedBy = byName((await deletePost).headers()["x-served-by"]);
      const survivor = deletedBy === a ? b : a;
      expect(await direct(survivor, "/me", secondCookie)).toEqual({ status: 200, signedIn: false });
      expect((await direct(survivor, `/results/${attemptId}`, secondCookie)).status).toBe(404);
      expect((await direct(survivor, "/api/me/export", secondCookie)).status).toBe(404);
      await expect(page).toHaveURL("/me/deleted", { timeout: 20_000 });
      if (redis) expect(await redis.exists(sessionToken(secondCookie)), "the deleted account's session is gone from Redis").toBe(0);

      // Through the proxy, nothing answered 500, and both processes did their share.
      const end = await balancer!.stats();
      for (const name of ["a", "b"]) {
        expect(end.get(name)!.errors5xx, `process ${name} answered no 5xx`).toBe(0);
        expect(end.get(name)!.status).toBe("UP");
      }
      console.log(
        `two processes (${mode}): responses through the proxy a=${end.get("a")!.responses} b=${end.get("b")!.responses}` +
          ` (health checks excluded); sign-out served by ${signedOutBy === a ? "a" : "b"}, deletion by ${deletedBy === a ? "a" : "b"}`,
      );
      await context.close();
    });

    test("sign-in tries spread over both processes meet one limit at the same count", async () => {
      const email = newEmail();
      const served: string[] = [];
      const statuses: number[] = [];
      let retryAfter = 0;
      // One wrong password at a time, each from an address of its own: only the email's count (5 a minute) can refuse.
      for (let n = 0; n < 7; n++) {
        const response = await fetch(`${balancer!.url}/api/auth/sign-in/email`, {
          method: "POST",
          headers: { "content-type": "application/json", origin: balancer!.url, "x-forwarded-for": newAddress() },
          body: JSON.stringify({ email, password: "not the password at all" }),
        });
        statuses.push(response.status);
        served.push(response.headers.get("x-served-by") ?? "?");
        if (response.status === 429) retryAfter = Number(response.headers.get("retry-after"));
      }
      expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429]);
      expect(new Set(served.slice(0, 5)), "both processes counted tries").toEqual(new Set(["a", "b"]));
      expect(retryAfter).toBeGreaterThan(0);
      expect(retryAfter).toBeLessThanOrEqual(60);

      // Where the counts live, and that they name no email or address.
      const pg = new Client({ connectionString: database!.url });
      await pg.connect();
      const { rows } = await pg.query(`SELECT "key" FROM "RateLimit" WHERE "key" LIKE 'sign-in-per-email/%'`);
      await pg.end();
      expect(rows.some(({ key }) => key.includes(email))).toBe(false);
      if (redis) {
        const keys: string[] = [];
        for await (const batch of redis.scanStream({ match: `${redisPrefix}rate-limit:*` })) keys.push(...(batch as string[]));
        expect(keys.some((key) => key.startsWith(`${redisPrefix}rate-limit:sign-in-per-email/5/60:`)), "the email's count is in Redis").toBe(true);
        expect(keys.filter((key) => key.includes(email) || key.includes(email.split("@")[0]!) || /\d+\.\d+\.\d+\.\d+/.test(key))).toEqual([]);
        expect(rows, "no sign-in count in the database while Redis holds them").toEqual([]);
      } else {
        expect(rows.length, "the counts are in the database").toBeGreaterThan(0);
      }
      console.log(`two processes (${mode}): sign-in tries served by ${served.join("")}, answers ${statuses.join(" ")}, Retry-After ${retryAfter} s`);
    });

    test("a third process with secrets of its own under data/ is refused in one line; a clean stop removes a process's row", async () => {
      const registered = async () => {
        const pg = new Client({ connectionString: database!.url });
        await pg.connect();
        const { rows } = await pg.query(`SELECT "pid" FROM "ServerProcess" ORDER BY "startedAt"`);
        await pg.end();
        return rows.map((row) => Number(row.pid)).sort();
      };
      const [a, b] = servers as [OwnServer, OwnServer];
      expect(await registered()).toEqual([a.pid, b.pid].sort());

      // No INSTANCES declared, no secrets in its environment: it makes its own under its data/.
      const started = await OwnServer.start(database!.url, path.join(dataDir, "c"), {
        ...shared,
        INSTANCES: "",
        SESSION_SECRET: "",
        APP_ENCRYPTION_KEY: "",
      }).then(
        (server) => server,
        (error: Error) => error,
      );
      if (!(started instanceof Error)) await started.stop();
      expect(started, "the third process did not start").toBeInstanceOf(Error);
      const refusal = (started as Error).message.split("\n").filter((line) => line.startsWith("Drawbridge cannot start:"));
      expect(refusal).toHaveLength(1);
      expect(refusal[0]).toContain("another server process on this database");
      expect(refusal[0]).toContain(`${path.join(dataDir, "c")}/session-secret`);
      expect(refusal[0]).toContain("SESSION_SECRET, APP_ENCRYPTION_KEY and NEXT_SERVER_ACTIONS_ENCRYPTION_KEY");
      expect(await registered(), "the refused process left no row").toEqual([a.pid, b.pid].sort());
      console.log(`two processes (${mode}): third process refused: ${refusal[0]}`);

      // kill -9 and a start again with the same secrets (as npm start's supervisor does): not refused.
      await b.kill("SIGKILL");
      await b.restart();
      expect(await registered()).toEqual([a.pid, b.pid].sort());
      // A clean stop removes the row at once.
      await b.stop();
      expect(await registered()).toEqual([a.pid]);
    });
  });
}

import { fork, type ChildProcess } from "node:child_process";
import path from "node:path";
import type { BrowserContext } from "@playwright/test";
import { e2eServerEnvironment, runBaseUrl } from "./run-data";
import type { SeedReply, SeedRequest, SessionCookie } from "./seed-process";

// Preconditions for browser tests (a finished quiz, a signed-in account), written straight through
// lib/data and lib/auth by tests/e2e/support/seed-process.ts into the e2e server's database, with
// the server's own secrets (its DATA_DIR): the same rows the app would make, in a fraction of the
// time clicking through would take. One seed process per test worker (and per server of a
// test's own, support/own-server.ts), started on first use.

/** A server to write for: its address and environment (the shared e2e server's by default). */
export type SeedTarget = { url: string; env: Record<string, string | undefined> };

const sharedServer = (): SeedTarget => ({ url: runBaseUrl(), env: e2eServerEnvironment() });

type Waiting = { resolve: (reply: SeedReply) => void; reject: (error: Error) => void };
/** One seed process per server's database, started on first use. */
const seedProcesses = new Map<string, Promise<{ child: ChildProcess; waiting: Map<number, Waiting> }>>();
let nextId = 0;

function seedProcess(target: SeedTarget) {
  const key = String(target.env.DATABASE_URL);
  let started = seedProcesses.get(key);
  if (!started) {
    const root = path.join(__dirname, "..", "..", "..");
    const { NODE_OPTIONS: _ignored, ...env } = { ...process.env, ...target.env };
    const child = fork(path.join(__dirname, "seed-process.ts"), [], {
      cwd: root,
      execArgv: ["--conditions=react-server", "--import", "tsx"],
      env,
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    });
    const waiting = new Map<number, Waiting>();
    started = new Promise((resolve, reject) => {
      child.once("error", reject);
      child.once("exit", (code) => reject(new Error(`The seed process stopped (exit ${code}) before it was ready.`)));
      child.on("message", (message: { ready?: true; id?: number; reply?: SeedReply; error?: string }) => {
        if (message.ready) return resolve({ child, waiting });
        const pending = waiting.get(message.id!);
        waiting.delete(message.id!);
        if (message.error !== undefined) pending?.reject(new Error(`seed-process: ${message.error}`));
        else pending?.resolve(message.reply!);
      });
    });
    // The worker may exit without waiting for it; it exits itself when the worker is gone.
    child.unref();
    (child.channel as { unref?: () => void } | undefined)?.unref?.();
    seedProcesses.set(key, started);
  }
  return started;
}

async function ask(target: SeedTarget, request: SeedRequest): Promise<SeedReply> {
  const { child, waiting } = await seedProcess(target);
  const id = nextId++;
  return new Promise((resolve, reject) => {
    waiting.set(id, { resolve, reject });
    child.send({ id, request });
  });
}

/** The signed value of the context's session cookie for the e2e server; null when it has none. */
async function sessionCookieValue(context: BrowserContext, target: SeedTarget): Promise<string | null> {
  const cookies = await context.cookies(target.url);
  return cookies.find((cookie) => /^(?:__Secure-)?drawbridge\.session_token$/.test(cookie.name))?.value ?? null;
}

/** Gives the context the session cookie the server would have set (httpOnly, SameSite=Lax, 60 days). */
async function carry(context: BrowserContext, target: SeedTarget, cookie: SessionCookie | null) {
  if (!cookie) return;
  await context.addCookies([
    {
      name: cookie.name,
      value: encodeURIComponent(cookie.value),
      // By domain and path: Chromium refuses a Secure cookie handed over with an http:// URL,
      // though it keeps the one the server sets for http://127.0.0.1 (a secure context).
      domain: new URL(target.url).hostname,
      path: "/",
      httpOnly: true,
      secure: cookie.name.startsWith("__Secure-"),
      sameSite: "Lax",
      expires: Math.floor(Date.now() / 1000) + 60 * 24 * 60 * 60,
    },
  ]);
}

/**
 * A finished attempt with these answers (one per item, in order) for the context's session: the
 * guest or account it is signed in as, or a new guest whose session cookie the context then
 * carries. Returns the attempt's id.
 */
export async function seedFinishedQuiz(context: BrowserContext, values: number[], target = sharedServer()): Promise<string> {
  const reply = await ask(target, { op: "finished-quiz", sessionCookie: await sessionCookieValue(context, target), values });
  await carry(context, target, reply.sessionCookie);
  return reply.attemptId!;
}

/** Signs the context in to the account with this email (made first when there is none). */
export async function seedSignedInAccount(context: BrowserContext, email: string, password: string, target = sharedServer()): Promise<void> {
  const reply = await ask(target, { op: "signed-in-account", email, password });
  await carry(context, target, reply.sessionCookie);
}

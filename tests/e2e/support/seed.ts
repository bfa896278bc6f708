import { fork, type ChildProcess } from "node:child_process";
import path from "node:path";
import type { BrowserContext } from "@playwright/test";
import { e2eServerEnvironment, runBaseUrl } from "./run-data";
import type { SeedReply, SeedRequest, SessionCookie } from "./seed-process";

// Preconditions for browser tests (a finished quiz, a signed-in account), written straight through
// lib/data and lib/auth by tests/e2e/support/seed-process.ts into the e2e server's database, with
// the server's own secrets (its DATA_DIR): the same rows the app would make, in a fraction of the
// time clicking through would take. One seed process per test worker, started on first use.

let child: ChildProcess | undefined;
let ready: Promise<void> | undefined;
let nextId = 0;
const waiting = new Map<number, { resolve: (reply: SeedReply) => void; reject: (error: Error) => void }>();

function seedProcess(): Promise<ChildProcess> {
  if (!ready) {
    const root = path.join(__dirname, "..", "..", "..");
    const { NODE_OPTIONS: _ignored, ...inherited } = process.env;
    const started = fork(path.join(__dirname, "seed-process.ts"), [], {
      cwd: root,
      execArgv: ["--conditions=react-server", "--import", "tsx"],
      env: { ...inherited, ...e2eServerEnvironment() },
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    });
    child = started;
    ready = new Promise((resolve, reject) => {
      started.once("error", reject);
      started.once("exit", (code) => reject(new Error(`The seed process stopped (exit ${code}) before it was ready.`)));
      started.on("message", (message: { ready?: true; id?: number; reply?: SeedReply; error?: string }) => {
        if (message.ready) return resolve();
        const pending = waiting.get(message.id!);
        waiting.delete(message.id!);
        if (message.error !== undefined) pending?.reject(new Error(`seed-process: ${message.error}`));
        else pending?.resolve(message.reply!);
      });
    });
    started.unref();
    (started.channel as { unref?: () => void } | undefined)?.unref?.();
  }
  return ready.then(() => child!);
}

async function ask(request: SeedRequest): Promise<SeedReply> {
  const process = await seedProcess();
  const id = nextId++;
  return new Promise((resolve, reject) => {
    waiting.set(id, { resolve, reject });
    process.send({ id, request });
  });
}

/** The signed value of the context's session cookie for the e2e server; null when it has none. */
async function sessionCookieValue(context: BrowserContext): Promise<string | null> {
  const cookies = await context.cookies(runBaseUrl());
  return cookies.find((cookie) => /^(?:__Secure-)?drawbridge\.session_token$/.test(cookie.name))?.value ?? null;
}

/** Gives the context the session cookie the server would have set (httpOnly, SameSite=Lax, 60 days). */
async function carry(context: BrowserContext, cookie: SessionCookie | null) {
  if (!cookie) return;
  await context.addCookies([
    {
      name: cookie.name,
      value: encodeURIComponent(cookie.value),
      // By domain and path: Chromium refuses a Secure cookie handed over with an http:// URL,
      // though it keeps the one the server sets for http://127.0.0.1 (a secure context).
      domain: new URL(runBaseUrl()).hostname,
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
export async function seedFinishedQuiz(context: BrowserContext, values: number[]): Promise<string> {
  const reply = await ask({ op: "finished-quiz", sessionCookie: await sessionCookieValue(context), values });
  await carry(context, reply.sessionCookie);
  return reply.attemptId!;
}

/** Signs the context in to the account with this email (made first when there is none). */
export async function seedSignedInAccount(context: BrowserContext, email: string, password: string): Promise<void> {
  const reply = await ask({ op: "signed-in-account", email, password });
  await carry(context, reply.sessionCookie);
}

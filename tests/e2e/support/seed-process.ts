// Writes a browser test's preconditions straight through lib/data and lib/auth, with the same
// functions the routes call, into the e2e server's database (DATABASE_URL, DATA_DIR and the rest of
// the server's environment come from tests/e2e/support/seed.ts, which starts this process).
// Runs as `node --conditions=react-server --import tsx` (lib/data is server-only), one process per
// test worker, and answers the worker's requests over IPC until the worker goes away.
import { isAPIError } from "better-auth/api";
import { z } from "zod";
import { auth } from "@/lib/auth";
import type { CurrentProfile } from "@/lib/data/profiles";
import { quiz } from "@/lib/content/quiz";
import { findSessionProfile } from "@/lib/data/profiles";
import { finishAttempt, saveAnswer, startAttempt } from "@/lib/data/quiz-attempts";

/** A session cookie as the server sets it: name and signed value. */
export type SessionCookie = { name: string; value: string };

export const seedRequest = z.discriminatedUnion("op", [
  // An account with this email and password, signed in (made first when there is none).
  z.object({ op: z.literal("signed-in-account"), email: z.string(), password: z.string() }),
  // A finished attempt with these answers (one per item, in order) for the browser's session, or
  // for a new guest when it has none the server knows.
  z.object({ op: z.literal("finished-quiz"), sessionCookie: z.string().nullable(), values: z.array(z.number().int()) }),
]);
export type SeedRequest = z.infer<typeof seedRequest>;
export type SeedReply = { sessionCookie: SessionCookie | null; attemptId?: string };

const SESSION_COOKIE = /^(?:__Secure-)?drawbridge\.session_token$/;

/** The session cookie among an auth response's Set-Cookie headers. */
function sessionCookieOf(headers: Headers): SessionCookie {
  for (const line of headers.getSetCookie()) {
    const [pair] = line.split(";");
    const equals = pair!.indexOf("=");
    const name = pair!.slice(0, equals).trim();
    if (SESSION_COOKIE.test(name)) return { name, value: decodeURIComponent(pair!.slice(equals + 1).trim()) };
  }
  throw new Error("The auth library set no session cookie.");
}

/** The profile behind a session cookie's signed value (token.signature); null when unknown or ended. */
async function profileOf(signedValue: string | null): Promise<CurrentProfile | null> {
  if (!signedValue) return null;
  const token = signedValue.slice(0, signedValue.lastIndexOf("."));
  const found = await findSessionProfile(token);
  return found && found.expiresAt.getTime() > Date.now() ? found.profile : null;
}

/** A new guest, as the first save of a first-time visitor makes one (lib/auth/profile.ts). */
async function newGuest(): Promise<{ profile: CurrentProfile; sessionCookie: SessionCookie }> {
  const { headers, response } = await auth().api.signInAnonymous({ headers: new Headers(), returnHeaders: true });
  if (!response) throw new Error("Could not start a guest session.");
  return { profile: { id: response.user.id, isGuest: true }, sessionCookie: sessionCookieOf(headers) };
}

/** Signs up (as the sign-up form does), or signs in when the account exists: no failed sign-in is counted. */
async function signedInAccount(email: string, password: string): Promise<SeedReply> {
  try {
    const made = await auth().api.signUpEmail({ body: { email, password, name: "" }, headers: new Headers(), returnHeaders: true });
    return { sessionCookie: sessionCookieOf(made.headers) };
  } catch (error) {
    if (!(isAPIError(error) && error.statusCode === 422)) throw error; // 422: there is such an account already
  }
  const signedIn = await auth().api.signInEmail({ body: { email, password }, headers: new Headers(), returnHeaders: true });
  return { sessionCookie: sessionCookieOf(signedIn.headers) };
}

/** Starts, answers and finishes an attempt with lib/data's own functions, as the quiz's routes do. */
async function finishedQuiz(signedValue: string | null, values: number[]): Promise<SeedReply> {
  if (values.length !== quiz.items.length) throw new Error(`Expected ${quiz.items.length} answers, got ${values.length}.`);
  const current = await profileOf(signedValue);
  const guest = current ? null : await newGuest();
  const profile = current ?? guest!.profile;
  const attempt = await startAttempt(profile);
  for (const [index, item] of quiz.items.entries()) {
    const saved = await saveAnswer(profile, attempt.id, { itemId: item.id, value: values[index] });
    if (!("saved" in saved)) throw new Error(`Answer to ${item.id} refused: ${JSON.stringify(saved)}`);
  }
  const finished = await finishAttempt(profile, attempt.id);
  if (!("finished" in finished)) throw new Error(`Finishing refused: ${JSON.stringify(finished)}`);
  return { sessionCookie: guest?.sessionCookie ?? null, attemptId: attempt.id };
}

async function answer(request: SeedRequest): Promise<SeedReply> {
  switch (request.op) {
    case "signed-in-account":
      return signedInAccount(request.email, request.password);
    case "finished-quiz":
      return finishedQuiz(request.sessionCookie, request.values);
  }
}

process.on("message", (message: { id: number; request: unknown }) => {
  void answer(seedRequest.parse(message.request)).then(
    (reply) => process.send!({ id: message.id, reply }),
    (error: unknown) => process.send!({ id: message.id, error: error instanceof Error ? error.stack ?? error.message : String(error) }),
  );
});
// The worker is gone (or stopped): nothing more to answer.
process.on("disconnect", () => process.exit(0));
process.send!({ ready: true });

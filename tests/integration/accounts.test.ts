import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { auth, SIGN_IN_REFUSED } from "@/lib/auth";
import { quiz } from "@/lib/content/quiz";
import { db } from "@/lib/db";
import { listLessonProgress, recordLessonStep } from "@/lib/data/lesson-progress";
import { addPracticeEntry, listPracticeEntries } from "@/lib/data/practice-entries";
import { finishAttempt, saveAnswer, startAttempt } from "@/lib/data/quiz-attempts";
import { listReflections, saveReflection } from "@/lib/data/reflections";

const PASSWORD = "correct horse battery";
const newEmail = () => `someone-${randomUUID()}@example.org`;
/** A distinct client address per test, so the per-address limit of one test never touches another. */
const newAddress = () => `203.0.113.${Math.floor(Math.random() * 250) + 1}, 10.0.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;

/** The `name=value` pairs a Set-Cookie header would leave in a browser. */
function cookieJar(setCookie: string | null): string {
  return [...(setCookie ?? "").matchAll(/(?:^|,\s*)(drawbridge\.[a-z_]+)=([^;]*)/g)]
    .filter(([, , value]) => value !== "")
    .map(([, name, value]) => `${name}=${value}`)
    .join("; ");
}

async function newGuest() {
  const { headers, response } = await auth().api.signInAnonymous({ headers: new Headers(), returnHeaders: true });
  const profile = { id: response!.user.id, isGuest: true };
  return { profile, cookie: cookieJar(headers.get("set-cookie")) };
}

async function signUp(email: string, cookie = "") {
  const { headers, response } = await auth().api.signUpEmail({
    body: { email, password: PASSWORD, name: "" },
    headers: new Headers({ cookie }),
    returnHeaders: true,
  });
  return { profile: { id: response.user.id, isGuest: false }, cookie: cookieJar(headers.get("set-cookie")), setCookie: headers.get("set-cookie") ?? "" };
}

async function signIn(email: string, password: string, { cookie = "", address = newAddress() } = {}) {
  const { headers, response } = await auth().api.signInEmail({
    body: { email, password },
    headers: new Headers({ cookie, "x-forwarded-for": address }),
    returnHeaders: true,
  });
  return { profile: { id: response.user.id, isGuest: false }, cookie: cookieJar(headers.get("set-cookie")) };
}

/** Sign-in over HTTP, as a client of /api/auth would do it. */
function signInOverHttp(email: string, password: string, address: string) {
  const appUrl = "http://localhost:3000";
  return auth().handler(
    new Request(`${appUrl}/api/auth/sign-in/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: appUrl, "x-forwarded-for": address },
      body: JSON.stringify({ email, password }),
    }),
  );
}

async function refusal(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    return error as { statusCode: number; message: string; body?: { message?: string } };
  }
  throw new Error("expected the call to be refused");
}

async function finishedAttempt(profile: { id: string; isGuest: boolean }) {
  const attempt = await startAttempt(profile);
  for (const [index, item] of quiz.items.entries()) await saveAnswer(profile, attempt.id, { itemId: item.id, value: 1 + (index % 5) });
  await finishAttempt(profile, attempt.id);
  return attempt.id;
}

describe("accounts", () => {
  it("signs up with a hashed password and a database session, then signs out server-side", async () => {
    const email = newEmail();
    const { profile, cookie, setCookie } = await signUp(email);
    expect(setCookie).toMatch(/drawbridge\.session_token=[^;]+;.*HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);

    const account = await db().account.findFirstOrThrow({ where: { profileId: profile.id } });
    expect(account.password).toBeTruthy();
    expect(account.password).not.toContain(PASSWORD);
    expect(account.password!.length).toBeGreaterThan(100); // salt:hash, not the password

    const signedIn = await auth().api.getSession({ headers: new Headers({ cookie }) });
    expect(signedIn?.user.email).toBe(email);
    expect(await db().session.count({ where: { profileId: profile.id } })).toBe(1);

    await auth().api.signOut({ headers: new Headers({ cookie }) });
    expect(await db().session.count({ where: { profileId: profile.id } })).toBe(0);
    const token = /drawbridge\.session_token=[^;]+/.exec(cookie)![0];
    expect(await auth().api.getSession({ headers: new Headers({ cookie: token }) })).toBeNull();
  });

  it("marks the account as seen when a browser signs up or in (the date the clean-up of unused accounts reads)", async () => {
    const email = `seen-${Date.now()}@example.org`;
    const before = Date.now();
    const { profile } = await signUp(email);
    const seenAtSignUp = (await db().profile.findUniqueOrThrow({ where: { id: profile.id } })).lastSeenAt;
    expect(seenAtSignUp?.getTime()).toBeGreaterThanOrEqual(before - 1000);
    await db().profile.update({ where: { id: profile.id }, data: { lastSeenAt: new Date(Date.UTC(2020, 0, 1)) } });
    await signIn(email, PASSWORD);
    expect((await db().profile.findUniqueOrThrow({ where: { id: profile.id } })).lastSeenAt!.getTime()).toBeGreaterThanOrEqual(before - 1000);
  });

  it("signs in again with the right password", async () => {
    const email = newEmail();
    const { profile } = await signUp(email);
    const { profile: again, cookie } = await signIn(email.toUpperCase(), PASSWORD);
    expect(again.id).toBe(profile.id);
    expect((await auth().api.getSession({ headers: new Headers({ cookie }) }))?.user.id).toBe(profile.id);
  });

  it("says only 'email or password is wrong', for an unknown email and for a wrong password alike", async () => {
    const email = newEmail();
    await signUp(email);
    const wrongPassword = await refusal(signIn(email, "not the password at all"));
    const unknownEmail = await refusal(signIn(newEmail(), PASSWORD));
    for (const error of [wrongPassword, unknownEmail]) {
      expect(error.statusCode).toBe(401);
      expect(error.message).toBe(SIGN_IN_REFUSED);
    }
  });

  it("refuses a password shorter than 10 characters and creates nothing", async () => {
    const email = newEmail();
    const error = await refusal(auth().api.signUpEmail({ body: { email, password: "nine-char", name: "" }, headers: new Headers() }));
    expect(error.statusCode).toBe(400);
    expect(await db().profile.count({ where: { email } })).toBe(0);
  });

  it("moves everything a guest made into the account they sign up with, and removes the guest", async () => {
    const guest = await newGuest();
    const attemptId = await finishedAttempt(guest.profile);
    await recordLessonStep(guest.profile, { lessonSlug: "the-pattern-from-inside", step: 3, completes: false });
    await saveReflection(guest.profile, { lessonSlug: "the-pattern-from-inside", promptId: "moves-you-recognise", text: "I go quiet when it matters." });
    await addPracticeEntry(guest.profile, {
      capacity: "catching-the-reflex",
      practisedOn: new Date().toISOString().slice(0, 10),
      whatHappened: "A friend asked how I was.",
      whatNoticed: "My chest tightened.",
      whatYouDid: "I answered honestly.",
    });

    const { profile: account } = await signUp(newEmail(), guest.cookie);

    expect(await db().profile.count({ where: { id: guest.profile.id } })).toBe(0);
    const attempt = await db().quizAttempt.findUniqueOrThrow({ where: { id: attemptId }, include: { _count: { select: { answers: true, scores: true } } } });
    expect(attempt.profileId).toBe(account.id);
    expect(attempt._count).toEqual({ answers: quiz.items.length, scores: 5 });
    expect((await listLessonProgress(account)).map((row) => [row.lessonSlug, row.stepReached])).toEqual([["the-pattern-from-inside", 3]]);
    expect((await listReflections(account)).map((row) => row.text)).toEqual(["I go quiet when it matters."]);
    expect((await listPracticeEntries(account)).map((row) => row.whatHappened)).toEqual(["A friend asked how I was."]);
  });

  it("merges a guest into an existing account on sign-in: the further progress wins and both reflections stay", async () => {
    const email = newEmail();
    const { profile: account, cookie: accountCookie } = await signUp(email);
    await recordLessonStep(account, { lessonSlug: "the-pattern-from-inside", step: 2, completes: false });
    await recordLessonStep(account, { lessonSlug: "the-trade-off", step: 5, completes: true });
    await saveReflection(account, { lessonSlug: "the-pattern-from-inside", promptId: "moves-you-recognise", text: "Written on my laptop." });
    await finishedAttempt(account);
    await auth().api.signOut({ headers: new Headers({ cookie: accountCookie }) });

    const guest = await newGuest();
    await recordLessonStep(guest.profile, { lessonSlug: "the-pattern-from-inside", step: 4, completes: false });
    await recordLessonStep(guest.profile, { lessonSlug: "the-trade-off", step: 1, completes: false });
    await recordLessonStep(guest.profile, { lessonSlug: "the-loop", step: 2, completes: false });
    await saveReflection(guest.profile, { lessonSlug: "the-pattern-from-inside", promptId: "moves-you-recognise", text: "Written on my phone." });
    await finishedAttempt(guest.profile);

    const { profile: signedIn } = await signIn(email, PASSWORD, { cookie: guest.cookie });
    expect(signedIn.id).toBe(account.id);
    expect(await db().profile.count({ where: { id: guest.profile.id } })).toBe(0);

    const progress = Object.fromEntries((await listLessonProgress(account)).map((row) => [row.lessonSlug, row]));
    expect(Object.keys(progress).sort()).toEqual(["the-loop", "the-pattern-from-inside", "the-trade-off"]);
    expect(progress["the-pattern-from-inside"]!.stepReached).toBe(4);
    expect(progress["the-trade-off"]!.stepReached).toBe(5);
    expect(progress["the-trade-off"]!.completedAt).not.toBeNull();
    expect(progress["the-loop"]!.stepReached).toBe(2);

    const reflections = await listReflections(account);
    expect(reflections.map((row) => row.text)).toEqual(["Written on my laptop.\n\nWritten on my phone."]);
    expect(await db().quizAttempt.count({ where: { profileId: account.id, status: "completed" } })).toBe(2);
  });
});

describe("sign-in rate limiting", () => {
  it("after 5 wrong passwords for one email in a minute, the next try gets 429 with Retry-After, even with the right password", async () => {
    const email = newEmail();
    await signUp(email);
    for (let attempt = 1; attempt <= 5; attempt++) {
      const response = await signInOverHttp(email, "wrong password here", newAddress());
      expect(response.status).toBe(401);
      expect(((await response.json()) as { message: string }).message).toBe(SIGN_IN_REFUSED);
    }
    const limited = await signInOverHttp(email, PASSWORD, newAddress());
    expect(limited.status).toBe(429);
    const retryAfter = Number(limited.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);

    // The rows hold neither the email nor the address.
    const keys = (await db().rateLimit.findMany({ select: { key: true } })).map((row) => row.key).join(" ");
    expect(keys).not.toContain(email);
    expect(keys).not.toContain("203.0.113.");
  });

  it("after 5 failures from one address, that address waits, whatever email it tries", async () => {
    const address = newAddress();
    for (let attempt = 1; attempt <= 5; attempt++) {
      expect((await signInOverHttp(newEmail(), "wrong password here", address)).status).toBe(401);
    }
    const limited = await signInOverHttp(newEmail(), "wrong password here", address);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await signInOverHttp(newEmail(), "wrong password here", newAddress())).status).toBe(401);
  });

  it("a right password clears the email's count", async () => {
    const email = newEmail();
    await signUp(email);
    for (let attempt = 1; attempt <= 4; attempt++) expect((await signInOverHttp(email, "wrong password here", newAddress())).status).toBe(401);
    expect((await signInOverHttp(email, PASSWORD, newAddress())).status).toBe(200);
    for (let attempt = 1; attempt <= 5; attempt++) expect((await signInOverHttp(email, "wrong password here", newAddress())).status).toBe(401);
    expect((await signInOverHttp(email, PASSWORD, newAddress())).status).toBe(429);
  });
});

describe("server logs", () => {
  it("never carry an email, a password or anything a person wrote", async () => {
    const written: string[] = [];
    const capture = (stream: NodeJS.WriteStream) => {
      const original = stream.write.bind(stream);
      stream.write = ((chunk: unknown, ...rest: unknown[]) => {
        written.push(String(chunk));
        return original(chunk as never, ...(rest as []));
      }) as typeof stream.write;
      return () => (stream.write = original);
    };
    const restore = [capture(process.stdout), capture(process.stderr)];
    const consoleLines: string[] = [];
    const originalConsole = { log: console.log, warn: console.warn, error: console.error, info: console.info };
    for (const method of ["log", "warn", "error", "info"] as const) {
      console[method] = (...args: unknown[]) => {
        consoleLines.push(args.map(String).join(" "));
      };
    }
    const email = newEmail();
    try {
      const guest = await newGuest();
      await saveReflection(guest.profile, { lessonSlug: "the-pattern-from-inside", promptId: "moves-you-recognise", text: "A private sentence." });
      await signUp(email, guest.cookie);
      await refusal(signIn(email, "a wrong private password"));
      await refusal(signIn(newEmail(), "another private password"));
      await refusal(auth().api.signUpEmail({ body: { email, password: PASSWORD, name: "" }, headers: new Headers() }));
    } finally {
      restore.forEach((undo) => undo());
      Object.assign(console, originalConsole);
    }
    const everything = [...written, ...consoleLines].join("\n");
    expect(consoleLines.length + written.length).toBeGreaterThan(0); // the failures were logged…
    for (const secret of [email, "a wrong private password", "another private password", PASSWORD, "A private sentence.", "@example.org"]) {
      expect(everything).not.toContain(secret); // …without anything personal
    }
  });
});

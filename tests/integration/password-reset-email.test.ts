import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it, vi } from "vitest";
import { startMailbox, type ReceivedMail } from "../support/mailbox";

// "Forgot password" by email, through the forms' server actions, on a real database, with the
// email read from a local SMTP server this file starts.

vi.mock("next/headers", async () => (await import("./support/recovery-browser")).nextHeaders());
vi.mock("next/headers.js", async () => (await import("./support/recovery-browser")).nextHeaders());
vi.mock("next/navigation", async () => (await import("./support/recovery-browser")).navigation());
const { browser, Redirected } = await import("./support/recovery-browser");

const mailbox = await startMailbox();
const received = mailbox.received;
process.env.SMTP_URL = mailbox.url;
process.env.APP_URL = "https://drawbridge.example.org";
afterAll(mailbox.close);

const { auth } = await import("@/lib/auth");
const { RESET_LINK_REFUSED } = await import("@/lib/auth/password-reset");
const { forgotPassword, setNewPassword } = await import("@/lib/actions/password-reset");
const { db } = await import("@/lib/db");

const PASSWORD = "a quiet harbour at dusk";
const NEW_PASSWORD = "lanterns over the salt marsh";

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
}

async function post<T>(action: () => Promise<T>): Promise<{ redirectedTo: string } | { state: T }> {
  try {
    return { state: await action() };
  } catch (error) {
    if (error instanceof Redirected) return { redirectedTo: error.to };
    throw error;
  }
}

function newBrowser() {
  browser.jar = new Map();
  browser.address = `198.51.100.${Math.floor(Math.random() * 254) + 1}`;
}

/** An account with a password, made the way the sign-up form's library call makes it. */
async function newAccount() {
  const email = `reset-${randomUUID()}@example.org`;
  await auth().api.signUpEmail({ body: { email, password: PASSWORD, name: "" }, headers: new Headers() });
  const profile = await db().profile.findUniqueOrThrow({ where: { email } });
  return { email, id: profile.id };
}

async function signInWorks(email: string, password: string): Promise<boolean> {
  try {
    await auth().api.signInEmail({ body: { email, password }, headers: new Headers() });
    return true;
  } catch {
    return false;
  }
}

/** The email's text, with MIME's quoted-printable soft line breaks and escapes undone. */
function bodyOf(raw: string): string {
  const unfolded = raw.replace(/=\r?\n/g, "");
  return Buffer.from(unfolded.replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))), "latin1").toString("utf8");
}

/** Waits (briefly) for the emails sent to `to`. */
async function mailTo(to: string, count = 1): Promise<ReceivedMail[]> {
  for (let waited = 0; waited < 5000; waited += 50) {
    const found = received.filter((mail) => mail.to.includes(to));
    if (found.length >= count) return found;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return received.filter((mail) => mail.to.includes(to));
}

const SAME_ANSWER = (email: string) => ({ state: { email, sent: true } });

describe("forgot password by email (SMTP_URL set)", () => {
  it("emails one link to the account's address, with the token and nothing about the person's results, lessons or notes", async () => {
    const account = await newAccount();
    newBrowser();
    expect(await post(() => forgotPassword({ email: "" }, form({ email: account.email.toUpperCase() })))).toEqual(
      SAME_ANSWER(account.email.toUpperCase()),
    );

    const mails = await mailTo(account.email);
    expect(mails).toHaveLength(1);
    const body = bodyOf(mails[0]!.raw);
    expect(mails[0]!.from).toBe("no-reply@drawbridge.example.org");
    expect(body).toMatch(/^Subject: Set a new Drawbridge password/m);
    expect(body).toMatch(/https:\/\/drawbridge\.example\.org\/reset-password\?token=[A-Za-z0-9]{24}/);
    expect(body).toContain("within 60 minutes");
    expect(body).toContain("If you didn’t ask for this, you can ignore this email");
    expect(body).not.toMatch(/result|lesson|reflection|practice|quiz|score|note/i);
  });

  it("sets the new password from the link: the old one fails, every session ends, and the link works once", async () => {
    const account = await newAccount();
    await auth().api.signInEmail({ body: { email: account.email, password: PASSWORD }, headers: new Headers() });
    expect(await db().session.count({ where: { profileId: account.id } })).toBeGreaterThanOrEqual(2);

    newBrowser();
    await post(() => forgotPassword({ email: "" }, form({ email: account.email })));
    const [mail] = await mailTo(account.email);
    const token = /reset-password\?token=([A-Za-z0-9]+)/.exec(bodyOf(mail!.raw))![1]!;

    // The sign-up's rules: an easy password is refused and the link still works.
    expect(await post(() => setNewPassword({}, form({ token, password: "password123" })))).toEqual({
      state: { fieldErrors: { password: expect.stringMatching(/easy to guess|commonly used/i) } },
    });
    expect(await post(() => setNewPassword({}, form({ token, password: NEW_PASSWORD })))).toEqual({ redirectedTo: "/sign-in?password-reset=1" });

    expect(await db().session.count({ where: { profileId: account.id } })).toBe(0);
    expect(await signInWorks(account.email, PASSWORD)).toBe(false);
    expect(await signInWorks(account.email, NEW_PASSWORD)).toBe(true);

    // Used once: the same link is refused and changes nothing.
    expect(await post(() => setNewPassword({}, form({ token, password: "another long harbour phrase" })))).toEqual({
      state: { formError: RESET_LINK_REFUSED },
    });
    expect(await signInWorks(account.email, NEW_PASSWORD)).toBe(true);
  });

  it("answers an unknown address the same and sends nothing", async () => {
    newBrowser();
    const email = `nobody-${randomUUID()}@example.org`;
    expect(await post(() => forgotPassword({ email: "" }, form({ email })))).toEqual(SAME_ANSWER(email));
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(received.filter((mail) => mail.to.includes(email))).toEqual([]);
  });

  it("refuses a made-up token", async () => {
    expect(await post(() => setNewPassword({}, form({ token: "x".repeat(24), password: NEW_PASSWORD })))).toEqual({
      state: { formError: RESET_LINK_REFUSED },
    });
  });

  it("limits the emails asked for one address: the fourth within the hour waits", async () => {
    const account = await newAccount();
    for (let i = 0; i < 3; i += 1) {
      newBrowser();
      expect(await post(() => forgotPassword({ email: "" }, form({ email: account.email })))).toEqual(SAME_ANSWER(account.email));
    }
    newBrowser();
    const refused = await post(() => forgotPassword({ email: "" }, form({ email: account.email })));
    expect(refused).toEqual({ state: { email: account.email, formError: expect.stringMatching(/^Too many tries/) } });
    expect(await mailTo(account.email, 3)).toHaveLength(3);
  });
});

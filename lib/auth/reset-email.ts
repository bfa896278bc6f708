import "server-only";
import { createTransport, type Transporter } from "nodemailer";
import { config } from "@/lib/config";
import { describeError, log } from "@/lib/log";

/** How long the link in a "forgot password" email works. */
export const RESET_LINK_MINUTES = 60;

export type ResetEmail = { subject: string; text: string; html: string };

const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The "forgot password" email: the link, how long it works, and what to do if you didn't ask.
 * Nothing else: no name, no results, lessons or notes (an inbox may be read by someone else).
 */
export function resetEmail(link: string): ResetEmail {
  const subject = "Set a new Drawbridge password";
  const lines = [
    "Someone asked to set a new password for the Drawbridge account that uses this email address.",
    "",
    `To choose a new password, open this link within ${RESET_LINK_MINUTES} minutes:`,
    link,
    "",
    "The link works once. When the new password is set, every browser signed in to the account is signed out.",
    "",
    "If you didn’t ask for this, you can ignore this email: your password stays as it is.",
  ];
  const html = [
    `<p>Someone asked to set a new password for the Drawbridge account that uses this email address.</p>`,
    `<p>To choose a new password, open this link within ${RESET_LINK_MINUTES} minutes:<br><a href="${escapeHtml(link)}">${escapeHtml(link)}</a></p>`,
    `<p>The link works once. When the new password is set, every browser signed in to the account is signed out.</p>`,
    `<p>If you didn’t ask for this, you can ignore this email: your password stays as it is.</p>`,
  ].join("\n");
  return { subject, text: lines.join("\n"), html };
}

const globalForMail = globalThis as unknown as { drawbridgeMail?: { url: string; transport: Transporter } };

function transport(url: string): Transporter {
  if (globalForMail.drawbridgeMail?.url !== url) globalForMail.drawbridgeMail = { url, transport: createTransport(url) };
  return globalForMail.drawbridgeMail.transport;
}

/**
 * Sends the email to `to` through SMTP_URL, without waiting for it: the answer to the form is the
 * same, and as quick, whether or not an account uses the address. A failure is logged without
 * the address or the link.
 */
export function sendResetEmail(to: string, link: string): void {
  const smtp = config().smtp;
  if (!smtp) return;
  const { subject, text, html } = resetEmail(link);
  transport(smtp.url)
    .sendMail({ from: smtp.from, to, subject, text, html })
    .then(
      () => log.info("password_reset.email_sent", {}),
      (error: unknown) => log.error("password_reset.email_failed", describeError(error)),
    );
}

// One-time recovery codes: the way back into an account without email. Only a keyed hash of a
// code is ever stored; the code itself exists in the response that shows it, once.
import "server-only";
import { createHmac, randomInt, timingSafeEqual } from "node:crypto";
import { encryptionKey } from "@/lib/config";
import { db } from "@/lib/db";
import { openText, sealText, UnreadableTextError } from "@/lib/data/encryption";
import { RECOVERY_CODE_ALPHABET, RECOVERY_CODE_LENGTH } from "@/lib/validation/recovery-code";

let hashKey: Buffer | undefined;

/**
 * HMAC-SHA-256 of the (normalised) code under a key derived from the app's encryption key.
 * A fast keyed hash is enough here, unlike for passwords: the code is 100 random bits, so no
 * dictionary or brute force can find it from a stolen hash, and without the key (which is not in
 * the database) the hash can't even be tested. The encryption key is the one secret that must
 * outlive every restart already (it opens people's writing), so codes outlive them too.
 */
export function hashRecoveryCode(code: string, key: Buffer = (hashKey ??= createHmac("sha256", encryptionKey()).update("drawbridge recovery code v1").digest())): string {
  return createHmac("sha256", key).update(code).digest("base64url");
}

/** A new code: 20 characters drawn uniformly from Crockford's base32 by the system's CSPRNG. */
export function newRecoveryCode(): string {
  let code = "";
  for (let i = 0; i < RECOVERY_CODE_LENGTH; i++) code += RECOVERY_CODE_ALPHABET[randomInt(RECOVERY_CODE_ALPHABET.length)];
  return code;
}

/** Gives an account a new code (any earlier one stops working) and returns it, to be shown once. */
export async function issueRecoveryCode(profileId: string): Promise<string> {
  const code = newRecoveryCode();
  const codeHash = hashRecoveryCode(code);
  await db().recoveryCode.upsert({
    where: { profileId },
    create: { profileId, codeHash },
    update: { codeHash, createdAt: new Date(), shownAt: null },
  });
  return code;
}

/**
 * Whether `code` is the account's current code and has not been shown yet; marks it shown in the
 * same statement, so of two requests only one ever gets to show it.
 */
export async function claimRecoveryCodeDisplay(profileId: string, code: string): Promise<boolean> {
  const { count } = await db().recoveryCode.updateMany({
    where: { profileId, codeHash: hashRecoveryCode(code), shownAt: null },
    data: { shownAt: new Date() },
  });
  return count === 1;
}

/** Whether an account has a recovery code at all (for My journey). */
export async function hasRecoveryCode(profileId: string): Promise<boolean> {
  return (await db().recoveryCode.count({ where: { profileId } })) === 1;
}

/**
 * Redeems a recovery code: when `code` is the current code of the account with this email, in one
 * transaction the code is replaced by a new one and the account's password hash by
 * `passwordHash`. Returns the account and its new code, or null (unknown email, a guest, no code,
 * a wrong code, or the code already used by a request that came first), changing nothing.
 */
export async function redeemRecoveryCode(
  email: string,
  code: string,
  passwordHash: string,
): Promise<{ profileId: string; newCode: string } | null> {
  const given = Buffer.from(hashRecoveryCode(code));
  const newCode = newRecoveryCode();
  return db().$transaction(async (tx) => {
    const profile = await tx.profile.findUnique({
      where: { email: email.trim().toLowerCase() },
      select: { id: true, isAnonymous: true, recoveryCode: { select: { codeHash: true } } },
    });
    const stored = Buffer.from(profile?.recoveryCode?.codeHash ?? "");
    if (!profile || profile.isAnonymous || stored.length !== given.length || !timingSafeEqual(stored, given)) return null;
    // Only if the code is still this one: a second request with the same code finds it replaced.
    const { count } = await tx.recoveryCode.updateMany({
      where: { profileId: profile.id, codeHash: stored.toString() },
      data: { codeHash: hashRecoveryCode(newCode), createdAt: new Date(), shownAt: null },
    });
    if (count !== 1) return null;
    const updated = await tx.account.updateMany({
      where: { profileId: profile.id, providerId: "credential" },
      data: { password: passwordHash },
    });
    if (updated.count !== 1) throw new Error("An account with a recovery code has no password to set.");
    return { profileId: profile.id, newCode };
  });
}

/**
 * A new code sealed (AES-256-GCM, lib/data/encryption.ts) for the short-lived cookie that
 * carries it to the page showing it: the server keeps only its hash, the browser can't read it.
 */
export function sealCodeToShow(profileId: string, code: string): string {
  return sealText(JSON.stringify({ profileId, code }), "recoveryCode.shownOnce");
}

/**
 * The code to show from the cookie's sealed value, at most once: null when the value is not one
 * sealCodeToShow made, when the code is no longer the account's, or when it was shown already.
 */
export async function takeCodeToShow(sealed: string): Promise<string | null> {
  if (!sealed.startsWith("v1:")) return null; // openText passes unsealed text through; a cookie must be sealed
  let held: unknown;
  try {
    held = JSON.parse(openText(sealed, "recoveryCode.shownOnce"));
  } catch (error) {
    if (error instanceof UnreadableTextError || error instanceof SyntaxError) return null;
    throw error;
  }
  const { profileId, code } = (held ?? {}) as { profileId?: unknown; code?: unknown };
  if (typeof profileId !== "string" || typeof code !== "string") return null;
  return (await claimRecoveryCodeDisplay(profileId, code)) ? code : null;
}

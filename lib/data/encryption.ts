// Encrypts what people write (reflections, practice entries) before it reaches the database.
// Only lib/data uses this: pages and actions only ever see plain text.
import "server-only";
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { encryptionKey } from "@/lib/config";

/** Which field a text belongs to; bound into the ciphertext so it can't be moved to another field. */
export type SealedField =
  | "reflection.text"
  | "practice.whatHappened"
  | "practice.whatNoticed"
  | "practice.whatYouDid"
  | "recoveryCode.shownOnce";

const VERSION = "v1";
const ALGORITHM = "aes-256-gcm";
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** A stored text that can't be decrypted: the key differs from the one it was saved with, or the value was changed. */
export class UnreadableTextError extends Error {
  override name = "UnreadableTextError";
}

let processKey: Buffer | undefined;

/** The process's key, read once (APP_ENCRYPTION_KEY or data/encryption-key). */
function currentKey(): Buffer {
  processKey ??= encryptionKey();
  return processKey;
}

/**
 * Encrypts a text with AES-256-GCM under a fresh random IV, so the same words never look alike
 * twice: `v1:<base64url iv>:<base64url ciphertext and tag>`. The field name is the additional
 * authenticated data. The profile is deliberately not bound in: merging a guest into an account
 * moves rows between profiles without re-encrypting them.
 */
export function sealText(plain: string, field: SealedField, key: Buffer = currentKey()): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv(ALGORITHM, key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(field, "utf8"));
  const sealed = Buffer.concat([cipher.update(plain, "utf8"), cipher.final(), cipher.getAuthTag()]);
  return `${VERSION}:${iv.toString("base64url")}:${sealed.toString("base64url")}`;
}

/**
 * Decrypts a value sealText made for the same field. A value that doesn't start with `v1:` was
 * saved before texts were encrypted and is returned as it is (it is encrypted the next time it is
 * saved). A value that does but won't decrypt throws UnreadableTextError, which never carries the text.
 */
export function openText(stored: string, field: SealedField, key: Buffer = currentKey()): string {
  if (!stored.startsWith(`${VERSION}:`)) return stored;
  const unreadable = () =>
    new UnreadableTextError(
      `A stored ${field} could not be decrypted: the encryption key is not the one it was saved with, or the stored value was changed.`,
    );
  const [, ivText, sealedText, ...rest] = stored.split(":");
  if (ivText === undefined || sealedText === undefined || rest.length > 0) throw unreadable();
  const iv = Buffer.from(ivText, "base64url");
  const sealed = Buffer.from(sealedText, "base64url");
  // Base64 that doesn't re-encode to itself was altered, even where the bytes come out the same.
  if (iv.length !== IV_BYTES || sealed.length < TAG_BYTES) throw unreadable();
  if (iv.toString("base64url") !== ivText || sealed.toString("base64url") !== sealedText) throw unreadable();

  const decipher = createDecipheriv(ALGORITHM, key, iv, { authTagLength: TAG_BYTES });
  decipher.setAAD(Buffer.from(field, "utf8"));
  decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
  try {
    return Buffer.concat([decipher.update(sealed.subarray(0, sealed.length - TAG_BYTES)), decipher.final()]).toString("utf8");
  } catch {
    throw unreadable();
  }
}

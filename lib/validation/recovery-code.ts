// What /recover accepts as a recovery code (client-safe: no zod-free limits needed here).
import { z } from "zod";

/** Crockford's base32: no I, L, O or U, so a printed code can't be misread. */
export const RECOVERY_CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
/** 20 characters of 32 kinds: 100 random bits, shown in five groups of four. */
export const RECOVERY_CODE_LENGTH = 20;

/**
 * A typed code as the one stored: case, spaces and dashes ignored, and the letters people
 * confuse with digits (O for 0, I and L for 1) read as the digits.
 */
export function normaliseRecoveryCode(typed: string): string {
  return typed.toUpperCase().replace(/[\s-]/g, "").replace(/O/g, "0").replace(/[IL]/g, "1");
}

/** A code as shown: groups of four joined by dashes. */
export function formatRecoveryCode(code: string): string {
  return code.match(/.{1,4}/g)?.join("-") ?? code;
}

export const recoveryCode = z
  .string()
  .max(100, "That recovery code is too long: it has 20 letters and digits.")
  .transform(normaliseRecoveryCode)
  .pipe(
    z
      .string()
      .min(1, "Please enter your recovery code.")
      .length(RECOVERY_CODE_LENGTH, "A recovery code has 20 letters and digits, like ABCD-EFGH-JKMN-PQRS-TVWX.")
      .regex(new RegExp(`^[${RECOVERY_CODE_ALPHABET}]+$`), "A recovery code has only letters and digits, like ABCD-EFGH-JKMN-PQRS-TVWX."),
  );

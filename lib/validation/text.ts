// The rules for text people write, shared by the browser and the server (client-safe: zod only).
import { z } from "zod";

/**
 * One character someone could see: anything but white space, the characters Unicode says to
 * ignore when nothing can show them (zero-width spaces, joiners, U+FEFF, Hangul fillers, tag and
 * variation selectors…), other format and control characters, lone surrogates, combining marks
 * on their own, and the Braille blank (U+2800), which is drawn as nothing.
 */
const VISIBLE = /[^\p{White_Space}\p{Default_Ignorable_Code_Point}\p{Cc}\p{Cf}\p{Cs}\p{M}\u2800]/u;

/** True when `text` has at least one character a reader could see. */
export function hasVisibleText(text: string): boolean {
  return VISIBLE.test(text);
}

// With the u flag a lone surrogate is a code point of its own (category Cs); a valid pair is not.
const LONE_SURROGATE = /\p{Cs}/u;

/**
 * True when `text` is well-formed UTF-16 (what `String.prototype.isWellFormed` answers, which
 * our TypeScript target and older browsers lack). A lone surrogate can't be stored as sent:
 * UTF-8 turns it into U+FFFD.
 */
export function isWellFormedText(text: string): boolean {
  return !LONE_SURROGATE.test(text);
}

export const BROKEN_TEXT = "Part of this text can’t be read: it has a broken character in it. Please retype it and try again.";

type WrittenText = {
  max: number;
  /** Said when the text is over `max` characters. */
  tooLong: string;
  /** Said when there is nothing visible in the text. */
  blank: string;
  /** An empty text is allowed (a reflection can be cleared); spaces alone still are not. */
  mayBeEmpty?: boolean;
};

/**
 * A text someone writes: well-formed, at most `max` characters (UTF-16 units, as a textarea's
 * maxLength counts), and with something visible in it. Nothing is trimmed or changed.
 */
export function writtenText({ max, tooLong, blank, mayBeEmpty = false }: WrittenText) {
  return z
    .string({ message: blank })
    .refine(isWellFormedText, { message: BROKEN_TEXT, abort: true })
    .refine((text) => text.length <= max, { message: tooLong, abort: true })
    .refine((text) => (mayBeEmpty && text === "") || hasVisibleText(text), { message: blank });
}

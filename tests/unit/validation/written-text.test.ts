import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { hasVisibleText, isWellFormedText } from "@/lib/validation/text";

describe("has visible text", () => {
  it("finds nothing to see in spaces, zero-width and format characters, or combining marks alone", () => {
    const invisible = [
      "",
      "          ",
      "\t\n\r",
      "\u00A0\u202F\u3000",
      "\u200B\u200C\u200D",
      "\uFEFF",
      "\u2060\u2061\u2062\u2063\u2064",
      "\u00AD",
      "\u034F",
      "\u180E",
      "\u0300\u0301\u0302",
      "\u20DD",
      "\u3164\u115F\u1160\uFFA0",
      "\u2800",
      "\u202E\u202D",
      "\uDB40\uDC20", // a tag space (U+E0020)
      "\u0000\u0007",
    ];
    for (const text of invisible) expect(hasVisibleText(text), JSON.stringify(text)).toBe(false);
    console.log(`fault: ${invisible.length} invisible texts`);
  });

  it("sees letters, digits, punctuation, emoji and accented letters in any script", () => {
    for (const text of ["a", " 1 ", ".", "😶", "e\u0301", "\u200Bx", "心", "ب", "क\u093F", "\uE000"]) {
      expect(hasVisibleText(text), JSON.stringify(text)).toBe(true);
    }
  });

  it("any text with a letter or digit in it is visible", () => {
    fc.assert(fc.property(fc.string(), fc.constantFrom("a", "Z", "7", "ß", "й"), fc.string(), (before, visible, after) => hasVisibleText(before + visible + after)));
  });
});

describe("well-formed text", () => {
  it("refuses lone and reversed surrogates, and agrees with String.prototype.isWellFormed", () => {
    for (const text of ["\uD800", "a\uDFFF", "\uDE00\uD83D", "x\uD83D"]) expect(isWellFormedText(text), JSON.stringify(text)).toBe(false);
    for (const text of ["", "plain", "😶 emoji", "\uD83D\uDE36"]) expect(isWellFormedText(text), JSON.stringify(text)).toBe(true);
    const native = (text: string) => (text as unknown as { isWellFormed(): boolean }).isWellFormed();
    fc.assert(fc.property(fc.string({ unit: "binary" }), (text) => isWellFormedText(text) === native(text)), { numRuns: 500 });
  });
});

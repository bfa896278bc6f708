import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { openText, sealText, UnreadableTextError } from "@/lib/data/encryption";

const key = randomBytes(32);
const text = "When she asked how I was, I said “fine” and changed the subject.";

/** The sealed bytes (ciphertext and tag) of a stored value, and a way to put changed ones back. */
function parts(stored: string) {
  const [version, iv, sealed] = stored.split(":") as [string, string, string];
  return {
    iv: Buffer.from(iv, "base64url"),
    sealed: Buffer.from(sealed, "base64url"),
    join: (ivBytes: Buffer, sealedBytes: Buffer) => `${version}:${ivBytes.toString("base64url")}:${sealedBytes.toString("base64url")}`,
  };
}

describe("sealText and openText", () => {
  it("give back exactly the text that was sealed, and the stored value shows none of it", () => {
    const stored = sealText(text, "reflection.text", key);
    expect(stored).toMatch(/^v1:[A-Za-z0-9_-]{16}:[A-Za-z0-9_-]+$/);
    expect(stored).not.toContain("fine");
    expect(stored).not.toContain("changed the subject");
    expect(openText(stored, "reflection.text", key)).toBe(text);
  });

  it("use a fresh 12-byte IV each time, so the same text never looks the same twice", () => {
    const stored = Array.from({ length: 50 }, () => sealText(text, "practice.whatHappened", key));
    expect(new Set(stored).size).toBe(50);
    expect(new Set(stored.map((value) => value.split(":")[1])).size).toBe(50);
    for (const value of stored) {
      expect(parts(value).iv).toHaveLength(12);
      expect(openText(value, "practice.whatHappened", key)).toBe(text);
    }
  });

  it("refuse a stored value that was changed anywhere: IV, ciphertext or tag", () => {
    const stored = sealText(text, "reflection.text", key);
    const { iv, sealed, join } = parts(stored);
    const flipped = (bytes: Buffer, at: number) => {
      const copy = Buffer.from(bytes);
      copy[at] = copy[at]! ^ 0x01;
      return copy;
    };
    const tampered = [
      join(flipped(iv, 0), sealed),
      join(iv, flipped(sealed, 0)), // first ciphertext byte
      join(iv, flipped(sealed, sealed.length - 1)), // last tag byte
      join(iv, sealed.subarray(0, sealed.length - 1)), // tag cut short
      join(iv, Buffer.concat([sealed, Buffer.from([0])])),
      join(iv.subarray(0, 11), sealed),
      `${stored}:extra`,
      "v1:",
      "v1:not base64!:also not",
    ];
    for (const value of tampered) {
      expect(() => openText(value, "reflection.text", key)).toThrow(UnreadableTextError);
    }
  });

  it("refuse a value moved from another field", () => {
    const stored = sealText(text, "practice.whatNoticed", key);
    expect(() => openText(stored, "practice.whatYouDid", key)).toThrow(UnreadableTextError);
    expect(() => openText(stored, "reflection.text", key)).toThrow(/A stored reflection\.text could not be decrypted/);
  });

  it("refuse to open with another key, without putting the text in the error", () => {
    const stored = sealText(text, "reflection.text", key);
    let message = "";
    try {
      openText(stored, "reflection.text", randomBytes(32));
    } catch (error) {
      expect(error).toBeInstanceOf(UnreadableTextError);
      message = (error as Error).message;
    }
    expect(message).toMatch(/the encryption key is not the one it was saved with/);
    expect(message).not.toContain("fine");
    expect(message).not.toContain(stored);
  });

  it("pass through a text saved before encryption, as it is", () => {
    for (const legacy of [text, "", "v1 without the colon", "2026-11-20: a date first"]) {
      expect(openText(legacy, "reflection.text", key)).toBe(legacy);
    }
  });

  it("keep unicode, an empty text and 5,000-character texts intact", () => {
    const texts = [
      "",
      "Ich habe „nein“ gesagt — und es war gut. 😌 Ça va. 你好. עברית. e\u0301",
      "🫶".repeat(5000),
      "a".repeat(5000),
      "line one\nline two\r\n\ttabbed",
    ];
    for (const plain of texts) {
      const stored = sealText(plain, "reflection.text", key);
      expect(openText(stored, "reflection.text", key)).toBe(plain);
    }
    const long = sealText("🫶".repeat(5000), "reflection.text", key);
    expect(long.length).toBeLessThan(30_000);
  });
});

import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { addPracticeEntry, getPracticeEntry, updatePracticeEntry } from "@/lib/data/practice-entries";
import { readPracticeEntryFields } from "@/lib/http/practice-entries";
import type { PracticeEntryInput } from "@/lib/validation/practice-entries";
import { listReflections, saveReflection } from "@/lib/data/reflections";
import { makeGuestProfile } from "./support/profiles";

/** Texts a person can't see: each must count as "nothing written". */
const invisible = {
  "zero-width spaces": "\u200B\u200B\u200B",
  "a byte-order mark": "\uFEFF",
  "word joiners": "\u2060\u2060",
  "a combining mark alone": "\u0301",
  "combining marks alone": "\u0300\u0301\u0302",
  "no-break spaces": "\u00A0\u00A0",
  "soft hyphen and zero-width joiner": "\u00AD\u200D",
  "a Hangul filler": "\u3164",
  "a Braille blank": "\u2800",
  "spaces, tabs and zero-width spaces mixed": " \t\u200B\u00A0\u202F\u3000\n",
};

/** Strings that are not well-formed UTF-16: a lone high or low surrogate, or a reversed pair. */
const broken = {
  "a lone high surrogate": "hello \uD800 there",
  "a lone low surrogate at the end": "hello there \uDC00",
  "a reversed pair": "back to front \uDE00\uD83D",
};

const day = new Date().toISOString().slice(0, 10);
const entry = (texts: Partial<PracticeEntryInput> = {}): PracticeEntryInput => ({
  capacity: "catching-the-reflex",
  practisedOn: day,
  whatHappened: "A friend asked how I was.",
  whatNoticed: "My chest tightened.",
  whatYouDid: "I answered honestly.",
  ...texts,
});

describe("texts people write", () => {
  it("a reflection of only invisible characters, or with a broken character, is refused and nothing is stored", async () => {
    const profile = await makeGuestProfile();
    const cases = { ...invisible, ...broken };
    for (const [what, text] of Object.entries(cases)) {
      await expect(
        saveReflection(profile, { lessonSlug: "the-pattern-from-inside", promptId: "moves-you-recognise", text }),
        what,
      ).rejects.toThrow();
    }
    expect(await db().reflection.count({ where: { profileId: profile.id } })).toBe(0);
    console.log(`fault: ${Object.keys(cases).length} invisible or broken reflections, 0 stored`);
  });

  it("a reflection can still be cleared, and is kept exactly as written", async () => {
    const profile = await makeGuestProfile();
    const input = { lessonSlug: "the-pattern-from-inside", promptId: "moves-you-recognise" };
    const written = "  I go quiet 😶 when it matters.\u200B  ";
    expect((await saveReflection(profile, { ...input, text: written })).text).toBe(written);
    expect((await listReflections(profile)).map((row) => row.text)).toEqual([written]);
    expect((await saveReflection(profile, { ...input, text: "" })).text).toBe("");
    expect((await listReflections(profile)).map((row) => row.text)).toEqual([""]);
  });

  it("a practice entry with a text of only invisible characters, or a broken character, is refused and nothing is stored", async () => {
    const profile = await makeGuestProfile();
    const cases = Object.entries({ ...invisible, ...broken }).flatMap(([what, text]) =>
      (["whatHappened", "whatNoticed", "whatYouDid"] as const).map((field) => [`${what} in ${field}`, field, text] as const),
    );
    for (const [what, field, text] of cases) {
      await expect(addPracticeEntry(profile, entry({ [field]: text })), what).rejects.toThrow();
      // What the route reads from a request body says which field is wrong.
      const read = readPracticeEntryFields(entry({ [field]: text }));
      expect("fieldErrors" in read && Object.keys(read.fieldErrors), what).toEqual([field]);
    }
    expect(await db().practiceEntry.count({ where: { profileId: profile.id } })).toBe(0);

    const kept = await addPracticeEntry(profile, entry());
    for (const [what, field, text] of cases) {
      await expect(updatePracticeEntry(profile, kept.id, entry({ [field]: text })), what).rejects.toThrow();
    }
    expect(await getPracticeEntry(profile, kept.id)).toMatchObject({ whatHappened: "A friend asked how I was." });
    expect(await db().practiceEntry.count({ where: { profileId: profile.id } })).toBe(1);
    console.log(`fault: ${cases.length} invisible or broken practice texts on add, ${cases.length} on update, 0 stored or changed`);
  });

  it("a practice entry in any script, with emoji and accents, is stored as written", async () => {
    const profile = await makeGuestProfile();
    const texts = { whatHappened: "Ela perguntou: está tudo bem?", whatNoticed: "心が閉じた 😶", whatYouDid: "e\u0301 — I said so." };
    expect(await addPracticeEntry(profile, entry(texts))).toMatchObject(texts);
  });
});

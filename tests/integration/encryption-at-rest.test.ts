import { randomUUID } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { describe, expect, inject, it } from "vitest";
import { config } from "@/lib/config";
import { db } from "@/lib/db";
import { UnreadableTextError } from "@/lib/data/encryption";
import {
  addPracticeEntry,
  getPracticeEntry,
  listPracticeEntries,
  updatePracticeEntry,
} from "@/lib/data/practice-entries";
import { getReflection, listReflections, saveReflection } from "@/lib/data/reflections";
import { makeGuestProfile } from "./support/profiles";

const provider = inject("provider");

/** Distinctive words no other test writes, so finding any 12 characters of them means a leak. */
function written(what: string): string {
  return `${what} ${randomUUID()}: I noticed my jaw tighten when Robin said “we need to talk” — and I stayed.`;
}

/** Every 12-character stretch of a text: none of them may appear in what the database holds. */
function stretches(text: string): string[] {
  return Array.from({ length: text.length - 11 }, (_, at) => text.slice(at, at + 12));
}

function expectNoneOf(texts: string[], stored: string) {
  for (const text of texts) {
    for (const stretch of stretches(text)) expect(stored, `the database holds "${stretch}"`).not.toContain(stretch);
  }
}

type Row = Record<string, unknown>;
const rawReflection = async (id: string) => (await db().$queryRaw<Row[]>`SELECT * FROM "Reflection" WHERE "id" = ${id}`)[0]!;
const rawPracticeEntry = async (id: string) =>
  (await db().$queryRaw<Row[]>`SELECT * FROM "PracticeEntry" WHERE "id" = ${id}`)[0]!;
const asText = (row: Row) => JSON.stringify(row, (_key, value: unknown) => (typeof value === "bigint" ? String(value) : value));

function practiceEntry() {
  return {
    capacity: "catching-the-reflex",
    practisedOn: "2026-11-20",
    whatHappened: written("What happened"),
    whatNoticed: written("What I noticed"),
    whatYouDid: written("What I did"),
  };
}

describe(`encryption at rest (${provider})`, () => {
  it("stores reflections and practice entries only as ciphertext, and reads back the exact words", async () => {
    const alex = await makeGuestProfile();
    const reflectionText = written("Reflection");
    const reflection = await saveReflection(alex, { lessonSlug: "the-trade", promptId: "first-memory", text: reflectionText });
    expect(reflection.text).toBe(reflectionText);
    const entry = practiceEntry();
    const saved = await addPracticeEntry(alex, entry);
    expect(saved).toMatchObject({ whatHappened: entry.whatHappened, whatNoticed: entry.whatNoticed, whatYouDid: entry.whatYouDid });

    const reflectionRow = await rawReflection(reflection.id);
    expect(reflectionRow.text).toMatch(/^v1:[A-Za-z0-9_-]{16}:[A-Za-z0-9_-]+$/);
    expectNoneOf([reflectionText], asText(reflectionRow));

    const entryRow = await rawPracticeEntry(saved.id);
    for (const field of ["whatHappened", "whatNoticed", "whatYouDid"]) expect(entryRow[field]).toMatch(/^v1:/);
    expectNoneOf([entry.whatHappened, entry.whatNoticed, entry.whatYouDid], asText(entryRow));

    expect(await getReflection(alex, reflection.id)).toMatchObject({ text: reflectionText });
    expect(await listReflections(alex)).toMatchObject([{ id: reflection.id, text: reflectionText }]);
    const expected = { id: saved.id, whatHappened: entry.whatHappened, whatNoticed: entry.whatNoticed, whatYouDid: entry.whatYouDid };
    expect(await getPracticeEntry(alex, saved.id)).toMatchObject(expected);
    expect(await listPracticeEntries(alex, "catching-the-reflex")).toMatchObject([expected]);
  });

  it("encrypts again on every change: a replaced reflection and an updated entry", async () => {
    const alex = await makeGuestProfile();
    const first = written("First answer");
    const second = written("Second answer");
    const reflection = await saveReflection(alex, { lessonSlug: "the-loop", promptId: "what-it-costs", text: first });
    const firstStored = (await rawReflection(reflection.id)).text;
    await saveReflection(alex, { lessonSlug: "the-loop", promptId: "what-it-costs", text: second });
    const row = await rawReflection(reflection.id);
    expect(row.text).toMatch(/^v1:/);
    expect(row.text).not.toBe(firstStored);
    expectNoneOf([first, second], asText(row));
    expect(await getReflection(alex, reflection.id)).toMatchObject({ text: second });

    const entry = await addPracticeEntry(alex, practiceEntry());
    const changed = practiceEntry();
    expect(await updatePracticeEntry(alex, entry.id, changed)).toMatchObject({ whatYouDid: changed.whatYouDid });
    const entryRow = await rawPracticeEntry(entry.id);
    expectNoneOf([changed.whatHappened, changed.whatNoticed, changed.whatYouDid], asText(entryRow));
    expect(entryRow.whatYouDid).toMatch(/^v1:/);
  });

  it("keeps 5,000 characters of any script within the limit, however long the ciphertext", async () => {
    const alex = await makeGuestProfile();
    const text = "我们需要谈谈。".repeat(714) + "好的"; // 5,000 characters, 15,000 bytes of UTF-8
    expect(text).toHaveLength(5000);
    const reflection = await saveReflection(alex, { lessonSlug: "the-trade", promptId: "long-answer", text });
    expect(String((await rawReflection(reflection.id)).text).length).toBeGreaterThan(20_000);
    expect((await getReflection(alex, reflection.id))?.text).toBe(text);
    await expect(saveReflection(alex, { lessonSlug: "the-trade", promptId: "long-answer", text: text + "。" })).rejects.toThrow(
      /under 5,000 characters/,
    );
  });

  it.runIf(provider === "sqlite")("leaves no plaintext anywhere in the SQLite file or its write-ahead log", async () => {
    const alex = await makeGuestProfile();
    const reflectionText = written("On disk");
    const entry = practiceEntry();
    await saveReflection(alex, { lessonSlug: "the-trade", promptId: "on-disk", text: reflectionText });
    await addPracticeEntry(alex, entry);

    const database = config().database;
    if (database.provider !== "sqlite") throw new Error("expected the SQLite test database");
    const files = [database.filePath, `${database.filePath}-wal`].filter((file) => existsSync(file));
    expect(files).toContain(database.filePath);
    const bytes = files.map((file) => readFileSync(file).toString("latin1"));
    // The words really are written to these files: the sealed values are there.
    const stored = String((await db().$queryRaw<Row[]>`SELECT "text" FROM "Reflection" WHERE "promptId" = 'on-disk'`)[0]!.text);
    expect(bytes.some((content) => content.includes(stored))).toBe(true);
    const utf8 = (text: string) => Buffer.from(text, "utf8").toString("latin1");
    for (const content of bytes) {
      expectNoneOf([reflectionText, entry.whatHappened, entry.whatNoticed, entry.whatYouDid].map(utf8), content);
    }
  });

  it("reads a text saved before encryption as it is, and encrypts it the next time it is saved", async () => {
    const alex = await makeGuestProfile();
    const reflection = await saveReflection(alex, { lessonSlug: "the-trade", promptId: "older", text: "placeholder" });
    await db().$executeRaw`UPDATE "Reflection" SET "text" = ${"Written before texts were encrypted."} WHERE "id" = ${reflection.id}`;
    expect(await getReflection(alex, reflection.id)).toMatchObject({ text: "Written before texts were encrypted." });

    await saveReflection(alex, { lessonSlug: "the-trade", promptId: "older", text: "Written before texts were encrypted, now kept." });
    expect((await rawReflection(reflection.id)).text).toMatch(/^v1:/);
  });

  it("refuses a ciphertext moved into another field, but follows rows moved to another profile", async () => {
    const alex = await makeGuestProfile();
    const entry = practiceEntry();
    const saved = await addPracticeEntry(alex, entry);
    await db().$executeRaw`UPDATE "PracticeEntry" SET "whatHappened" = "whatNoticed", "whatNoticed" = "whatHappened" WHERE "id" = ${saved.id}`;
    await expect(getPracticeEntry(alex, saved.id)).rejects.toThrow(UnreadableTextError);
    await expect(listPracticeEntries(alex)).rejects.toThrow(/could not be decrypted/);

    // Signing up moves a guest's rows to the account as they are, without re-encrypting.
    const guest = await makeGuestProfile();
    const account = await makeGuestProfile();
    const text = written("Moved");
    const reflection = await saveReflection(guest, { lessonSlug: "the-trade", promptId: "moved", text });
    const moved = practiceEntry();
    await addPracticeEntry(guest, moved);
    await db().reflection.updateMany({ where: { profileId: guest.id }, data: { profileId: account.id } });
    await db().practiceEntry.updateMany({ where: { profileId: guest.id }, data: { profileId: account.id } });
    expect(await getReflection(account, reflection.id)).toMatchObject({ text });
    expect(await listPracticeEntries(account)).toMatchObject([{ whatHappened: moved.whatHappened, whatYouDid: moved.whatYouDid }]);
  });
});

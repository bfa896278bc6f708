// "What we store", field by field (/privacy), from content/privacy/stored.json, validated once
// when this module loads. tests/unit/content/stored-fields.test.ts holds it against
// prisma/schema.prisma, so a model or field added without saying what it keeps fails the tests.
import * as z from "zod";
import storedJson from "@/content/privacy/stored.json";
import { ContentError, schemaProblems, text } from "./schemas";

export const STORED_FILE = "content/privacy/stored.json";

/** How a value sits in the database: as written, scrambled one way (a hash), or encrypted. */
export const PROTECTIONS = ["plain", "hashed", "encrypted"] as const;
export type Protection = (typeof PROTECTIONS)[number];

export const StoredRowSchema = z.strictObject({
  /** The model's fields this row describes (columns only; relations are not stored). */
  fields: z.array(z.string().regex(/^[a-z][A-Za-z0-9]*$/, "must be a field name as the schema spells it")).min(1, "names no fields"),
  what: text,
  why: text,
  kept: text,
  protection: z.enum(PROTECTIONS),
});
export type StoredRow = z.infer<typeof StoredRowSchema>;

export const StoredKindSchema = z.strictObject({
  /** The Prisma model, as prisma/schema.prisma names it. */
  model: z.string().regex(/^[A-Z][A-Za-z0-9]*$/, "must be a model name as the schema spells it"),
  title: text,
  rows: z.array(StoredRowSchema).min(1, "lists no rows"),
});
export type StoredKind = z.infer<typeof StoredKindSchema>;

export const StoredFileSchema = z.strictObject({
  /** When this table was last read against the schema and the code. */
  checked: z.iso.date("must be a date like 2026-12-02"),
  kinds: z.array(StoredKindSchema).min(1, "lists nothing"),
});
export type StoredFile = z.infer<typeof StoredFileSchema>;

/** Validates the file and returns it typed; throws a ContentError listing every problem. */
export function loadStored(raw: unknown): StoredFile {
  const problems = schemaProblems(STORED_FILE, StoredFileSchema, raw);
  if (problems.length > 0) throw new ContentError(problems);
  return StoredFileSchema.parse(raw);
}

export const stored: StoredFile = loadStored(storedJson);

export const protectionText: Record<Protection, string> = {
  plain: "No",
  hashed: "Hashed (can’t be read back)",
  encrypted: "Encrypted",
};

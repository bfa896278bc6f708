import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { loadStored, stored } from "@/lib/content/privacy";

const SCALARS = new Set(["String", "Int", "BigInt", "Float", "Decimal", "Boolean", "DateTime", "Json", "Bytes"]);

/** Every model of a Prisma schema with the fields it stores (columns; relation fields are not stored). */
function storedColumns(schemaFile: string): Map<string, string[]> {
  const models = new Map<string, string[]>();
  const source = readFileSync(schemaFile, "utf8");
  for (const [, name, body] of source.matchAll(/^model\s+(\w+)\s*\{([^}]*)\}/gm)) {
    const fields = body!
      .split("\n")
      .map((line) => line.replace(/\/\/.*$/, "").trim())
      .filter((line) => line !== "" && !line.startsWith("@@"))
      .map((line) => line.split(/\s+/))
      .filter(([, type]) => SCALARS.has(type!.replace(/[?[\]]/g, "")))
      .map(([field]) => field!);
    models.set(name!, fields);
  }
  return models;
}

describe("what we store (content/privacy/stored.json)", () => {
  for (const schemaFile of ["prisma/schema.prisma", "prisma/postgresql/schema.prisma"]) {
    it(`names every field of every model in ${schemaFile} exactly once, and nothing that isn't there`, () => {
      const models = storedColumns(schemaFile);
      expect(models.size).toBeGreaterThan(10);
      expect(stored.kinds.map((kind) => kind.model).sort()).toEqual([...models.keys()].sort());
      for (const kind of stored.kinds) {
        const described = kind.rows.flatMap((row) => row.fields);
        expect(described.sort(), `${kind.model}: the fields the table describes`).toEqual([...models.get(kind.model)!].sort());
      }
    });
  }

  it("says which texts are encrypted: reflections and practice entries, as the code encrypts them", () => {
    const encrypted = stored.kinds.flatMap((kind) => kind.rows.filter((row) => row.protection === "encrypted").flatMap((row) => row.fields.map((field) => `${kind.model}.${field}`)));
    expect(encrypted.sort()).toEqual(["PracticeEntry.whatHappened", "PracticeEntry.whatNoticed", "PracticeEntry.whatYouDid", "Reflection.text"]);
  });

  it("refuses a row without its reasons, with the file and field named", () => {
    expect(() => loadStored({ checked: "2026-12-02", kinds: [{ model: "Profile", title: "P", rows: [{ fields: ["id"], what: "x", kept: "y", protection: "plain" }] }] })).toThrow(
      /content\/privacy\/stored\.json: kinds\[0\]\.rows\[0\]\.why/,
    );
  });
});

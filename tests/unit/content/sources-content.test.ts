import { describe, expect, it } from "vitest";
import { ContentError } from "@/lib/content/schemas";
import { checkSources, doiUrl, loadSources, rawSources, sourceGroups } from "@/lib/content/sources";

// Loosely typed on purpose: the tests write values the schema must reject.
type Json = Record<string, any>;

/** A deep copy of the real file to break in one place. */
function brokenCopy() {
  return structuredClone(rawSources) as { groups: (Json & { references: Json[] })[] };
}

describe("the real sources file", () => {
  it("passes every check", () => {
    expect(checkSources(rawSources)).toEqual([]);
  });

  it("groups the references by what they support, each with a year, a title and where it was confirmed", () => {
    expect(sourceGroups.map((group) => group.id)).toEqual([
      "attachment-in-childhood",
      "adult-attachment-and-avoidance",
      "measuring-attachment",
      "emotion-and-regulation",
      "patterns-between-partners",
    ]);
    for (const reference of sourceGroups.flatMap((group) => group.references)) {
      expect(reference.year, reference.id).toBeGreaterThan(1900);
      expect(reference.checkedAt.length, reference.id).toBeGreaterThan(0);
    }
  });

  it("links a DOI through doi.org", () => {
    expect(doiUrl("10.1037/0022-3514.85.2.348")).toBe("https://doi.org/10.1037/0022-3514.85.2.348");
  });
});

describe("checkSources names the field of each problem", () => {
  it("reports a reference with no year", () => {
    const file = brokenCopy();
    delete file.groups[1]!.references[0]!.year;
    expect(checkSources(file)).toEqual(["content/sources.json: groups[1].references[0].year: is required"]);
  });

  it("reports a year written as text or out of range", () => {
    const file = brokenCopy();
    file.groups[0]!.references[0]!.year = "1969";
    file.groups[0]!.references[1]!.year = 19780;
    expect(checkSources(file)).toEqual([
      "content/sources.json: groups[0].references[0].year: must be a year, written as a number",
      "content/sources.json: groups[0].references[1].year: must be 2100 or earlier",
    ]);
  });

  it("reports a malformed DOI, including one pasted as a link", () => {
    const file = brokenCopy();
    file.groups[1]!.references[0]!.doi = "doi 10.1037 0022-3514";
    file.groups[2]!.references[1]!.doi = "https://doi.org/10.1037/0022-3514.78.2.350";
    const problems = checkSources(file);
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/^content\/sources\.json: groups\[1\]\.references\[0\]\.doi: must be a bare DOI/);
    expect(problems[1]).toMatch(/^content\/sources\.json: groups\[2\]\.references\[1\]\.doi: must be a bare DOI/);
  });

  it("accepts a reference without a DOI, but not one without a confirming address", () => {
    const file = brokenCopy();
    delete file.groups[1]!.references[0]!.doi;
    expect(checkSources(file)).toEqual([]);
    file.groups[1]!.references[0]!.checkedAt = [];
    file.groups[1]!.references[1]!.checkedAt = ["somewhere on the web"];
    expect(checkSources(file)).toEqual([
      "content/sources.json: groups[1].references[0].checkedAt: lists no address where the reference was confirmed",
      "content/sources.json: groups[1].references[1].checkedAt[0]: must be a full web address (https://…)",
    ]);
  });

  it("reports an empty title, an unexpected field and an id used twice", () => {
    const file = brokenCopy();
    file.groups[0]!.references[0]!.title = "  ";
    file.groups[0]!.references[0]!.pages = "1-10";
    file.groups[3]!.references[1]!.id = file.groups[3]!.references[0]!.id;
    expect(checkSources(file)).toEqual([
      "content/sources.json: groups[0].references[0].title: is empty or only whitespace",
      "content/sources.json: groups[0].references[0].pages: is not an expected field",
      'content/sources.json: groups[3].references[1].id: "gross-1998" is used more than once',
    ]);
  });

  it("throws a ContentError listing the problems when loading a broken file", () => {
    const file = brokenCopy();
    delete file.groups[0]!.references[0]!.year;
    expect(() => loadSources(file)).toThrow(ContentError);
    expect(() => loadSources(file)).toThrow(/groups\[0\]\.references\[0\]\.year: is required/);
  });
});

import { describe, expect, it } from "vitest";
import {
  checkHelpLines,
  helpLines,
  parseHelpLines,
  rawHelpLines,
  REQUIRED_COUNTRIES,
  telHref,
} from "@/lib/content/help";
import { ContentError as ContentErrorForHelp } from "@/lib/content/schemas";

// Loosely typed on purpose: the tests write values the schema must reject.
type Json = Record<string, any>;

/** A deep copy of the real file to break in one place. */
const brokenCopy = () => structuredClone(rawHelpLines) as Json;
const FILE = "content/help/lines.json";

describe("the real help lines", () => {
  it("pass every check", () => {
    expect(checkHelpLines(rawHelpLines)).toEqual([]);
  });

  it("give a line, or a way to find one, for every promised country", () => {
    for (const id of REQUIRED_COUNTRIES) {
      const country = helpLines.abuse.countries.find((entry) => entry.id === id);
      expect(country, id).toBeDefined();
      expect(country!.lines.length > 0 || country!.findLocal !== undefined, id).toBe(true);
    }
  });

  it("say Canada has no single national line and where to find a local one", () => {
    const canada = helpLines.abuse.countries.find((entry) => entry.id === "ca")!;
    expect(canada.lines).toEqual([]);
    expect(canada.findLocal?.text).toMatch(/no single national line/);
    expect(canada.findLocal?.links.map((link) => link.url)).toContain("https://sheltersafe.ca");
  });

  it("keep the crisis lines the help page has always shown", () => {
    expect(helpLines.crisis.lines.map((line) => line.phone)).toEqual(["988", "116 123"]);
    expect(helpLines.crisis.elsewhere.url).toBe("https://findahelpline.com");
  });
});

describe("a broken help-lines file is reported with its file and field", () => {
  it("a phone number with letters in it", () => {
    const file = brokenCopy();
    file.abuse.countries[0].lines[0].phone = "1-800-SAFE";
    expect(checkHelpLines(file)).toEqual([
      `${FILE}: abuse.countries[0].lines[0].phone: must be a phone number: digits, with spaces or hyphens between groups`,
    ]);
  });

  it("a text number that isn't one", () => {
    const file = brokenCopy();
    file.abuse.countries[0].lines[0].text.to = "text us";
    expect(checkHelpLines(file)).toEqual([
      `${FILE}: abuse.countries[0].lines[0].text.to: must be a phone number: digits, with spaces or hyphens between groups`,
    ]);
  });

  it("a line with no source", () => {
    const file = brokenCopy();
    delete file.crisis.lines[1].source;
    expect(checkHelpLines(file)).toEqual([`${FILE}: crisis.lines[1].source: is required`]);
  });

  it("hours whose source is not a web address", () => {
    const file = brokenCopy();
    file.abuse.countries[4].lines[0].hours.source = "their website";
    expect(checkHelpLines(file)).toEqual([
      `${FILE}: abuse.countries[4].lines[0].hours.source: must be the full web address (https://…) of the page this was checked against`,
    ]);
  });

  it("a lastChecked date that isn't a real YYYY-MM-DD date", () => {
    for (const bad of ["2 December 2026", "2026-02-30", "2026-12"]) {
      const file = brokenCopy();
      file.lastChecked = bad;
      expect(checkHelpLines(file), bad).toEqual([`${FILE}: lastChecked: must be a real date written YYYY-MM-DD`]);
    }
  });

  it("a missing lastChecked", () => {
    const file = brokenCopy();
    delete file.lastChecked;
    expect(checkHelpLines(file)).toEqual([`${FILE}: lastChecked: is required`]);
  });

  it("a chat link that isn't https", () => {
    const file = brokenCopy();
    file.abuse.countries[0].lines[0].chat.url = "http://www.thehotline.org";
    expect(checkHelpLines(file)).toEqual([`${FILE}: abuse.countries[0].lines[0].chat.url: must be a full https:// web address`]);
  });

  it("a note without the page it came from", () => {
    const file = brokenCopy();
    delete file.abuse.countries[1].lines[1].noteSource;
    expect(checkHelpLines(file)).toEqual([`${FILE}: abuse.countries[1].lines[1].noteSource: is required when there is a note`]);
  });

  it("a country with no lines and no way to find one", () => {
    const file = brokenCopy();
    delete file.abuse.countries[3].findLocal;
    expect(checkHelpLines(file)).toEqual([
      `${FILE}: abuse.countries[3].lines: lists no lines; add one, or a findLocal entry that says how to find one`,
    ]);
  });

  it("a promised country left out, and an id used twice", () => {
    const file = brokenCopy();
    file.abuse.countries = file.abuse.countries.filter((country: Json) => country.id !== "nz");
    file.abuse.countries[0].lines[0].id = "uk-ni-dsa";
    expect(checkHelpLines(file)).toEqual([
      `${FILE}: abuse.countries[1].lines[3].id: "uk-ni-dsa" is also the id at abuse.countries[0].lines[0].id`,
      `${FILE}: abuse.countries: has no entry with id "nz"; the help page promises one`,
    ]);
  });

  it("an unknown field", () => {
    const file = brokenCopy();
    file.abuse.countries[0].lines[0].fax = "123";
    expect(checkHelpLines(file)).toEqual([`${FILE}: abuse.countries[0].lines[0].fax: is not an expected field`]);
  });

  it("parsing a broken file throws one error listing every problem", () => {
    const file = brokenCopy();
    file.lastChecked = "soon";
    file.crisis.lines[0].phone = "nine-eight-eight";
    expect(() => parseHelpLines(file)).toThrow(ContentErrorForHelp);
    try {
      parseHelpLines(file);
    } catch (error) {
      expect((error as InstanceType<typeof ContentErrorForHelp>).problems).toHaveLength(2);
    }
  });
});

describe("telHref", () => {
  it("dials the digits of a number as written", () => {
    expect(telHref("0808 2000 247")).toBe("tel:08082000247");
    expect(telHref("1-800-799-7233")).toBe("tel:18007997233");
    expect(telHref("988")).toBe("tel:988");
  });
});

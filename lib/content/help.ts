// The help lines shown on /help, the results page and the lessons: crisis lines, and the
// domestic-abuse lines for someone afraid of a partner or family member. Every number, text
// code, chat address and opening time carries the address it was checked against, and the
// file says when that was, so a reader (and an editor) can see how fresh it is.
// Validated once when this module loads; `npm run content:check` runs the same checks.
import * as z from "zod";
import linesJson from "@/content/help/lines.json";
import { ContentError, fileProblem, formatFieldPath, isRecord, records, schemaProblems, slug, text } from "./schemas";

export const HELP_LINES_FILE = "content/help/lines.json";

/** The countries the help page promises a domestic-abuse line (or a way to find one) for. */
export const REQUIRED_COUNTRIES = ["us", "uk", "ie", "ca", "au", "nz"] as const;

/** Digits, optionally a leading +, with single spaces or hyphens between groups: "988", "0808 2000 247". */
export const PHONE_PATTERN = /^\+?\d+(?:[ -]\d+)*$/;
const phone = text.regex(PHONE_PATTERN, "must be a phone number: digits, with spaces or hyphens between groups");

function isWebAddress(value: string, protocols: readonly string[]): boolean {
  try {
    return protocols.includes(new URL(value).protocol);
  } catch {
    return false;
  }
}

/** Where a fact was checked: any web page. */
const source = text.refine((value) => isWebAddress(value, ["https:", "http:"]), {
  message: "must be the full web address (https://…) of the page this was checked against",
});
/** A link we send readers to: secure pages only. */
const secureUrl = text.refine((value) => isWebAddress(value, ["https:"]), {
  message: "must be a full https:// web address",
});

/** A calendar date written YYYY-MM-DD that exists. */
const isoDate = text.refine(
  (value) => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
    const date = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
  },
  { message: "must be a real date written YYYY-MM-DD" },
);

const LineFields = {
  id: slug,
  name: text,
  /** Part of a country the line serves, e.g. "Scotland". */
  area: text.optional(),
  phone,
  /** Where the name and phone number were checked. */
  source,
  text: z
    .strictObject({
      to: phone,
      /** A word to send, when the line asks for one ("START"). */
      keyword: text.regex(/^[A-Z0-9]+$/, "must be capital letters or digits").optional(),
      source,
    })
    .optional(),
  chat: z.strictObject({ url: secureUrl, source }).optional(),
  hours: z.strictObject({ text, source }).optional(),
  /** One short sentence, e.g. who the line is for. */
  note: text.optional(),
  noteSource: source.optional(),
};

function noteNeedsSource(line: { note?: string | undefined; noteSource?: string | undefined }, ctx: z.RefinementCtx) {
  if (line.note !== undefined && line.noteSource === undefined) {
    ctx.addIssue({ code: "custom", path: ["noteSource"], message: "is required when there is a note" });
  }
}

export const HelpLineSchema = z.strictObject(LineFields).superRefine(noteNeedsSource);
export type HelpLine = z.infer<typeof HelpLineSchema>;

export const CrisisLineSchema = z
  .strictObject({ ...LineFields, /** "In the US" */ region: text })
  .superRefine(noteNeedsSource);
export type CrisisLine = z.infer<typeof CrisisLineSchema>;

const ElsewhereSchema = z.strictObject({ name: text, url: secureUrl, source });
export type Elsewhere = z.infer<typeof ElsewhereSchema>;

export const CountrySchema = z
  .strictObject({
    id: slug,
    name: text,
    emergency: z
      .strictObject({
        number: phone,
        source,
        /** What to do when speaking would be dangerous, where the country has a way (the UK's 55). */
        silentCall: z.strictObject({ text, source }).optional(),
      }),
    lines: z.array(HelpLineSchema),
    /** For a country with no single national line: how to find a local one. */
    findLocal: z
      .strictObject({
        text,
        source,
        links: z.array(z.strictObject({ name: text, url: secureUrl })).min(1, "lists no links"),
      })
      .optional(),
  })
  .superRefine((country, ctx) => {
    if (country.lines.length === 0 && country.findLocal === undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["lines"],
        message: "lists no lines; add one, or a findLocal entry that says how to find one",
      });
    }
  });
export type Country = z.infer<typeof CountrySchema>;

export const HelpLinesFileSchema = z.strictObject({
  /** The day every line in this file was last checked against its sources. */
  lastChecked: isoDate,
  crisis: z.strictObject({
    lines: z.array(CrisisLineSchema).min(1, "lists no lines"),
    elsewhere: ElsewhereSchema,
  }),
  abuse: z.strictObject({
    countries: z.array(CountrySchema).min(1, "lists no countries"),
    elsewhere: ElsewhereSchema,
  }),
});
export type HelpLines = z.infer<typeof HelpLinesFileSchema>;

const say = (path: readonly PropertyKey[], message: string) => fileProblem(HELP_LINES_FILE, path, message);

/**
 * Checks the help-lines file: its shape, then that ids are unique and that every country the
 * help page promises is there. One line per problem, `<file>: <field>: <what is wrong>`.
 */
export function checkHelpLines(raw: unknown): string[] {
  const problems = schemaProblems(HELP_LINES_FILE, HelpLinesFileSchema, raw);

  const file = isRecord(raw) ? raw : {};
  const crisis = isRecord(file.crisis) ? file.crisis : {};
  const abuse = isRecord(file.abuse) ? file.abuse : {};
  const countries = records(abuse.countries);
  const seen = new Map<string, string>();
  const claim = (id: unknown, path: PropertyKey[]) => {
    if (typeof id !== "string" || id.trim() === "") return;
    const earlier = seen.get(id);
    if (earlier) problems.push(say(path, `${JSON.stringify(id)} is also the id at ${earlier}`));
    else seen.set(id, formatFieldPath(path));
  };
  records(crisis.lines).forEach((line, index) => claim(line.id, ["crisis", "lines", index, "id"]));
  countries.forEach((country, c) => {
    claim(country.id, ["abuse", "countries", c, "id"]);
    records(country.lines).forEach((line, index) => claim(line.id, ["abuse", "countries", c, "lines", index, "id"]));
  });
  if (Array.isArray(abuse.countries)) {
    const present = new Set(countries.map((country) => country.id));
    for (const id of REQUIRED_COUNTRIES) {
      if (!present.has(id)) problems.push(say(["abuse", "countries"], `has no entry with id "${id}"; the help page promises one`));
    }
  }
  return problems;
}

/** Validates the file and returns it typed; throws a ContentError listing every problem. */
export function parseHelpLines(raw: unknown): HelpLines {
  const problems = checkHelpLines(raw);
  if (problems.length > 0) throw new ContentError(problems);
  return HelpLinesFileSchema.parse(raw);
}

/** `tel:` address for a number as written: "0808 2000 247" → "tel:08082000247". */
export function telHref(number: string): string {
  return `tel:${number.replace(/[ -]/g, "")}`;
}

/** The file exactly as it is on disk, before validation. */
export const rawHelpLines: unknown = linesJson;

/** Every help line, validated. */
export const helpLines: HelpLines = parseHelpLines(rawHelpLines);

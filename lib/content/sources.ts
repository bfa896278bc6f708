// The references behind Drawbridge ("Where these ideas come from", /sources), validated once
// when this module loads. Like lib/content/quiz.ts, the JSON is imported statically so a broken
// file fails `next build` and `npm run content:check` with the file name and the field.
import * as z from "zod";
import sourcesJson from "@/content/sources.json";
import { ContentError, fileProblem, records, schemaProblems, slug, text } from "./schemas";

export const SOURCES_FILE = "content/sources.json";

/**
 * A DOI as doi.org resolves it: "10.", a registrant code of digits (dots allowed), a slash, and a
 * suffix without spaces. Written bare, never as a URL: the page builds the https://doi.org/ link.
 */
export const DOI_PATTERN = /^10\.\d{4,9}(?:\.\d+)*\/\S+$/;

/** The oldest and newest years a reference can carry; anything outside is a typo. */
export const YEAR_RANGE = { min: 1900, max: 2100 } as const;

/** A full web address, as copied from the browser. */
const webAddress = text.refine(
  (value) => URL.canParse(value) && ["https:", "http:"].includes(new URL(value).protocol),
  { message: "must be a full web address (https://…)" },
);

export const ReferenceSchema = z.strictObject({
  id: slug,
  /** As they appear on the work, e.g. "Hazan, C., & Shaver, P." */
  authors: text,
  year: z
    .number({ error: (issue) => (issue.input === undefined ? "is required" : "must be a year, written as a number") })
    .int("must be a whole year")
    .min(YEAR_RANGE.min, `must be ${YEAR_RANGE.min} or later`)
    .max(YEAR_RANGE.max, `must be ${YEAR_RANGE.max} or earlier`),
  title: text,
  /** The journal with volume, issue and pages, or the publisher of a book. */
  publishedIn: text,
  /** Only a DOI we looked up and confirmed; leave it out rather than guess. */
  doi: text.regex(DOI_PATTERN, 'must be a bare DOI such as "10.1037/0022-3514.85.2.348" (no https://doi.org/)').optional(),
  /** One or two plain sentences: what this work supports in Drawbridge. */
  supports: text,
  /** Where each detail above was confirmed (not shown on the page). */
  checkedAt: z.array(webAddress).min(1, "lists no address where the reference was confirmed"),
});
export type Reference = z.infer<typeof ReferenceSchema>;

export const SourceGroupSchema = z.strictObject({
  id: slug,
  /** A heading on the page: what the references in this group support. */
  title: text,
  references: z.array(ReferenceSchema).min(1, "lists no references"),
});
export type SourceGroup = z.infer<typeof SourceGroupSchema>;

export const SourcesFileSchema = z.strictObject({
  groups: z.array(SourceGroupSchema).min(1, "lists no groups"),
});
export type SourcesFile = z.infer<typeof SourcesFileSchema>;

type PathSegment = PropertyKey;

const problem = (path: readonly PathSegment[], message: string) => fileProblem(SOURCES_FILE, path, message);

/** Reports every later use of an id that already appeared, at that entry's field. */
function checkUniqueIds(ids: { id: unknown; path: PathSegment[] }[], problems: string[]): void {
  const seen = new Set<string>();
  for (const { id, path } of ids) {
    if (typeof id !== "string" || id.trim() === "") continue;
    if (seen.has(id)) problems.push(problem(path, `${JSON.stringify(id)} is used more than once`));
    seen.add(id);
  }
}

/**
 * Checks content/sources.json: the schema, then ids unique across groups and across all
 * references. Returns one line per problem, `content/sources.json: <field>: <what is wrong>`.
 */
export function checkSources(raw: unknown): string[] {
  const problems = schemaProblems(SOURCES_FILE, SourcesFileSchema, raw);

  const groups = records(typeof raw === "object" && raw !== null ? (raw as Record<string, unknown>).groups : undefined);
  checkUniqueIds(groups.map((group, g) => ({ id: group.id, path: ["groups", g, "id"] })), problems);
  checkUniqueIds(
    groups.flatMap((group, g) =>
      records(group.references).map((reference, r) => ({
        id: reference.id,
        path: ["groups", g, "references", r, "id"],
      })),
    ),
    problems,
  );
  return problems;
}

/** Validates the file and returns it typed; throws a ContentError listing every problem. */
export function loadSources(raw: unknown): SourcesFile {
  const problems = checkSources(raw);
  if (problems.length > 0) throw new ContentError(problems);
  return SourcesFileSchema.parse(raw);
}

/** content/sources.json exactly as it is on disk, before validation. */
export const rawSources: unknown = sourcesJson;

/** The references, grouped by what they support, in the order the page shows them. */
export const sourceGroups: readonly SourceGroup[] = loadSources(rawSources).groups;

/** The link a DOI resolves through. */
export function doiUrl(doi: string): string {
  return `https://doi.org/${doi}`;
}

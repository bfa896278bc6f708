import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ItemAnalysisReport } from "@/components/admin/item-analysis-report";
import { buttonClassName } from "@/components/ui/button";
import { Container } from "@/components/ui/container";
import { Notice } from "@/components/ui/notice";
import { PageHeading } from "@/components/ui/page-heading";
import { currentProfile } from "@/lib/auth/profile";
import { strategyTexts } from "@/lib/content/quiz";
import { canSeeItemAnalysis } from "@/lib/data/admin";
import { analysableVersions, itemAnalysisForVersion } from "@/lib/data/item-analysis";
import { STRATEGIES } from "@/lib/scoring";

export const metadata: Metadata = {
  title: "Item analysis",
  robots: { index: false },
};

const select = "mt-2 block min-h-12 w-full rounded-xl border border-line-strong bg-canvas px-3 py-2 text-ink";

/**
 * The item analysis for whoever edits the quiz: only for accounts listed in ADMIN_EMAILS;
 * everyone else gets the ordinary "not found". Figures over many attempts only: nothing
 * here identifies a person or shows one attempt's answers.
 */
export default async function ItemAnalysisPage({ searchParams }: PageProps<"/admin/items">) {
  if (!(await canSeeItemAnalysis(await currentProfile()))) notFound();
  const { versions, current } = analysableVersions();
  const asked = (await searchParams).version;
  const version = typeof asked === "string" && asked !== "" ? asked : current;
  if (!versions.includes(version)) notFound();
  const analysis = (await itemAnalysisForVersion(version))!;
  const names = Object.fromEntries(STRATEGIES.map((strategy) => [strategy, strategyTexts[strategy].name]));

  return (
    <Container className="py-12 sm:py-16">
      <PageHeading
        eyebrow="For editors"
        title="Item analysis"
        lead="How well each scale of the quiz holds together, and how each statement behaves within its scale, from finished attempts. Only totals over many people: no one’s answers are shown."
      />

      <form method="get" action="/admin/items" aria-label="Choose a quiz version" className="mt-8 max-w-reading">
        <label htmlFor="version" className="block font-semibold">
          Quiz version
        </label>
        <div className="flex flex-wrap items-end gap-4">
          <select id="version" name="version" defaultValue={version} className={`${select} sm:w-auto sm:min-w-64`}>
            {versions.map((entry) => (
              <option key={entry} value={entry}>
                {entry === current ? `${entry} (current)` : entry}
              </option>
            ))}
          </select>
          <button type="submit" className={buttonClassName("secondary")}>
            Show this version
          </button>
        </div>
      </form>

      <ItemAnalysisReport analysis={analysis} names={names} />

      <Notice title="Reading these figures" className="mt-12 max-w-reading">
        <p>
          Values are keyed first: on a reverse-keyed item an answer of 1 counts as 5, so every figure reads in the
          strategy’s direction. α and the item figures use the attempts that answered every item of that scale; the
          scores use every attempt scored on it (at least 80% of its items answered), as results do.
        </p>
        <p>
          A negative item–rest correlation almost always means an item keyed the wrong way round. One under .30 tracks
          its scale weakly. An α that rises without an item suggests the item measures something else. The interval
          around α is Feldt’s, the one R’s psych package reports.
        </p>
      </Notice>
    </Container>
  );
}

import type { Metadata } from "next";
import { Container } from "@/components/ui/container";
import { Notice } from "@/components/ui/notice";
import { PageHeading } from "@/components/ui/page-heading";
import { Prose } from "@/components/ui/prose";
import { doiUrl, sourceGroups, type Reference } from "@/lib/content/sources";

export const metadata: Metadata = {
  title: "Where these ideas come from",
  description:
    "The research Drawbridge draws on: attachment in childhood and adulthood, how attachment is measured, how feelings change, and patterns between partners. And which parts are our own.",
};

/** One entry: who, when, what and where, then what it supports here. */
function ReferenceEntry({ reference }: { reference: Reference }) {
  return (
    <li className="mt-6 first:mt-0">
      <p>
        {reference.authors} ({reference.year}). <cite>{reference.title}</cite>. {reference.publishedIn}.
        {reference.doi ? (
          <>
            {" "}
            <a href={doiUrl(reference.doi)} className="wrap-anywhere">
              {doiUrl(reference.doi)}
            </a>
          </>
        ) : null}
      </p>
      <p className="mt-2 text-muted">{reference.supports}</p>
    </li>
  );
}

export default function SourcesPage() {
  return (
    <Container className="py-12 sm:py-16">
      <PageHeading
        title="Where these ideas come from"
        lead="Drawbridge stands on research about attachment, feelings and couples. Here are the main sources, what each one supports, and the parts that are our own."
      />
      <Prose className="mt-10">
        <p>
          For decades, researchers have studied how people learn to reach for others or to keep them at a distance.
          The lessons put some of that work into everyday words. Under each source below you&rsquo;ll find a sentence
          or two on what it supports here. Where there is a link, it leads to the published work through its DOI, a
          lasting address for research papers.
        </p>

        {sourceGroups.map((group) => (
          <section key={group.id} aria-labelledby={`sources-${group.id}`}>
            <h2 id={`sources-${group.id}`}>{group.title}</h2>
            <ul className="mt-4 list-none pl-0">
              {group.references.map((reference) => (
                <ReferenceEntry key={reference.id} reference={reference} />
              ))}
            </ul>
          </section>
        ))}
      </Prose>

      <Notice title="What is our own, not the research’s" tone="highlight" className="mt-12 max-w-reading">
        <p>
          Some of Drawbridge is our own way of fitting these ideas together. We believe it is faithful to the research
          and we hope it helps, but it hasn&rsquo;t been tested as a whole. You deserve to know which parts those are.
        </p>
        <ul className="list-disc space-y-2 pl-5">
          <li>
            <strong className="font-semibold">The five protective strategies as a set.</strong> Intimacy avoidance is
            close to what researchers call attachment avoidance. Putting it alongside conflict avoidance,
            passive-aggressiveness, control and overfunctioning is our choice, not an established model.
          </li>
          <li>
            <strong className="font-semibold">The patterns quiz.</strong> We wrote its questions to help you reflect.
            It hasn&rsquo;t been through the studies that validate a questionnaire like the ones above, so it is not a
            clinical instrument and it can&rsquo;t diagnose anything. Your scores are a place to start thinking, not a
            measurement.
          </li>
          <li>
            <strong className="font-semibold">The capacities the lessons build.</strong> Each one draws on research,
            but gathering them into one set, and into one path of lessons, is our way of organising the practice.
          </li>
          <li>
            <strong className="font-semibold">The story of a childhood trade.</strong> The lessons picture a child who
            had to choose between being close and staying their own person. It&rsquo;s a helpful picture, and a
            simplification. Research links avoidance to early care in broad terms; it doesn&rsquo;t show that everyone
            made such a trade, and the pattern can also begin later, for example after a betrayal in adult life.
          </li>
          <li>
            <strong className="font-semibold">The drawbridge and the alarm.</strong> These are images, not findings.
            They are there to make something complicated easier to hold in mind; no study has found a drawbridge or an
            alarm inside anyone.
          </li>
        </ul>
        <p>
          None of this makes the practice less worth trying. It means you are the judge of what fits. If a part of it
          doesn&rsquo;t match your life, you can set that part aside.
        </p>
      </Notice>
    </Container>
  );
}

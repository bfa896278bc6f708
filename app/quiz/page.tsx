import type { Metadata } from "next";
import Link from "next/link";
import { Container } from "@/components/ui/container";
import { Notice } from "@/components/ui/notice";
import { PageHeading } from "@/components/ui/page-heading";
import { Prose } from "@/components/ui/prose";

export const metadata: Metadata = {
  title: "Patterns quiz",
  description:
    "A ten-minute quiz that shows which of five protective strategies are most active in you right now. Coming soon.",
};

export default function QuizPage() {
  return (
    <Container className="py-12 sm:py-16">
      <PageHeading
        eyebrow="Coming soon"
        title="The patterns quiz"
        lead="About ten minutes, one short statement at a time."
      />
      <Prose className="mt-10">
        <p>
          You&rsquo;ll read a series of statements and answer each one from &ldquo;Never&rdquo; to &ldquo;Almost
          always&rdquo;. At the end you&rsquo;ll see how active five protective strategies are in you right now:
        </p>
        <ul>
          <li>intimacy avoidance</li>
          <li>conflict avoidance</li>
          <li>passive-aggressiveness</li>
          <li>control</li>
          <li>overfunctioning</li>
        </ul>
        <p>
          Each comes with a plain explanation of what it protects you from and what helps it ease. It&rsquo;s a snapshot
          to reflect on, not a diagnosis.
        </p>
        <Notice title="Still being built">
          <p>
            The quiz isn&rsquo;t ready yet, so there is nothing to take here today. When it is, you&rsquo;ll be able to
            start it on this page without signing up.
          </p>
        </Notice>
        <p>
          In the meantime, you can read <Link href="/privacy">how your answers will be kept private</Link>.
        </p>
      </Prose>
    </Container>
  );
}

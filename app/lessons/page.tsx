import type { Metadata } from "next";
import Link from "next/link";
import { Container } from "@/components/ui/container";
import { Notice } from "@/components/ui/notice";
import { PageHeading } from "@/components/ui/page-heading";
import { Prose } from "@/components/ui/prose";

export const metadata: Metadata = {
  title: "Lessons",
  description: "Eleven guided lessons on why closeness can feel risky and how to let it in. Coming soon.",
};

export default function LessonsPage() {
  return (
    <Container className="py-12 sm:py-16">
      <PageHeading eyebrow="Coming soon" title="Lessons" lead="Eleven guided lessons are on their way." />
      <Prose className="mt-10">
        <p>
          They will walk with you through why closeness can feel dangerous, where the urge to pull away first came from,
          and the skills that help it loosen its grip. Each lesson comes in short steps, one idea at a time, with room
          to write down your own thoughts as you go.
        </p>
        <Notice title="Still being built" headingLevel={2}>
          <p>
            The lessons are being written and built right now, so there is nothing to start here yet. When they are
            ready, they will appear on this page, and you won&rsquo;t need an account to read them.
          </p>
        </Notice>
        <p>
          In the meantime, you can read <Link href="/about">what Drawbridge is and who it is for</Link>.
        </p>
      </Prose>
    </Container>
  );
}

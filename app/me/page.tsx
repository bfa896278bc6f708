import type { Metadata } from "next";
import Link from "next/link";
import { Container } from "@/components/ui/container";
import { Notice } from "@/components/ui/notice";
import { PageHeading } from "@/components/ui/page-heading";
import { Prose } from "@/components/ui/prose";
import { AccountStatus } from "@/components/account/account-status";
import { currentProfile } from "@/lib/auth/profile";
import { describeProfile } from "@/lib/data/profiles";

export const metadata: Metadata = {
  title: "My journey",
  description: "Your saved quiz results, lesson progress and notes, over time. Coming soon.",
};

export default async function JourneyPage() {
  const profile = await currentProfile();
  const visitor = profile ? await describeProfile(profile) : null;
  return (
    <Container className="py-12 sm:py-16">
      <PageHeading
        eyebrow="Coming soon"
        title="My journey"
        lead="Your own page for coming back and seeing how things change."
      />
      <div className="mt-8">
        <AccountStatus visitor={visitor} />
      </div>
      <Prose className="mt-10">
        <p>
          This is where your saved quiz results will live, alongside your progress through the lessons and the
          reflections you write. Over weeks and months, you&rsquo;ll be able to see how your scores move each time you
          retake the quiz, and reread what you noticed along the way.
        </p>
        <Notice title="Still being built">
          <p>
            This page isn&rsquo;t ready yet. When it is, it will also be the place to download everything you&rsquo;ve
            saved, or to delete all of it.
          </p>
        </Notice>
        <p>
          In the meantime, you can read <Link href="/privacy">what will be stored and why</Link>.
        </p>
      </Prose>
    </Container>
  );
}

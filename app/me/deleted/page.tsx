import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { ButtonLink } from "@/components/ui/button";
import { Container } from "@/components/ui/container";
import { PageHeading } from "@/components/ui/page-heading";
import { Prose } from "@/components/ui/prose";
import { currentProfile } from "@/lib/auth/profile";

export const metadata: Metadata = {
  title: "Everything is deleted",
  description: "Your Drawbridge data has been deleted.",
};

export default async function DeletedPage() {
  // Only true for a browser without a profile; anyone else still has something to delete.
  if (await currentProfile()) redirect("/me/delete");

  return (
    <Container className="py-12 sm:py-16">
      <PageHeading
        title="Everything is deleted"
        lead="Your results, lesson progress, reflections and practice log are gone, along with your account if you had one. This browser is no longer signed in."
      />
      <Prose className="mt-10">
        <p>
          Nothing of yours is left in Drawbridge. If you come back, you start fresh: nothing is kept again until you save
          something.
        </p>
        <h2>Where to go next</h2>
        <ul>
          <li>
            <Link href="/lessons">Read the lessons</Link>, whenever you’d like to, with or without saving anything.
          </li>
          <li>
            <Link href="/quiz">Take the patterns quiz</Link> again some day to see where you are.
          </li>
          <li>
            If things feel heavy right now, <Link href="/help">here is where to find help</Link>.
          </li>
        </ul>
      </Prose>
      <ButtonLink href="/" className="mt-8">
        Go to the home page
      </ButtonLink>
    </Container>
  );
}

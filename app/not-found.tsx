import type { Metadata } from "next";
import Link from "next/link";
import { ButtonLink } from "@/components/ui/button";
import { Container } from "@/components/ui/container";
import { PageHeading } from "@/components/ui/page-heading";
import { Prose } from "@/components/ui/prose";

export const metadata: Metadata = {
  title: "Page not found",
};

export default function NotFound() {
  return (
    <Container className="py-12 sm:py-16">
      <PageHeading
        title="We can’t find that page"
        lead="The link may be out of date, or the address may have a small typo. Nothing on your side is broken."
      />
      <ButtonLink href="/" className="mt-8">
        Go to the home page
      </ButtonLink>
      <Prose className="mt-10">
        <p>Or head straight to one of these:</p>
        <ul>
          <li>
            <Link href="/lessons">Lessons</Link>
          </li>
          <li>
            <Link href="/quiz">The patterns quiz</Link>
          </li>
          <li>
            <Link href="/help">Getting help</Link>
          </li>
        </ul>
      </Prose>
    </Container>
  );
}

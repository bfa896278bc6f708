import type { Metadata } from "next";
import { Container } from "@/components/ui/container";
import { Notice } from "@/components/ui/notice";
import { PageHeading } from "@/components/ui/page-heading";
import { Prose } from "@/components/ui/prose";

export const metadata: Metadata = {
  title: "Help",
  description:
    "Drawbridge is a reflection tool, not therapy. Where to find help in a crisis, and when to think about seeing a therapist.",
};

const linkClass = "font-semibold text-accent underline decoration-1 underline-offset-[0.2em] hover:decoration-2";

export default function HelpPage() {
  return (
    <Container className="py-12 sm:py-16">
      <PageHeading
        title="Getting help"
        lead="Drawbridge can help you understand yourself better. It isn’t a diagnosis or therapy, and it can’t help in an emergency. Real people can."
      />

      <Notice title="If you are in crisis right now" tone="accent" className="mt-10 max-w-reading">
        <ul className="space-y-3">
          <li>
            <strong className="font-semibold">In the US:</strong> call or text{" "}
            <a href="tel:988" className={linkClass}>
              988
            </a>{" "}
            to reach the 988 Suicide &amp; Crisis Lifeline, any time of day.
          </li>
          <li>
            <strong className="font-semibold">In the UK and Ireland:</strong> call Samaritans for free on{" "}
            <a href="tel:116123" className={linkClass}>
              116 123
            </a>
            , day or night.
          </li>
          <li>
            <strong className="font-semibold">Anywhere else:</strong>{" "}
            <a href="https://findahelpline.com" className={linkClass}>
              findahelpline.com
            </a>{" "}
            lists free, confidential helplines in many countries.
          </li>
          <li>
            <strong className="font-semibold">If you or someone else is in immediate danger,</strong> call your local
            emergency number now.
          </li>
        </ul>
      </Notice>

      <Prose className="mt-12">
        <h2>When to think about seeing a therapist</h2>
        <p>
          Working through this on your own can take you a long way, but it has limits. It may be time to talk to a
          qualified therapist or counsellor if:
        </p>
        <ul>
          <li>the pattern keeps costing you relationships you care about;</li>
          <li>looking back at your past stirs up more than you can hold by yourself;</li>
          <li>you feel low, anxious or numb on most days;</li>
          <li>you lean on alcohol, work or anything else to get away from what you feel.</li>
        </ul>
        <p>
          Reaching out isn&rsquo;t a sign that the work here has failed. Letting a trained person help you is itself a
          way of lowering the bridge.
        </p>

        <h2>Going gently</h2>
        <p>
          Some of what the lessons touch on can bring up old hurt. You can stop at any point, take a break for as long
          as you need, and come back when you&rsquo;re ready. There is no schedule to keep.
        </p>
      </Prose>
    </Container>
  );
}

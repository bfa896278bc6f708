import type { Metadata } from "next";
import Link from "next/link";
import { Container } from "@/components/ui/container";
import { PageHeading } from "@/components/ui/page-heading";
import { Prose } from "@/components/ui/prose";

export const metadata: Metadata = {
  title: "About",
  description: "What Drawbridge is, who it is for, where its name comes from, and what it is not.",
};

export default function AboutPage() {
  return (
    <Container className="py-12 sm:py-16">
      <PageHeading
        title="About Drawbridge"
        lead="A quiet place to understand why closeness can feel risky, and to practise letting it in."
      />
      <Prose className="mt-10">
        <h2>What it is</h2>
        <p>
          Drawbridge is a self-guided web app. You use it on your own, in your browser, whenever it suits you. It has
          three parts:
        </p>
        <ul>
          <li>
            <strong>Guided lessons</strong> that explain, in plain words, why someone who wants closeness might keep
            pushing it away, and what helps.
          </li>
          <li>
            <strong>A patterns quiz</strong> that shows which of five protective strategies seem to be doing the most
            work in your life lately.
          </li>
          <li>
            <strong>Your journey:</strong> your saved results, lesson progress and notes, so you can return and see how
            things shift over weeks and months.
          </li>
        </ul>

        <h2>Who it is for</h2>
        <p>
          It&rsquo;s for you if you care about people and still catch yourself backing away once they come close: going
          quiet, suddenly getting busy, starting a fight you can&rsquo;t explain, or finding a flaw that makes leaving
          feel reasonable. Perhaps you noticed it yourself. Perhaps someone who loves you pointed it out.
        </p>
        <p>
          Either way, you&rsquo;re welcome here. There is no right speed and nothing to get right. You can read one page
          today and come back in a month.
        </p>

        <h2>Why it&rsquo;s called Drawbridge</h2>
        <p>
          A castle isn&rsquo;t only walls. It also has a bridge that can be lowered. The point of this work isn&rsquo;t
          to knock your defences down or to leave the gate open for everyone who passes. Those defences kept you safe
          for a reason.
        </p>
        <p>
          The point is to get the choice back: to lower the bridge a little at a time, for the people who have shown
          they can be trusted with you, and to keep it raised where that&rsquo;s the wiser call.
        </p>

        <h2>What it isn&rsquo;t</h2>
        <ul>
          <li>It isn&rsquo;t therapy, and it doesn&rsquo;t replace a trained therapist or counsellor.</li>
          <li>
            It isn&rsquo;t a diagnosis. The quiz gives you scores to reflect on, not a label or a verdict about who you
            are.
          </li>
          <li>
            It isn&rsquo;t an emergency service. If you&rsquo;re struggling right now, the{" "}
            <Link href="/help">help page</Link> lists people you can reach today.
          </li>
        </ul>
        <p>
          The lessons draw on research about attachment, feelings and couples. <Link href="/sources">Where these ideas
          come from</Link> lists the sources and says plainly which parts are Drawbridge&rsquo;s own.
        </p>

        <h2>Who runs it</h2>
        <p>
          Drawbridge is software that a coach, a practice or a platform can run on its own server. The organisation
          running the copy you&rsquo;re using looks after its data, as the <Link href="/privacy">privacy page</Link>{" "}
          explains.
        </p>
      </Prose>
    </Container>
  );
}

import type { Metadata } from "next";
import { AbuseHelpLines } from "@/components/help/abuse-help-lines";
import { CrisisLines } from "@/components/help/crisis-lines";
import { SharedDevice } from "@/components/help/shared-device";
import { Container } from "@/components/ui/container";
import { Notice } from "@/components/ui/notice";
import { PageHeading } from "@/components/ui/page-heading";
import { Prose } from "@/components/ui/prose";

export const metadata: Metadata = {
  title: "Help",
  description:
    "Drawbridge is a reflection tool, not therapy. Where to find help in a crisis or if you are afraid of someone close to you, using a shared device, and when to think about seeing a therapist.",
};

export default function HelpPage() {
  return (
    <Container className="py-12 sm:py-16">
      <PageHeading
        title="Getting help"
        lead="Drawbridge can help you understand yourself better. It isn’t a diagnosis or therapy, and it can’t help in an emergency. Real people can."
      />

      <Notice title="If you are in crisis right now" tone="accent" className="mt-10 max-w-reading">
        <CrisisLines />
      </Notice>

      <section aria-labelledby="afraid-of-someone" className="mt-12">
        <div className="prose">
          <h2 id="afraid-of-someone">If you’re afraid of a partner or family member</h2>
          <p>
            Drawbridge’s lessons ask you to let people closer. That is only the right work with people who are safe
            to be close to. If someone hurts you, threatens you, checks up on you or keeps you from friends and
            family, or you are scared of how they will react, the guard you keep up with them is there for a reason.
            You don’t have to work on it. You deserve help, and the people on these lines are there to give it. You
            don’t need to be sure it’s “bad enough” to call.
          </p>
          <p>
            If it isn’t safe to talk, many of these lines can be reached by text or chat. Think about who else uses
            this device (see <a href="#shared-device">using a shared device</a>, below).
          </p>
        </div>
        <AbuseHelpLines headingLevel={3} className="mt-6" />
      </section>

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

      <div className="mt-12">
        <SharedDevice />
      </div>
    </Container>
  );
}

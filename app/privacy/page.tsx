import type { Metadata } from "next";
import { Container } from "@/components/ui/container";
import { PageHeading } from "@/components/ui/page-heading";
import { Prose } from "@/components/ui/prose";

export const metadata: Metadata = {
  title: "Privacy",
  description:
    "What Drawbridge stores, why, and what it never does: no sign-up, no analytics, no trackers, nothing sent to third parties.",
};

export default function PrivacyPage() {
  return (
    <Container className="py-12 sm:py-16">
      <PageHeading
        title="Privacy"
        lead="The short version: no sign-up, no tracking, and what you write stays private."
      />
      <Prose className="mt-10">
        <h2>What is stored, and why</h2>
        <p>
          Nothing is stored until the first time you save something, such as an answer in the quiz or a note in a
          lesson. At that moment Drawbridge creates a private guest profile for you and gives your browser a session
          cookie, so it can find your things again next time.
        </p>
        <ul>
          <li>
            <strong>Your guest profile.</strong> An anonymous record with no name and no email address. The session
            cookie that links your browser to it is signed, so it can&rsquo;t be forged, and marked httpOnly, so scripts
            running on the page can&rsquo;t read it.
          </li>
          <li>
            <strong>Quiz answers and scores,</strong> so you can see your results, return to them and compare them when
            you take the quiz again.
          </li>
          <li>
            <strong>Lesson progress,</strong> so you can pick up where you left off.
          </li>
          <li>
            <strong>Reflections</strong> you write in the lessons, so you can reread them later.
          </li>
          <li>
            <strong>Practice log entries,</strong> the short notes you add while practising, so you can see them build
            up over time.
          </li>
        </ul>
        <p>
          All of this is kept for one reason: to show it back to you. It isn&rsquo;t used for advertising, sold or
          shared.
        </p>

        <h2>What Drawbridge never does</h2>
        <ul>
          <li>No analytics, no tracking pixels and no third-party scripts.</li>
          <li>
            No fonts, images or anything else loaded from other servers. Every part of every page comes from the server
            you&rsquo;re reading this on.
          </li>
          <li>Nothing you answer or write is sent to any third party.</li>
          <li>
            No personal data in the server&rsquo;s logs. They record things like errors and how long a request took,
            never your answers, reflections or notes.
          </li>
        </ul>

        <h2>Downloading or deleting your data</h2>
        <p>
          Two things are on their way to <strong>My journey</strong>: a download of everything you&rsquo;ve saved, and a
          way to delete all of it in one step. They aren&rsquo;t there yet, and we&rsquo;d rather tell you that plainly
          than pretend otherwise.
        </p>
        <p>
          Until then, a guest&rsquo;s data is tied to the session cookie in the browser that saved it. If you clear this
          site&rsquo;s data in your browser, you lose access to that profile, and it can&rsquo;t be opened again from
          any browser. Clearing the cookie doesn&rsquo;t by itself erase what was stored on the server. If you want it
          removed before the delete option arrives, ask the organisation that runs this copy of Drawbridge.
        </p>

        <h2>Who holds your data</h2>
        <p>
          Drawbridge is built to be run by an organisation on its own server, such as a coach, a practice or a platform.
          That organisation keeps the database and is responsible for looking after it. If you have questions about how
          they do that, they are the people to ask.
        </p>
      </Prose>
    </Container>
  );
}

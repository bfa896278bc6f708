import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { SharedDevice } from "@/components/help/shared-device";
import { StoredFields } from "@/components/privacy/stored-fields";
import { Container } from "@/components/ui/container";
import { PageHeading } from "@/components/ui/page-heading";
import { Prose } from "@/components/ui/prose";
import { config } from "@/lib/config";

export const metadata: Metadata = {
  title: "Privacy",
  description:
    "What Drawbridge stores, why, and what it never does: no sign-up needed, no analytics, no trackers, nothing sent to third parties.",
};

export default async function PrivacyPage() {
  // Rendered when asked for, not at build time: whether unused accounts are deleted is this
  // server's setting (DELETE_UNUSED_ACCOUNTS_AFTER_DAYS), read from its environment.
  await connection();
  const unusedAccountDays = config().deleteUnusedAccountsAfterDays;
  return (
    <Container className="py-12 sm:py-16">
      <PageHeading
        title="Privacy"
        lead="The short version: no sign-up needed, no tracking, and what you write stays private."
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
            <strong>Your email address and password, only if you create an account.</strong> The email is used to sign
            you in and for nothing else. The password is never stored as you typed it: only a one-way scrambled form
            (scrypt) that can check it but not reveal it.
          </li>
          <li>
            <strong>Quiz answers and scores,</strong> so you can see your results, return to them and compare them when
            you take the quiz again.
          </li>
          <li>
            <strong>Lesson progress,</strong> so you can pick up where you left off.
          </li>
          <li>
            <strong>Reflections</strong> you write in the lessons, so you can reread them later. These, and your practice
            notes, are encrypted before they are stored, so a copy of the database alone can&rsquo;t be read.
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

        <h3>Field by field</h3>
        <p>
          Every field the database holds: what it is, why it is kept, for how long, and whether it is encrypted. Open a
          kind of record to see its fields.
        </p>
        <StoredFields />

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
          <li>
            No emails, push notifications or streaks. A reminder is a calendar file you download and add to your own
            calendar; Drawbridge keeps no copy of it, its title or its time.
          </li>
        </ul>

        <h2>Downloading or deleting your data</h2>
        <p>
          On <Link href="/me">My journey</Link> you can download everything you&rsquo;ve saved as one file, and delete
          all of it in one step from <Link href="/me/delete">Delete everything</Link>. Deleting removes your profile and
          every answer, score, note and session that belongs to it, straight away, and signs you out.
        </p>
        <p>
          As a guest, your data is tied to the session cookie in the browser that saved it. If you clear this
          site&rsquo;s data in your browser, or don&rsquo;t visit for 60 days, that profile can&rsquo;t be opened again, so
          it is deleted with everything in it. Creating an account keeps it safe: what you saved as a guest moves into
          the account, and you can sign in from any browser.
        </p>
        {unusedAccountDays ? (
          <p>
            On this server, an account that nobody has signed in to or used for {unusedAccountDays} days is deleted with
            everything in it, by the same clean-up. Signing in, or any visit while you are signed in, counts as using it.
          </p>
        ) : (
          <p>An account is kept until you delete it.</p>
        )}

        <h2>Who holds your data</h2>
        <p>
          Drawbridge is built to be run by an organisation on its own server, such as a coach, a practice or a platform.
          That organisation keeps the database and is responsible for looking after it. If you have questions about how
          they do that, they are the people to ask.
        </p>
      </Prose>

      <div className="mt-12">
        <SharedDevice />
      </div>
    </Container>
  );
}

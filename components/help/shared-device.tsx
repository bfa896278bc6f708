import Link from "next/link";

type SharedDeviceProps = {
  /** h2 directly on a page (both /help and /privacy use it so). */
  headingLevel?: 2 | 3;
};

/**
 * What someone sharing a phone or computer needs to know: what this browser keeps, how to
 * remove it, and what the browser's history still shows. Written once for /help and /privacy.
 */
export function SharedDevice({ headingLevel = 2 }: SharedDeviceProps) {
  const Heading = `h${headingLevel}` as const;
  return (
    <section aria-labelledby="shared-device" className="prose">
      <Heading id="shared-device">Using a shared device</Heading>
      <p>
        If someone else uses this phone or computer, or can look at it, here is what they could find, and how to
        leave less behind.
      </p>
      <h3>What this browser keeps</h3>
      <p>
        As a guest, what you save (quiz answers, lesson notes, practice entries) is tied to this browser by a cookie.
        Anyone who opens Drawbridge in the same browser can see it on My journey. The cookie stays for 60 days after
        your last visit. With an account, the same is true for as long as you stay signed in.
      </p>
      <h3>How to remove it</h3>
      <ul>
        <li>
          <Link href="/me/delete">Delete everything</Link> removes all you have saved, straight away, and signs this
          browser out.
        </li>
        <li>If you have an account, sign out on My journey when you finish, so this browser can’t open it.</li>
        <li>
          A private (incognito) window keeps no cookies or history once you close it. What you save as a guest in one
          can’t be opened again after that, unless you create an account first.
        </li>
        <li>
          Clearing this site’s cookies in your browser’s settings also cuts the link. The guest data itself is then
          deleted once 60 days have passed without a visit.
        </li>
      </ul>
      <h3>Your browser’s history</h3>
      <p>
        Removing your data doesn’t remove the visit. The browser’s history can still list Drawbridge’s pages and their
        titles, and the address bar may suggest the site as someone types. To clear it, open your browser’s history,
        search for this site’s address, and delete what you find; a private window avoids leaving it in the first
        place. The Leave quickly button at the top of every page takes you straight to another site, but it can’t
        wipe the history either.
      </p>
    </section>
  );
}

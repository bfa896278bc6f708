import { currentProfile } from "@/lib/auth/profile";
import { reserveExport, streamProfileExport } from "@/lib/data/profile-data";
import { answeringRefusals, nothingStoredResponse } from "@/lib/http/failures";

/**
 * Everything the visitor's profile owns, as one JSON file to keep (format in the README),
 * written out as it is read. A few downloads per profile in ten minutes; more are a 429.
 */
export const GET = answeringRefusals(async function GET(_request: Request) {
  const profile = await currentProfile(); // never creates a profile: no session, nothing to export
  if (!profile) return nothingStoredResponse();
  await reserveExport(profile); // over the limit: TooManyRequests, answered 429 with Retry-After
  const started = await streamProfileExport(profile);
  if (!started) return nothingStoredResponse();
  return new Response(started.body, {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="drawbridge-export-${started.exportedAt.slice(0, 10)}.json"`,
      "Cache-Control": "no-store",
    },
  });
});

import { currentProfile } from "@/lib/auth/profile";
import { exportProfileData } from "@/lib/data/profile-data";
import { answeringRefusals } from "@/lib/http/failures";

const nothingStored = () =>
  Response.json(
    { error: "Nothing is stored for this browser, so there is nothing to download." },
    { status: 404, headers: { "Cache-Control": "no-store" } },
  );

/** Everything the visitor's profile owns, as one JSON file to keep (format in the README). */
export const GET = answeringRefusals(async function GET(_request: Request) {
  const profile = await currentProfile(); // never creates a profile: no session, nothing to export
  const data = profile ? await exportProfileData(profile) : null;
  if (!data) return nothingStored();
  return new Response(`${JSON.stringify(data, null, 2)}\n`, {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="drawbridge-export-${data.exportedAt.slice(0, 10)}.json"`,
      "Cache-Control": "no-store",
    },
  });
});

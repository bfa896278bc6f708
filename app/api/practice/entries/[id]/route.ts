import { currentProfile } from "@/lib/auth/profile";
import { deletePracticeEntry, getPracticeEntry, updatePracticeEntry } from "@/lib/data/practice-entries";
import { readJsonWrite, refuseCrossSiteWrite } from "@/lib/http/body";
import { answeringRefusals } from "@/lib/http/failures";
import { practiceEntryJson, readPracticeEntryFields } from "@/lib/http/practice-entries";
import { isRecordId } from "@/lib/http/ids";

// The same answer for an unknown id and for someone else's: nothing to learn from the difference.
const noSuchEntry = () => Response.json({ error: "No practice entry here." }, { status: 404 });

/** Rewrites one of the visitor's entries (its capacity stays as it was). */
export const PUT = answeringRefusals(async function PUT(request: Request, { params }: RouteContext<"/api/practice/entries/[id]">) {
  const { id } = await params;
  const sent = await readJsonWrite(request);
  if ("refused" in sent) return sent.refused;
  const read = readPracticeEntryFields(sent.body);
  if (!("fields" in read)) return Response.json(read, { status: 400 });

  const profile = isRecordId(id) ? await currentProfile() : null;
  const existing = profile ? await getPracticeEntry(profile, id) : null;
  if (!profile || !existing) return noSuchEntry();
  const entry = await updatePracticeEntry(profile, id, { ...read.fields, capacity: existing.capacity });
  if (!entry) return noSuchEntry(); // deleted in between
  return Response.json({ entry: practiceEntryJson(entry) }, { headers: { "Cache-Control": "private, no-store" } });
});

export const DELETE = answeringRefusals(async function DELETE(request: Request, { params }: RouteContext<"/api/practice/entries/[id]">) {
  const crossSite = refuseCrossSiteWrite(request);
  if (crossSite) return crossSite.refused;
  const { id } = await params;
  const profile = isRecordId(id) ? await currentProfile() : null;
  if (!profile || !(await deletePracticeEntry(profile, id))) return noSuchEntry();
  return new Response(null, { status: 204 });
});

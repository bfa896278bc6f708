import { currentOrNewProfile, currentProfile } from "@/lib/auth/profile";
import { capacities } from "@/lib/content/lessons";
import { addPracticeEntry, listPracticeEntries } from "@/lib/data/practice-entries";
import { readJsonWrite } from "@/lib/http/body";
import { answeringRefusals } from "@/lib/http/failures";
import { practiceEntryJson, readPracticeEntryFields } from "@/lib/http/practice-entries";
import { PRACTICE_PROBLEMS } from "@/lib/validation/practice-entries";

// Someone's own notes: never kept by a shared cache.
const privately = { "Cache-Control": "private, no-store" };
const isCapacity = (id: string) => capacities.some((capacity) => capacity.id === id);
const noSuchPractice = () => Response.json({ error: PRACTICE_PROBLEMS.noCapacity }, { status: 404 });

/** The visitor's log for one capacity, newest first; a first-time visitor has none (and gets no profile). */
export const GET = answeringRefusals(async function GET(_request: Request, { params }: RouteContext<"/api/practice/[capacity]/entries">) {
  const { capacity } = await params;
  if (!isCapacity(capacity)) return noSuchPractice();
  const profile = await currentProfile();
  const entries = profile ? await listPracticeEntries(profile, capacity) : [];
  return Response.json({ entries: entries.map(practiceEntryJson) }, { headers: privately });
});

/** Adds an entry; the first save of a new visitor starts their guest profile. */
export const POST = answeringRefusals(async function POST(request: Request, { params }: RouteContext<"/api/practice/[capacity]/entries">) {
  const { capacity } = await params;
  if (!isCapacity(capacity)) return noSuchPractice();
  const sent = await readJsonWrite(request);
  if ("refused" in sent) return sent.refused;
  const read = readPracticeEntryFields(sent.body);
  if (!("fields" in read)) return Response.json(read, { status: 400 });

  const profile = await currentOrNewProfile();
  const entry = await addPracticeEntry(profile, { ...read.fields, capacity });
  return Response.json({ entry: practiceEntryJson(entry) }, { status: 201, headers: privately });
});

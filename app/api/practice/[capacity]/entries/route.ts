import { currentOrNewProfile, currentProfile } from "@/lib/auth/profile";
import { capacities } from "@/lib/content/quiz";
import {
  addPracticeEntry,
  listPracticeEntries,
  practiceEntryJson,
  readPracticeEntryFields,
} from "@/lib/data/practice-entries";
import { refusalResponse } from "@/lib/refusals";

// Someone's own notes: never kept by a shared cache.
const privately = { "Cache-Control": "private, no-store" };
const isCapacity = (id: string) => capacities.some((capacity) => capacity.id === id);
const noSuchPractice = () => Response.json({ error: "There is no practice by that name." }, { status: 404 });

/** The visitor's log for one capacity, newest first; a first-time visitor has none (and gets no profile). */
export async function GET(_request: Request, { params }: RouteContext<"/api/practice/[capacity]/entries">) {
  const { capacity } = await params;
  if (!isCapacity(capacity)) return noSuchPractice();
  const profile = await currentProfile();
  const entries = profile ? await listPracticeEntries(profile, capacity) : [];
  return Response.json({ entries: entries.map(practiceEntryJson) }, { headers: privately });
}

/** Adds an entry; the first save of a new visitor starts their guest profile. */
export async function POST(request: Request, { params }: RouteContext<"/api/practice/[capacity]/entries">) {
  const { capacity } = await params;
  if (!isCapacity(capacity)) return noSuchPractice();
  const read = readPracticeEntryFields(await request.json().catch(() => null));
  if (!("fields" in read)) return Response.json(read, { status: 400 });

  const profile = await currentOrNewProfile().catch(refusalResponse);
  if (profile instanceof Response) return profile;
  const entry = await addPracticeEntry(profile, { ...read.fields, capacity }).catch(refusalResponse);
  if (entry instanceof Response) return entry;
  return Response.json({ entry: practiceEntryJson(entry) }, { status: 201, headers: privately });
}

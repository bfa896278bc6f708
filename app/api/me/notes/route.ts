import { currentProfile } from "@/lib/auth/profile";
import { capacities, lessons } from "@/lib/content/lessons";
import { listPracticeEntries } from "@/lib/data/practice-entries";
import { reserveExport } from "@/lib/data/profile-data";
import { listReflections } from "@/lib/data/reflections";
import { answeringRefusals, nothingStoredResponse } from "@/lib/http/failures";
import { notesMarkdown } from "@/lib/notes";

/**
 * The visitor's reflections and practice entries as one Markdown file, for people who keep their
 * own notes. Counts against the same per-profile limit as the full export (429 over it).
 */
export const GET = answeringRefusals(async function GET(_request: Request) {
  const profile = await currentProfile(); // never creates a profile
  if (!profile) return nothingStoredResponse();
  await reserveExport(profile);
  const [reflections, practiceEntries] = await Promise.all([listReflections(profile), listPracticeEntries(profile)]);
  const madeAt = new Date();
  return new Response(notesMarkdown({ reflections, practiceEntries, lessons: lessons(), capacities, madeAt }), {
    headers: {
      "Content-Type": "text/markdown; charset=utf-8",
      "Content-Disposition": `attachment; filename="drawbridge-notes-${madeAt.toISOString().slice(0, 10)}.md"`,
      "Cache-Control": "no-store",
    },
  });
});

import { currentProfile } from "@/lib/auth/profile";
import { lessons } from "@/lib/content/lessons";
import { listReflections } from "@/lib/data/reflections";
import { answeringRefusals } from "@/lib/http/failures";

/** The visitor's saved answers to this lesson's prompts, by prompt id (none for a new visitor). */
export const GET = answeringRefusals(async function GET(_request: Request, { params }: RouteContext<"/api/lessons/[slug]/reflections">) {
  const { slug } = await params;
  if (!lessons().some((entry) => entry.slug === slug)) return Response.json({ error: "No such lesson." }, { status: 404 });
  const profile = await currentProfile();
  const saved = profile ? await listReflections(profile, slug) : [];
  return Response.json(
    { reflections: Object.fromEntries(saved.map((reflection) => [reflection.promptId, reflection.text])) },
    { headers: { "Cache-Control": "private, no-store" } },
  );
});

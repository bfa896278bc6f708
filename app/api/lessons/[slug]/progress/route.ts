import { z } from "zod";
import { currentOrNewProfile } from "@/lib/auth/profile";
import { lessons } from "@/lib/content/lessons";
import { recordLessonStep } from "@/lib/data/lesson-progress";
import { readJsonWrite } from "@/lib/http/body";
import { answeringRefusals } from "@/lib/http/failures";

const body = z.object({ step: z.number().int().min(1) });

/**
 * Records that the visitor reached a step (the lesson pages are prerendered, so a small
 * island reports the visit). The first report creates the visitor's guest profile.
 */
export const POST = answeringRefusals(async function POST(request: Request, { params }: RouteContext<"/api/lessons/[slug]/progress">) {
  const { slug } = await params;
  const lesson = lessons().find((entry) => entry.slug === slug);
  if (!lesson) return Response.json({ error: "No such lesson." }, { status: 404 });
  const read = await readJsonWrite(request);
  if ("refused" in read) return read.refused;
  const parsed = body.safeParse(read.body);
  if (!parsed.success || parsed.data.step > lesson.steps.length) {
    return Response.json({ error: `Send {"step": n} with n from 1 to ${lesson.steps.length}.` }, { status: 400 });
  }
  const profile = await currentOrNewProfile();
  const progress = await recordLessonStep(profile, {
    lessonSlug: slug,
    step: parsed.data.step,
    completes: parsed.data.step === lesson.steps.length,
  });
  return Response.json({ stepReached: progress.stepReached, completed: progress.completedAt !== null });
});

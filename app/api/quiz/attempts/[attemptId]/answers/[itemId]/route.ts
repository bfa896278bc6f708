import { z } from "zod";
import { currentProfile } from "@/lib/auth/profile";
import { saveAnswer } from "@/lib/data/quiz-attempts";
import { refusalResponse } from "@/lib/refusals";

const body = z.object({ value: z.unknown() });

/**
 * Saves one answer while the quiz moves on in the browser (the JavaScript path; without
 * JavaScript the same save is a form post to a server action). Answers are idempotent puts.
 */
export async function PUT(request: Request, { params }: RouteContext<"/api/quiz/attempts/[attemptId]/answers/[itemId]">) {
  const { attemptId, itemId } = await params;
  const parsed = body.safeParse(await request.json().catch(() => null));
  if (!parsed.success) return Response.json({ error: 'Send JSON like {"value": 3}.' }, { status: 400 });

  const profile = await currentProfile();
  if (!profile) return Response.json({ error: "No quiz attempt here." }, { status: 404 });
  const outcome = await saveAnswer(profile, attemptId, { itemId, value: parsed.data.value }).catch(refusalResponse);
  if (outcome instanceof Response) return outcome;
  if ("saved" in outcome) return Response.json({ saved: true });
  switch (outcome.refused) {
    case "not-found":
      return Response.json({ error: "No quiz attempt here." }, { status: 404 });
    case "finished":
      return Response.json({ error: "This attempt is finished; its answers can no longer change." }, { status: 409 });
    case "invalid-answer":
      return Response.json({ error: outcome.message }, { status: 400 });
    default:
      return Response.json({ error: "That answer could not be saved." }, { status: 400 });
  }
}

import { z } from "zod";
import { currentProfile } from "@/lib/auth/profile";
import { saveAnswer } from "@/lib/data/quiz-attempts";
import { readJsonWrite } from "@/lib/http/body";
import { answeringRefusals } from "@/lib/http/failures";
import { isRecordId } from "@/lib/http/ids";

const body = z.object({ value: z.unknown() });

/**
 * Saves one answer while the quiz moves on in the browser (the JavaScript path; without
 * JavaScript the same save is a form post to a server action). Answers are idempotent puts.
 */
export const PUT = answeringRefusals(async function PUT(request: Request, { params }: RouteContext<"/api/quiz/attempts/[attemptId]/answers/[itemId]">) {
  const { attemptId, itemId } = await params;
  const read = await readJsonWrite(request);
  if ("refused" in read) return read.refused;
  const parsed = body.safeParse(read.body);
  if (!parsed.success) return Response.json({ error: 'Send JSON like {"value": 3}.' }, { status: 400 });

  const profile = isRecordId(attemptId) && isRecordId(itemId) ? await currentProfile() : null;
  if (!profile) return Response.json({ error: "No quiz attempt here." }, { status: 404 });
  const outcome = await saveAnswer(profile, attemptId, { itemId, value: parsed.data.value });
  if ("saved" in outcome) return Response.json({ saved: true });
  switch (outcome.refused) {
    case "not-found":
      return Response.json({ error: "No quiz attempt here." }, { status: 404 });
    case "finished":
      return Response.json({ error: "This attempt is finished; its answers can no longer change.", reason: "finished" }, { status: 409 });
    case "outdated":
      // The page reloads and explains; nothing was saved, and the attempt keeps its earlier answers.
      return Response.json(
        {
          error: "The quiz has been updated since this attempt began, so it can't go on. Its earlier answers are kept; start the new version to carry on.",
          reason: "quiz-updated",
          quizVersion: outcome.quizVersion,
        },
        { status: 409 },
      );
    case "invalid-answer":
      return Response.json({ error: outcome.message }, { status: 400 });
    default:
      return Response.json({ error: "That answer could not be saved." }, { status: 400 });
  }
});

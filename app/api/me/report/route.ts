import { z } from "zod";
import { reliabilityBasisText, shownScore } from "@/components/results/shown-score";
import { currentProfile } from "@/lib/auth/profile";
import { config } from "@/lib/config";
import { capacities, lessons } from "@/lib/content/lessons";
import { quiz, strategyTexts } from "@/lib/content/quiz";
import { listPracticeEntries } from "@/lib/data/practice-entries";
import { reserveExport } from "@/lib/data/profile-data";
import { getResult } from "@/lib/data/quiz-attempts";
import { listReflections } from "@/lib/data/reflections";
import { quizReliability } from "@/lib/data/reliability";
import { answeringRefusals } from "@/lib/http/failures";
import { recordId } from "@/lib/http/ids";
import { practiceGroups, reflectionGroups } from "@/lib/notes";
import { reportPdf } from "@/lib/report/pdf";
import { rankStrategies } from "@/lib/scoring";

const query = z.object({
  result: recordId,
  // Ticked boxes of the report form; anything else means no.
  reflections: z.literal("on").optional(),
  practice: z.literal("on").optional(),
});

const notFound = () => Response.json({ error: "No result here." }, { status: 404, headers: { "Cache-Control": "no-store" } });

/**
 * One result as a PDF to bring to someone: its scores with their ranges, what each means, the
 * not-a-diagnosis note, and the person's reflections and practice entries only when they ticked
 * them. Another person's result is a 404; counts against the per-profile export limit.
 */
export const GET = answeringRefusals(async function GET(request: Request) {
  const parsed = query.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) return Response.json({ error: "Choose a result for the report, like ?result=<id>." }, { status: 400 });
  const profile = await currentProfile(); // never creates a profile
  const result = profile ? await getResult(profile, parsed.data.result) : null;
  if (!profile || !result) return notFound();
  await reserveExport(profile);

  const reliability = await quizReliability(result.quizVersion);
  const { ranking } = rankStrategies(quiz, result.strategies, reliability);
  const byStrategy = new Map(result.strategies.map((entry) => [entry.strategy, entry]));
  const [reflections, practiceEntries] = await Promise.all([
    parsed.data.reflections ? listReflections(profile) : null,
    parsed.data.practice ? listPracticeEntries(profile) : null,
  ]);
  const madeOn = new Date();
  const pdf = await reportPdf({
    takenOn: result.completedAt,
    madeOn,
    scores: ranking.map((strategy) => {
      const entry = byStrategy.get(strategy)!;
      const shown = shownScore(entry, reliability);
      return {
        name: strategyTexts[strategy].name,
        shown: shown ? { score: shown.score, rangeText: shown.rangeText, readingText: shown.readingText } : undefined,
        meaning: entry.status === "scored" ? strategyTexts[strategy].bands[entry.band] : undefined,
      };
    }),
    basis: reliabilityBasisText(reliability),
    helpUrl: `${config().appUrl}/help`,
    reflections: reflections ? reflectionGroups(reflections, lessons()) : undefined,
    practice: practiceEntries ? practiceGroups(practiceEntries, capacities) : undefined,
  });
  return new Response(new Uint8Array(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="drawbridge-report-${result.completedAt.toISOString().slice(0, 10)}.pdf"`,
      "Cache-Control": "no-store",
    },
  });
});

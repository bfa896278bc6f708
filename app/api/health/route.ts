import { checkDatabase, sessionStoreAnswers } from "@/lib/data/health";
import { describeError, log } from "@/lib/log";

export const dynamic = "force-dynamic";

const reasons = {
  "cannot-save": "The database cannot save anything right now.",
  unreachable: "The database cannot be reached.",
};

/**
 * 200 after a real write; 503 with a reason when the database cannot be reached or cannot save,
 * or (with REDIS_URL) when Redis, which holds the sessions, does not answer.
 */
export async function GET() {
  const [{ database, state, error }, sessionsReachable] = await Promise.all([checkDatabase(), sessionStoreAnswers()]);
  if (state === "ok" && !sessionsReachable) {
    log.error("health.redis_unreachable", {});
    return Response.json(
      { status: "unavailable", database, reason: "The session store (Redis) cannot be reached." },
      { status: 503, headers: { "Cache-Control": "no-store", "Retry-After": "5" } },
    );
  }
  if (state === "ok") return Response.json({ status: "ok", database }, { headers: { "Cache-Control": "no-store" } });
  log.error(state === "cannot-save" ? "health.database_cannot_save" : "health.database_unreachable", { database, ...describeError(error) });
  return Response.json(
    { status: "unavailable", database, reason: reasons[state] },
    { status: 503, headers: { "Cache-Control": "no-store", "Retry-After": "5" } },
  );
}

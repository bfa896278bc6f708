import { checkDatabase } from "@/lib/data/health";
import { databaseProvider } from "@/lib/db";
import { describeError, log } from "@/lib/log";

export const dynamic = "force-dynamic";

/** 200 after a real query; 503 with a reason when the database cannot be reached. */
export async function GET() {
  try {
    const { database } = await checkDatabase();
    return Response.json({ status: "ok", database }, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    const database = databaseProvider();
    log.error("health.database_unreachable", { database, ...describeError(error) });
    return Response.json(
      { status: "unavailable", database, reason: "The database cannot be reached." },
      { status: 503, headers: { "Cache-Control": "no-store", "Retry-After": "5" } },
    );
  }
}

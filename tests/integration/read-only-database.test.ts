import { afterAll, beforeAll, describe, expect, inject, it, vi } from "vitest";
import { parseConfig } from "@/lib/config";
import { createDb, db, type Db } from "@/lib/db";
import type { CurrentProfile } from "@/lib/data/profiles";
import { makeGuestProfile } from "./support/profiles";

// With the database readable but not writable (a read-only SQLite file, a full disk, a
// PostgreSQL standby), health must not say ok, and every save must say kindly that nothing was
// saved, with a 503, instead of a 500. The database refuses writes for real: SQLite through
// `PRAGMA query_only`, PostgreSQL through `default_transaction_read_only`.

const visitor: { profile: CurrentProfile | null } = { profile: null };
vi.mock("@/lib/auth/profile", () => ({
  currentProfile: async () => visitor.profile,
  currentOrNewProfile: async () => visitor.profile!,
}));

const globalForDb = globalThis as unknown as { drawbridgeDb?: Db };
let writable: Db;
let readOnly: Db;

async function openReadOnly(): Promise<Db> {
  const url = inject("databaseUrl");
  if (inject("provider") === "sqlite") {
    const client = createDb(parseConfig({ DATABASE_URL: url }).database);
    await client.$queryRawUnsafe("PRAGMA query_only = ON");
    return client;
  }
  const readOnlyUrl = `${url}${url.includes("?") ? "&" : "?"}options=-c%20default_transaction_read_only%3Don`;
  return createDb(parseConfig({ DATABASE_URL: readOnlyUrl }).database);
}

async function rowCounts() {
  const d = writable;
  return [await d.profile.count(), await d.quizAttempt.count(), await d.quizAnswer.count(), await d.lessonProgress.count(), await d.reflection.count(), await d.practiceEntry.count()];
}

const post = (body: unknown, method = "POST") =>
  new Request("http://localhost/api", { method, headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });

beforeAll(async () => {
  writable = db();
  visitor.profile = await makeGuestProfile();
  readOnly = await openReadOnly();
  globalForDb.drawbridgeDb = readOnly;
});

afterAll(async () => {
  globalForDb.drawbridgeDb = writable;
  await readOnly.$disconnect();
});

describe("a database that can be read but not written", () => {
  it("makes /api/health answer 503 with a reason, not ok", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const { GET } = await import("@/app/api/health/route");
    const response = await GET();
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ status: "unavailable", reason: "The database cannot save anything right now." });
  });

  it("makes every route-handler save answer 503, saying nothing was saved and to try again, and changes nothing", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const before = await rowCounts();
    const { POST: progress } = await import("@/app/api/lessons/[slug]/progress/route");
    const { POST: practice } = await import("@/app/api/practice/[capacity]/entries/route");
    const entry = { practisedOn: "2026-11-30", whatHappened: "a", whatNoticed: "b", whatYouDid: "c" };
    const answers = [
      await progress(post({ step: 1 }), { params: Promise.resolve({ slug: "the-pattern-from-inside" }) }),
      await practice(post(entry), { params: Promise.resolve({ capacity: "catching-the-reflex" }) }),
    ];
    for (const response of answers) {
      expect(response.status).toBe(503);
      expect(response.headers.get("retry-after")).toBe("5");
      expect((await response.json()).error).toBe("Nothing was saved: the database can't save anything right now. Please try again in a moment.");
    }
    expect(await rowCounts()).toEqual(before);
    console.log(`fault: ${answers.length + 1} requests against a read-only ${inject("provider")} database`);
  });

  it("makes a reflection form answer with the form's error, not a crash", async () => {
    const { saveReflectionForm } = await import("@/lib/actions/reflections");
    const form = new FormData();
    form.set("lessonSlug", "the-pattern-from-inside");
    form.set("promptId", "moves-you-recognise");
    form.set("text", "Kept it light.");
    const state = await saveReflectionForm({ text: "" }, form);
    expect(state).toEqual({ text: "Kept it light.", error: "Nothing was saved: the database can't save anything right now. Please try again in a moment." });
  });

  it("makes starting the quiz say beside the button that it didn't start, and deleting say nothing was deleted", async () => {
    vi.spyOn(console, "warn").mockImplementation(() => {});
    const before = await rowCounts();
    const { startQuiz } = await import("@/lib/actions/quiz");
    const started = await startQuiz().then(
      () => null,
      (error: unknown) => (error as { digest?: string }).digest ?? String(error),
    );
    expect(started).toMatch(/^NEXT_REDIRECT;[a-z]+;\/quiz\?unsaved=1;/);

    const { deleteEverything } = await import("@/lib/actions/profile");
    const form = new FormData();
    form.set("confirmation", "delete");
    const state = await deleteEverything({ confirmation: "" }, form);
    expect(state).toEqual({
      confirmation: "delete",
      error: "Nothing was deleted: the database can’t change anything just now. Please try again in a moment.",
    });
    expect(await rowCounts()).toEqual(before);
  });
});

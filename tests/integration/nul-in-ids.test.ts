import { beforeAll, describe, expect, inject, it, vi } from "vitest";
import type { CurrentProfile } from "@/lib/data/profiles";
import { db } from "@/lib/db";
import { makeGuestProfile } from "./support/profiles";

// PostgreSQL cannot store or even compare text holding a NUL character: an id like "abc\0" made
// the database throw and the request end in a 500. Ids are checked for their shape before any
// query, on both databases, and such a request is answered like any unknown id.

const visitor: { profile: CurrentProfile | null } = { profile: null };
vi.mock("@/lib/auth/profile", () => ({
  currentProfile: async () => visitor.profile,
  currentOrNewProfile: async () => visitor.profile!,
}));

const ids = ["abc\u0000", "\u0000", "ck\u0000' OR 1=1 --", "x".repeat(65), "é-accent", "a/b"];
const json = (body: unknown, method: string) =>
  new Request("http://localhost/api", { method, headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });

beforeAll(async () => {
  visitor.profile = await makeGuestProfile();
});

describe(`ids with a NUL or another character no id has (${inject("provider")})`, () => {
  it("are answered 404 by every route that takes an id, with nothing changed", async () => {
    const { PUT: answer } = await import("@/app/api/quiz/attempts/[attemptId]/answers/[itemId]/route");
    const { PUT: rewrite, DELETE: remove } = await import("@/app/api/practice/entries/[id]/route");
    const entry = { practisedOn: "2026-11-30", whatHappened: "a", whatNoticed: "b", whatYouDid: "c" };
    const before = await db().quizAnswer.count();
    let tried = 0;
    for (const id of ids) {
      const responses = [
        await answer(json({ value: 3 }, "PUT"), { params: Promise.resolve({ attemptId: id, itemId: "ia-01" }) }),
        await answer(json({ value: 3 }, "PUT"), { params: Promise.resolve({ attemptId: "attempt", itemId: id }) }),
        await rewrite(json(entry, "PUT"), { params: Promise.resolve({ id }) }),
        await remove(new Request("http://localhost/api", { method: "DELETE" }), { params: Promise.resolve({ id }) }),
      ];
      for (const response of responses) {
        tried++;
        expect(response.status, JSON.stringify(id)).toBe(404);
        expect((await response.json()).error).toBeTruthy();
      }
    }
    expect(await db().quizAnswer.count()).toBe(before);
    console.log(`fault: ${tried} requests with malformed ids (${inject("provider")})`);
  });

  it("are answered by the no-JavaScript quiz form with the not-found page or a reason, never a database error", async () => {
    const { submitAnswer } = await import("@/lib/actions/quiz");
    for (const id of ids) {
      const form = new FormData();
      form.set("attemptId", id);
      form.set("position", "1");
      form.set("itemId", "ia-01");
      form.set("value", "3");
      const outcome = await submitAnswer({}, form).then(
        (state) => state,
        (error: Error) => error.message,
      );
      // The not-found page, or the form's own reason; never a database error.
      expect([{ error: "That answer could not be saved. Please try again." }, "NEXT_HTTP_ERROR_FALLBACK;404"], JSON.stringify(id)).toContainEqual(outcome);
    }
  });
});

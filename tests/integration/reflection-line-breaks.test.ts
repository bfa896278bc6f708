import { beforeEach, describe, expect, it, vi } from "vitest";
import type { CurrentProfile } from "@/lib/data/profiles";
import { listReflections } from "@/lib/data/reflections";
import { REFLECTION_MAX_LENGTH } from "@/lib/validation/limits";
import { lessons } from "@/lib/content/lessons";
import { makeGuestProfile } from "./support/profiles";

// A browser sends a textarea's line breaks as CRLF when it posts the form (the server action,
// with or without JavaScript), while the textarea itself, its maxlength and the page's own copy
// of the text count each as one LF.
const visitor: { profile: CurrentProfile | null } = { profile: null };
vi.mock("@/lib/auth/profile", () => ({
  currentProfile: async () => visitor.profile,
  currentOrNewProfile: async () => visitor.profile!,
}));

const lesson = lessons().find((entry) => entry.steps.some((step) => step.reflections.length > 0))!;
const promptId = lesson.steps.flatMap((step) => step.reflections)[0]!.id;

function posted(text: string) {
  const form = new FormData();
  form.set("lessonSlug", lesson.slug);
  form.set("promptId", promptId);
  form.set("text", text);
  return form;
}

describe("a reflection with line breaks, as a browser posts it", () => {
  beforeEach(async () => {
    visitor.profile = await makeGuestProfile();
  });

  it("is saved and answered with LF line breaks, so the page sees the text it holds as saved", async () => {
    const { saveReflectionForm } = await import("@/lib/actions/reflections");
    const state = await saveReflectionForm({ text: "" }, posted("First line\r\n\r\nSecond line\rthird"));
    expect(state.error).toBeUndefined();
    expect(state.text).toBe("First line\n\nSecond line\nthird");
    expect((await listReflections(visitor.profile!)).map((r) => r.text)).toEqual(["First line\n\nSecond line\nthird"]);
  });

  it("fits as many characters as the textarea allowed, line breaks counted once", async () => {
    const { saveReflectionForm } = await import("@/lib/actions/reflections");
    const line = "x".repeat(49);
    const full = Array.from({ length: REFLECTION_MAX_LENGTH / 50 }, () => line).join("\n") + "x"; // exactly the limit with LF
    expect(full.length).toBe(REFLECTION_MAX_LENGTH);
    const state = await saveReflectionForm({ text: "" }, posted(full.replace(/\n/g, "\r\n")));
    expect(state.error).toBeUndefined();
    expect(state.text).toBe(full);
  });
});

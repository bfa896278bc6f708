// @vitest-environment jsdom
import { act, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { resetFirstSave } from "@/components/lessons/first-save";
import type { ReflectionFormState } from "@/lib/actions/reflections";
import { REFLECTION_MAX_LENGTH } from "@/lib/validation/limits";

// The server action stands in here; the real one is covered end to end in Chromium.
const action = vi.hoisted(() => ({
  save: vi.fn(async (_previous: ReflectionFormState, formData: FormData): Promise<ReflectionFormState> => {
    const { REFLECTION_PROBLEMS } = await import("@/lib/validation/reflections");
    const { REFLECTION_MAX_LENGTH: LIMIT } = await import("@/lib/validation/limits");
    const text = String(formData.get("text"));
    return text.length > LIMIT
      ? { text, error: REFLECTION_PROBLEMS.tooLong }
      : { text, savedAt: new Date().toISOString() };
  }),
}));
vi.mock("@/lib/actions/reflections", () => ({ saveReflectionForm: action.save }));

const { ReflectionForm } = await import("@/components/lessons/reflection-form");

function respondWith(reflections: Record<string, string>) {
  vi.stubGlobal("fetch", vi.fn(async () => Response.json({ reflections })));
}

const renderForm = () =>
  render(<ReflectionForm lessonSlug="the-loop" promptId="your-own-loop" prompt="Draw your own loop." />);

describe("ReflectionForm", () => {
  beforeEach(() => {
    action.save.mockClear();
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
    resetFirstSave(); // each test is a new page
  });

  it("labels the text area with the prompt and brings back what you wrote before", async () => {
    respondWith({ "your-own-loop": "Text, then silence, then relief." });
    renderForm();
    const box = screen.getByRole("textbox", { name: "Draw your own loop." });
    await waitFor(() => expect(box).toHaveProperty("value", "Text, then silence, then relief."));
    expect(fetch).toHaveBeenCalledWith("/api/lessons/the-loop/reflections");
  });

  it("saves by itself a moment after you stop typing, then says Saved", async () => {
    respondWith({});
    renderForm();
    await waitFor(() => expect(fetch).toHaveBeenCalled());
    vi.useFakeTimers();
    fireEvent.change(screen.getByRole("textbox"), { target: { value: "A first thought" } });
    expect(screen.getByRole("status").textContent).toContain("Not saved yet");
    await act(async () => vi.advanceTimersByTime(500));
    expect(action.save).not.toHaveBeenCalled();
    await act(async () => vi.advanceTimersByTime(1000));
    expect(action.save).toHaveBeenCalledTimes(1);
    expect(action.save.mock.calls[0]![1].get("text")).toBe("A first thought");
    vi.useRealTimers();
    await waitFor(() => expect(screen.getByRole("status").textContent).toBe("Saved"));
  });

  it("shows a refusal beside the field and marks it invalid", async () => {
    respondWith({});
    renderForm();
    fireEvent.change(screen.getByRole("textbox"), { target: { value: "x".repeat(REFLECTION_MAX_LENGTH + 1) } });
    fireEvent.click(screen.getByRole("button", { name: "Save reflection" }));
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toBe("Please keep a reflection under 5,000 characters.");
    expect(screen.getByRole("textbox").getAttribute("aria-invalid")).toBe("true");
    expect(screen.getByRole("textbox").getAttribute("aria-describedby")).toBe(alert.id);
  });

  it("does not overwrite what you have started typing with the saved text", async () => {
    let answer: (value: Response) => void = () => {};
    vi.stubGlobal("fetch", vi.fn(() => new Promise<Response>((resolve) => (answer = resolve))));
    renderForm();
    fireEvent.change(screen.getByRole("textbox"), { target: { value: "New words" } });
    await act(async () => answer(Response.json({ reflections: { "your-own-loop": "Old words" } })));
    expect(screen.getByRole("textbox")).toHaveProperty("value", "New words");
  });
});

describe("ReflectionForm when you leave the step", () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    resetFirstSave();
  });

  it("saves what you typed straight away, before the autosave pause is over", async () => {
    action.save.mockClear();
    respondWith({});
    const { unmount } = renderForm();
    const box = await screen.findByRole("textbox");
    fireEvent.change(box, { target: { value: "Typed, then Next at once." } });
    unmount();
    await waitFor(() => expect(action.save).toHaveBeenCalledTimes(1));
    const sent = action.save.mock.calls[0]![1];
    expect(Object.fromEntries(sent)).toEqual({ lessonSlug: "the-loop", promptId: "your-own-loop", text: "Typed, then Next at once." });
  });

  it("sends nothing when what you typed is already saved", async () => {
    action.save.mockClear();
    respondWith({});
    const { unmount } = renderForm();
    const box = await screen.findByRole("textbox");
    fireEvent.change(box, { target: { value: "Saved already." } });
    await screen.findByText("Saved", {}, { timeout: 3000 });
    expect(action.save).toHaveBeenCalledTimes(1);
    unmount();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(action.save).toHaveBeenCalledTimes(1);
  });
});

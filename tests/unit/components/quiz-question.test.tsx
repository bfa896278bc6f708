// @vitest-environment jsdom
import { render, screen, waitFor } from "@testing-library/react";
import { startTransition, useEffect, useState } from "react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { QuizQuestion } from "@/components/quiz/quiz-question";

// Like Next.js: a history.pushState moves usePathname on, inside a transition, so the new
// question is committed first and the component's effects run in a later task.
const pathListeners = new Set<(path: string) => void>();
vi.mock("next/navigation", () => ({
  usePathname() {
    const [path, setPath] = useState(() => window.location.pathname);
    useEffect(() => {
      const listener = (next: string) => startTransition(() => setPath(next));
      pathListeners.add(listener);
      return () => void pathListeners.delete(listener);
    }, []);
    return path;
  },
}));
vi.mock("@/lib/actions/quiz", () => ({ submitAnswer: vi.fn(async () => ({})) }));

const items = [
  { id: "ia-01", text: "I keep plans loose so no one can count on me too much." },
  { id: "ia-02", text: "I change the subject when talk turns to how I feel." },
  { id: "ia-03", text: "I let people know when I need them." },
];
const scale = ["Almost never", "Rarely", "Sometimes", "Often", "Almost always"].map((label, index) => ({ value: index + 1, label }));

const radio = (name: string) => screen.getByRole<HTMLInputElement>("radio", { name });

/** A key pressed as a person presses it: a real event, not wrapped in React's act(). */
function press(key: string) {
  const target = document.activeElement ?? document.body;
  target.dispatchEvent(new KeyboardEvent("keydown", { key, bubbles: true, cancelable: true }));
}

describe("QuizQuestion", () => {
  const originalPushState = window.history.pushState.bind(window.history);

  beforeEach(() => {
    window.history.replaceState(null, "", "/quiz/attempt-1/1");
    window.history.pushState = (data: unknown, unused: string, url?: string | URL | null) => {
      originalPushState(data, unused, url);
      for (const listener of pathListeners) listener(window.location.pathname);
    };
    vi.stubGlobal("fetch", vi.fn(async () => Response.json({ saved: true })));
  });
  afterEach(() => {
    window.history.pushState = originalPushState;
    vi.unstubAllGlobals();
  });

  it("keeps a number pressed the moment the next question appears, before the page has settled", async () => {
    render(<QuizQuestion attemptId="attempt-1" items={items} scale={scale} instruction="Over the past month, how often…" initialAnswers={{}} />);
    const legend = screen.getByText(items[0]!.text);
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole("radio", { name: "Almost never" })));

    // Outside act(), so React schedules its work as it does in a browser.
    const actEnvironment = (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT;
    (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = false;
    try {
      press("5");
      await waitFor(() => expect(radio("Almost always").checked).toBe(true));

      // The moment question 2's words are on the page, press 3: before anything else runs.
      const pressedOnArrival = new Promise<void>((resolve) => {
        const observer = new MutationObserver(() => {
          if (!legend.isConnected || legend.textContent !== items[1]!.text) return;
          observer.disconnect();
          press("3");
          resolve();
        });
        observer.observe(document.body, { subtree: true, characterData: true, childList: true });
      });
      press("Enter");
      await pressedOnArrival;

      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(screen.getByRole("group", { name: items[1]!.text })).toBeTruthy();
      expect(radio("Sometimes").checked).toBe(true);
      expect(radio("Almost always").checked).toBe(false);
    } finally {
      (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = actEnvironment;
    }
    // Three full renders in jsdom outside act(): about 1 s on a quiet machine, up to 5 s on a busy
    // 2-core one (timed out twice at load 25 on 2026-12-03); it waits on nothing slow itself.
  }, 20_000);
});

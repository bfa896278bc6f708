// @vitest-environment jsdom
import { fireEvent, render, screen } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";

const router = vi.hoisted(() => ({ push: vi.fn() }));
vi.mock("next/navigation", () => ({ useRouter: () => router }));

const { StepNav } = await import("@/components/lessons/step-nav");

describe("StepNav", () => {
  beforeEach(() => {
    router.push.mockReset();
  });

  it("links to the step before and after", () => {
    render(<StepNav previousHref="/lessons/the-loop/2" nextHref="/lessons/the-loop/4" />);
    expect(screen.getByRole("link", { name: "Previous" }).getAttribute("href")).toBe("/lessons/the-loop/2");
    expect(screen.getByRole("link", { name: "Next" }).getAttribute("href")).toBe("/lessons/the-loop/4");
  });

  it("names the next lesson on a lesson's last step", () => {
    render(<StepNav previousHref="/lessons/the-loop/5" nextHref="/lessons/what-needs-to-change/1" nextLesson="What really has to shift" />);
    expect(screen.getByRole("link", { name: /^Next lesson/ }).getAttribute("href")).toBe("/lessons/what-needs-to-change/1");
  });

  it("offers all lessons on the first step, and the way back at the very end", () => {
    render(<StepNav />);
    expect(screen.getByRole("link", { name: "All lessons" }).getAttribute("href")).toBe("/lessons");
    expect(screen.getByRole("link", { name: "Back to all lessons" }).getAttribute("href")).toBe("/lessons");
  });

  it("moves with the arrow keys, but not while you type", () => {
    render(
      <>
        <textarea aria-label="Reflection" />
        <StepNav previousHref="/lessons/the-loop/2" nextHref="/lessons/the-loop/4" />
      </>,
    );
    fireEvent.keyDown(document.body, { key: "ArrowRight" });
    expect(router.push).toHaveBeenLastCalledWith("/lessons/the-loop/4");
    fireEvent.keyDown(document.body, { key: "ArrowLeft" });
    expect(router.push).toHaveBeenLastCalledWith("/lessons/the-loop/2");
    router.push.mockReset();
    fireEvent.keyDown(screen.getByRole("textbox", { name: "Reflection" }), { key: "ArrowRight" });
    fireEvent.keyDown(document.body, { key: "ArrowRight", ctrlKey: true });
    expect(router.push).not.toHaveBeenCalled();
  });
});

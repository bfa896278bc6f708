// @vitest-environment jsdom
import { fireEvent, render, screen } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import ErrorPage from "@/app/error";
import GlobalError from "@/app/global-error";

const secret = "connect ECONNREFUSED 10.0.0.5:5432 password=hunter2";

describe("the error page", () => {
  it("apologises in plain words and never shows the error's message", () => {
    const { container } = render(<ErrorPage error={new Error(secret)} retry={() => {}} />);
    expect(screen.getByRole("heading", { level: 1, name: "Something went wrong on our side" })).toBeTruthy();
    expect(container.textContent).not.toContain("ECONNREFUSED");
    expect(container.textContent).not.toContain("hunter2");
    // Reads right when the database is what failed.
    expect(container.textContent).toMatch(/lost touch with where your data is kept/);
  });

  it("tries again when asked, and offers a way home", () => {
    const retry = vi.fn();
    render(<ErrorPage error={new Error(secret)} retry={retry} />);
    fireEvent.click(screen.getByRole("button", { name: "Try again" }));
    expect(retry).toHaveBeenCalledOnce();
    expect(screen.getByRole("link", { name: "Go to the home page" }).getAttribute("href")).toBe("/");
  });
});

describe("the global error page", () => {
  it("says the same kind thing without leaking the error", () => {
    const retry = vi.fn();
    // It renders its own <html>; React warns about nesting that inside the test's <div>.
    const quiet = vi.spyOn(console, "error").mockImplementation(() => {});
    render(<GlobalError error={new Error(secret)} retry={retry} />);
    quiet.mockRestore();
    expect(screen.getByRole("heading", { level: 1, name: "Something went wrong on our side" })).toBeTruthy();
    expect(document.body.textContent).not.toContain("hunter2");
    fireEvent.click(screen.getByRole("button", { name: "Try again" }));
    expect(retry).toHaveBeenCalledOnce();
  });
});

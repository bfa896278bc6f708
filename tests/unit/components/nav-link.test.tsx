// @vitest-environment jsdom
import { render, screen } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";

const navigation = vi.hoisted(() => ({ pathname: "/" }));
vi.mock("next/navigation", () => ({ usePathname: () => navigation.pathname }));

const { NavLink } = await import("@/components/site/nav-link");

describe("NavLink", () => {
  beforeEach(() => {
    navigation.pathname = "/";
  });

  it("marks itself as the current page on its own address", () => {
    navigation.pathname = "/quiz";
    render(<NavLink href="/quiz">Quiz</NavLink>);
    expect(screen.getByRole("link", { name: "Quiz" }).getAttribute("aria-current")).toBe("page");
  });

  it("marks its section on a page inside it, without claiming to be that page", () => {
    navigation.pathname = "/lessons/3";
    render(<NavLink href="/lessons">Lessons</NavLink>);
    expect(screen.getByRole("link", { name: "Lessons" }).getAttribute("aria-current")).toBe("true");
  });

  it("is not current elsewhere, even on an address that merely starts the same", () => {
    navigation.pathname = "/meetings";
    render(<NavLink href="/me">My journey</NavLink>);
    expect(screen.getByRole("link", { name: "My journey" }).hasAttribute("aria-current")).toBe(false);
  });
});

// @vitest-environment jsdom
import { render, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import SourcesPage from "@/app/sources/page";
import { sourceGroups } from "@/lib/content/sources";

describe("the sources page", () => {
  it("shows each group as a heading with its references, in the file's order", () => {
    render(<SourcesPage />);
    expect(screen.getByRole("heading", { level: 1, name: "Where these ideas come from" })).toBeTruthy();
    const headings = screen.getAllByRole("heading", { level: 2 }).map((heading) => heading.textContent);
    expect(headings).toEqual([...sourceGroups.map((group) => group.title), "What is our own, not the research’s"]);
    for (const group of sourceGroups) {
      const section = screen.getByRole("region", { name: group.title });
      const entries = within(section).getAllByRole("listitem");
      expect(entries).toHaveLength(group.references.length);
      group.references.forEach((reference, index) => {
        expect(entries[index]!.textContent).toContain(`${reference.authors} (${reference.year}). ${reference.title}.`);
        expect(entries[index]!.textContent).toContain(reference.supports);
      });
    }
  });

  it("links a DOI through doi.org, and gives no link where no DOI was confirmed", () => {
    render(<SourcesPage />);
    const hazan = screen.getByRole("link", { name: "https://doi.org/10.1037/0022-3514.52.3.511" });
    expect(hazan.getAttribute("href")).toBe("https://doi.org/10.1037/0022-3514.52.3.511");
    const withDoi = sourceGroups.flatMap((group) => group.references).filter((reference) => reference.doi);
    expect(screen.getAllByRole("link").filter((link) => link.getAttribute("href")?.startsWith("https://doi.org/"))).toHaveLength(
      withDoi.length,
    );
    const bowlby = screen.getByText(/Bowlby, J\. \(1969\)/).closest("li")!;
    expect(within(bowlby).queryByRole("link")).toBeNull();
  });

  it("says plainly that the quiz is not a validated clinical instrument", () => {
    render(<SourcesPage />);
    expect(document.body.textContent).toMatch(/it is not a clinical instrument and it can’t diagnose anything/);
  });
});

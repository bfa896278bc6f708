// @vitest-environment jsdom
import { render, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { AbuseHelpLines } from "@/components/help/abuse-help-lines";
import { CrisisLines } from "@/components/help/crisis-lines";
import { SafetyNote } from "@/components/help/safety-note";
import { SharedDevice } from "@/components/help/shared-device";
import { helpLines, type Country } from "@/lib/content/help";

const countryCard = (name: string) => screen.getByRole("heading", { name }).closest("li")!;

describe("AbuseHelpLines", () => {
  it("gives every country with a national line its number as a tel: link", () => {
    render(<AbuseHelpLines />);
    for (const country of helpLines.abuse.countries) {
      for (const line of country.lines) {
        const link = within(countryCard(country.name)).getByRole("link", { name: line.phone });
        expect(link.getAttribute("href"), line.name).toBe(`tel:${line.phone.replace(/[ -]/g, "")}`);
      }
    }
  });

  it("shows the US hotline's text code, chat and hours", () => {
    render(<AbuseHelpLines />);
    const us = within(countryCard("United States"));
    expect(us.getByText("National Domestic Violence Hotline")).toBeTruthy();
    expect(us.getByRole("link", { name: "1-800-799-7233" }).getAttribute("href")).toBe("tel:18007997233");
    expect(us.getByText("START").closest("li")!.textContent).toBe("Text START to 88788");
    expect(us.getByRole("link", { name: "Chat online with National Domestic Violence Hotline" }).getAttribute("href")).toBe(
      "https://www.thehotline.org",
    );
    expect(us.getByText("Open 24 hours a day, every day")).toBeTruthy();
    expect(us.getByRole("link", { name: "911" }).getAttribute("href")).toBe("tel:911");
  });

  it("tells someone in the UK how to ask for help when speaking would be dangerous", () => {
    render(<AbuseHelpLines />);
    const uk = within(countryCard("United Kingdom"));
    expect(uk.getByRole("link", { name: "999" }).getAttribute("href")).toBe("tel:999");
    expect(uk.getByText(/press 55 when you’re asked/)).toBeTruthy();
    expect(within(countryCard("Ireland")).queryByText(/press 55/)).toBeNull();
  });

  it("says Canada has no single national line and links to where to find a local one", () => {
    render(<AbuseHelpLines />);
    const canada = within(countryCard("Canada"));
    expect(canada.getByText(/no single national line/)).toBeTruthy();
    expect(canada.getByRole("link", { name: /ShelterSafe/ }).getAttribute("href")).toBe("https://sheltersafe.ca");
  });

  it("tells a reader anywhere else how to find a line, and when the numbers were checked", () => {
    render(<AbuseHelpLines />);
    expect(screen.getByRole("link", { name: "Find A Helpline" }).getAttribute("href")).toBe("https://findahelpline.com");
    expect(screen.getByText(/local emergency number/)).toBeTruthy();
    expect(screen.getByText("2 December 2026").getAttribute("datetime")).toBe(helpLines.lastChecked);
  });

  it("puts country headings at the level it is given", () => {
    const { unmount } = render(<AbuseHelpLines headingLevel={2} />);
    expect(screen.getByRole("heading", { level: 2, name: "Ireland" })).toBeTruthy();
    unmount();
    render(<AbuseHelpLines headingLevel={5} />);
    expect(screen.getByRole("heading", { level: 5, name: "Ireland" })).toBeTruthy();
    expect(screen.queryByRole("heading", { level: 3 })).toBeNull();
  });

  it("leaves out text, chat and hours a line doesn't have, rather than showing blanks", () => {
    const country: Country = {
      id: "xx",
      name: "Testland",
      emergency: { number: "112", source: "https://example.org" },
      lines: [{ id: "xx-line", name: "Test line", phone: "0800 123", source: "https://example.org" }],
    };
    render(<AbuseHelpLines countries={[country]} />);
    const card = within(countryCard("Testland"));
    expect(card.getAllByRole("link").map((link) => link.getAttribute("href"))).toEqual(["tel:0800123", "tel:112"]);
    expect(card.queryByText(/^Text/)).toBeNull();
    expect(card.queryByText(/^Open/)).toBeNull();
  });
});

describe("SafetyNote", () => {
  it("says who the practices are for and keeps the abuse lines one click away", () => {
    const { container } = render(<SafetyNote />);
    expect(screen.getByRole("heading", { level: 2, name: "A note on safety" })).toBeTruthy();
    expect(screen.getByText(/These practices are for relationships that are safe/)).toBeTruthy();
    expect(screen.getByText(/hurts you, threatens you, controls you or\s+frightens you/)).toBeTruthy();
    const details = container.querySelector("details")!;
    expect(details.querySelector("summary")!.textContent).toContain("Where to get help");
    expect(details.hasAttribute("open")).toBe(false);
    // The lines are in the page, not fetched: a closed <details> still holds them.
    expect(within(details).getByRole("link", { name: "1800 737 732", hidden: true }).getAttribute("href")).toBe(
      "tel:1800737732",
    );
    expect(within(details).getByRole("link", { name: /More on the help page/, hidden: true }).getAttribute("href")).toBe(
      "/help#afraid-of-someone",
    );
  });

  it("nests the country headings one level below its own", () => {
    render(<SafetyNote headingLevel={4} />);
    expect(screen.getByRole("heading", { level: 4, name: "A note on safety" })).toBeTruthy();
    expect(screen.getByRole("heading", { level: 5, name: "New Zealand", hidden: true })).toBeTruthy();
  });
});

describe("CrisisLines", () => {
  it("keeps 988, Samaritans and findahelpline.com as links that work without script", () => {
    render(<CrisisLines />);
    expect(screen.getByRole("link", { name: "988" }).getAttribute("href")).toBe("tel:988");
    expect(screen.getByRole("link", { name: "116 123" }).getAttribute("href")).toBe("tel:116123");
    expect(screen.getByRole("link", { name: "findahelpline.com" }).getAttribute("href")).toBe("https://findahelpline.com");
    expect(screen.getByText(/988 Suicide & Crisis Lifeline\. Call or text/)).toBeTruthy();
  });
});

describe("SharedDevice", () => {
  it("explains the cookie, the ways to remove data and what history still shows", () => {
    render(<SharedDevice />);
    expect(screen.getByRole("heading", { level: 2, name: "Using a shared device" }).id).toBe("shared-device");
    expect(screen.getByText(/tied to this browser by a cookie/)).toBeTruthy();
    expect(screen.getByRole("link", { name: "Delete everything" }).getAttribute("href")).toBe("/me/delete");
    expect(screen.getByText(/sign out on My journey/)).toBeTruthy();
    expect(screen.getByText(/private \(incognito\) window/)).toBeTruthy();
    expect(screen.getByText(/history can still list Drawbridge’s pages/)).toBeTruthy();
  });
});

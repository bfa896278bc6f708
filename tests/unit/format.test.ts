import { describe, expect, it } from "vitest";
import { formatCount, formatDay, formatShortDate, formatStatistic, isoDay } from "@/lib/format";

describe("the one way dates and figures are written", () => {
  it("writes a calendar day as the day that was meant, from a stored day or a content date", () => {
    expect(formatDay(new Date(Date.UTC(2026, 10, 27)))).toBe("27 November 2026");
    expect(formatDay("2026-12-02")).toBe("2 December 2026");
    expect(isoDay(new Date(Date.UTC(2026, 10, 27)))).toBe("2026-11-27");
  });

  it("shortens the month where room is short", () => {
    expect(formatShortDate(new Date(2026, 11, 15, 12))).toBe("15 Dec 2026");
  });

  it("marks thousands in a count", () => {
    expect(formatCount(10000)).toBe("10,000");
  });

  it("writes α and r as psychometrics does, and means and SDs with their leading zero", () => {
    expect(formatStatistic(0.8412, 2, false)).toBe(".84");
    expect(formatStatistic(-0.123, 2, false)).toBe("−.12");
    expect(formatStatistic(-0.001, 2, false)).toBe(".00");
    expect(formatStatistic(15.04, 1)).toBe("15.0");
    expect(formatStatistic(null)).toBe("–");
  });
});

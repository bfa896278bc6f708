import { describe, expect, it } from "vitest";
import { chosenSchema, MAX_CHOSEN, readPair } from "@/lib/validation/compare-choice";

describe("choosing two results to compare", () => {
  it("reads `choose` however the query holds it: absent, once or many times", () => {
    expect(chosenSchema.parse(undefined)).toEqual([]);
    expect(chosenSchema.parse("a1")).toEqual(["a1"]);
    expect(chosenSchema.parse(["a1", "b2"])).toEqual(["a1", "b2"]);
  });

  it("refuses what no list makes: a malformed id, or more ids than a page and a few held", () => {
    expect(chosenSchema.safeParse("../etc").success).toBe(false);
    expect(chosenSchema.safeParse(["ok", "not ok"]).success).toBe(false);
    expect(chosenSchema.safeParse(Array.from({ length: MAX_CHOSEN }, (_, i) => `r${i}`)).success).toBe(true);
    expect(chosenSchema.safeParse(Array.from({ length: MAX_CHOSEN + 1 }, (_, i) => `r${i}`)).success).toBe(false);
  });

  it("compares exactly two distinct results, in the order chosen", () => {
    expect(readPair(["a1", "b2"])).toEqual({ pair: ["a1", "b2"] });
  });

  it("says what any other choice lacks", () => {
    expect(readPair([])).toEqual({ problem: "none" });
    expect(readPair(["a1"])).toEqual({ problem: "one" });
    expect(readPair(["a1", "a1"])).toEqual({ problem: "same" });
    expect(readPair(["a1", "b2", "a1"])).toEqual({ problem: "same" });
    expect(readPair(["a1", "b2", "c3"])).toEqual({ problem: "more" });
  });
});

import { describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { answerSchema, answersSchema, scoreAttempt, type Quiz } from "@/lib/scoring";

const quiz: Quiz = {
  version: "test-1",
  items: [
    { id: "ia-1", strategy: "intimacy-avoidance", text: "I change the subject when talk gets personal.", keyed: "plus" },
    { id: "ca-1", strategy: "conflict-avoidance", text: "I say so when I disagree.", keyed: "minus" },
  ],
  pointsTo: {
    "intimacy-avoidance": { readFirst: [], capacities: [], lessons: [] },
    "conflict-avoidance": { readFirst: [], capacities: [], lessons: [] },
    "passive-aggressiveness": { readFirst: [], capacities: [], lessons: [] },
    control: { readFirst: [], capacities: [], lessons: [] },
    overfunctioning: { readFirst: [], capacities: [], lessons: [] },
  },
};

const VALUE_MESSAGE = "Answers are 1 (Almost never) to 5 (Almost always).";

function messagesFor(input: unknown): string[] {
  const parsed = answersSchema(quiz).safeParse(input);
  return parsed.success ? [] : parsed.error.issues.map((issue) => issue.message);
}

describe("answersSchema", () => {
  it("accepts known items answered 1 to 5, in any order, and no answers at all", () => {
    expect(messagesFor([{ itemId: "ca-1", value: 5 }, { itemId: "ia-1", value: 1 }])).toEqual([]);
    expect(messagesFor([])).toEqual([]);
  });

  it("names an unknown item", () => {
    expect(messagesFor([{ itemId: "x", value: 3 }])).toEqual(['Unknown quiz item "x".']);
  });

  it.each([
    ["0", 0],
    ["6", 6],
    ["2.5", 2.5],
    ['the string "3"', "3"],
    ["NaN", Number.NaN],
    ["missing", undefined],
  ])("explains the scale when a value is %s", (_label, value) => {
    expect(messagesFor([{ itemId: "ia-1", value }])).toEqual([VALUE_MESSAGE]);
  });

  it("says when one item is answered twice, at the second answer", () => {
    const parsed = answersSchema(quiz).safeParse([
      { itemId: "ia-1", value: 2 },
      { itemId: "ca-1", value: 2 },
      { itemId: "ia-1", value: 4 },
    ]);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues).toMatchObject([
      { message: 'Item "ia-1" is answered twice.', path: [2, "itemId"] },
    ]);
  });

  it("reports a duplicate together with other answers' errors, each at its answer", () => {
    const parsed = answersSchema(quiz).safeParse([
      { itemId: "ia-1", value: 2 },
      { itemId: "ia-1", value: 3 },
      { itemId: "x", value: 9 },
    ]);
    expect(parsed.error?.issues.map((issue) => [issue.path, issue.message])).toEqual([
      [[2, "itemId"], 'Unknown quiz item "x".'],
      [[2, "value"], VALUE_MESSAGE],
      [[1, "itemId"], 'Item "ia-1" is answered twice.'],
    ]);
  });

  it("rejects something that is not a list of answers", () => {
    expect(messagesFor("3")).toHaveLength(1);
    expect(messagesFor([null])).toHaveLength(1);
  });
});

describe("answerSchema (one answer at a time, as the quiz flow saves them)", () => {
  it("accepts one valid answer and types its value as the 1–5 scale", () => {
    const answer = answerSchema(quiz).parse({ itemId: "ca-1", value: 4 });
    expect(answer).toEqual({ itemId: "ca-1", value: 4 });
  });

  it("rejects an unknown item and an off-scale value with the same messages", () => {
    const parsed = answerSchema(quiz).safeParse({ itemId: "nope", value: 0 });
    expect(parsed.error?.issues.map((issue) => issue.message)).toEqual([
      'Unknown quiz item "nope".',
      VALUE_MESSAGE,
    ]);
  });
});

function thrownBy(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error("expected scoreAttempt to throw");
}

describe("scoreAttempt with invalid answers", () => {
  it("throws the schema's ZodError, with the same messages, and scores nothing", () => {
    const offScale = thrownBy(() => scoreAttempt(quiz, [{ itemId: "ia-1", value: 6 }]));
    expect(offScale).toBeInstanceOf(ZodError);
    expect((offScale as ZodError).issues.map((issue) => issue.message)).toEqual([VALUE_MESSAGE]);

    const twice = thrownBy(() =>
      scoreAttempt(quiz, [
        { itemId: "ia-1", value: 3 },
        { itemId: "ia-1", value: 3 },
      ]),
    );
    expect(twice).toBeInstanceOf(ZodError);
    expect((twice as ZodError).issues.map((issue) => issue.message)).toEqual(['Item "ia-1" is answered twice.']);
  });
});

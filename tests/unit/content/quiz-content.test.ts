import { describe, expect, it } from "vitest";
import capacitiesJson from "@/content/capacities.json";
import { lessons } from "@/lib/content/lessons";
import {
  answerScale,
  checkQuizContent,
  ContentError,
  instruction,
  knownIds,
  loadQuizContent,
  quiz,
  quizForVersion,
  quizVersions,
  rawContentFiles,
  strategyTexts,
} from "@/lib/content/quiz";
import { checkCapacities } from "@/lib/content/schemas";
import { STRATEGIES } from "@/lib/scoring/types";

// Loosely typed on purpose: the tests write values the schemas must reject.
type Json = Record<string, any>;

/** A deep copy of the real content to break in one place. */
function brokenCopy() {
  return structuredClone(rawContentFiles) as {
    items: { version: string; instruction?: string; scale: Json[]; items: Json[] };
    strategies: Record<string, Json>;
  };
}

describe("the real content", () => {
  it("passes every check", () => {
    expect(checkQuizContent(rawContentFiles, knownIds)).toEqual([]);
  });

  it("has 50 items, 10 per strategy, two of them reverse-keyed", () => {
    expect(quiz.version).toBe("2026.12-2");
    expect(quiz.items).toHaveLength(50);
    for (const strategy of STRATEGIES) {
      const own = quiz.items.filter((item) => item.strategy === strategy);
      expect(own, strategy).toHaveLength(10);
      expect(own.filter((item) => item.keyed === "minus"), strategy).toHaveLength(2);
    }
  });

  it("asks the strategies interleaved: no two neighbours share a strategy", () => {
    quiz.items.forEach((item, index) => {
      const previous = quiz.items[index - 1];
      if (previous) expect(item.strategy, item.id).not.toBe(previous.strategy);
    });
  });

  it("spreads each strategy's reverse-keyed items apart", () => {
    for (const strategy of STRATEGIES) {
      const positions = quiz.items.flatMap((item, index) =>
        item.strategy === strategy && item.keyed === "minus" ? [index] : [],
      );
      expect(positions[1]! - positions[0]!, strategy).toBeGreaterThanOrEqual(15);
    }
  });

  it("offers a balanced five-point frequency scale", () => {
    expect(answerScale.map((option) => [option.value, option.label])).toEqual([
      [1, "Almost never"],
      [2, "Rarely"],
      [3, "Sometimes"],
      [4, "Often"],
      [5, "Almost always"],
    ]);
  });

  it("has texts for every strategy in all three bands", () => {
    for (const strategy of STRATEGIES) {
      const texts = strategyTexts[strategy];
      for (const band of ["low", "moderate", "high"] as const) {
        expect(texts.bands[band].trim(), `${strategy} ${band}`).not.toBe("");
      }
    }
  });

  it("points intimacy avoidance at all five of the source's capacities and at lessons 1 to 5", () => {
    const pointers = quiz.pointsTo["intimacy-avoidance"];
    expect(pointers.readFirst).toEqual(lessons().slice(0, 5).map((lesson) => lesson.slug));
    expect(pointers.capacities).toEqual([
      "catching-the-reflex",
      "staying-with-tender-feelings",
      "space-without-cutting-off",
      "letting-yourself-be-known",
      "telling-danger-from-echoes",
    ]);
    expect(pointers.lessons).toEqual(lessons().slice(5, 10).map((lesson) => lesson.slug));
  });

  it("points the other four strategies at lesson 11 and at the new capacity written for them", () => {
    const expected = {
      "conflict-avoidance": ["saying-it-straight", "letting-yourself-be-known", "telling-danger-from-echoes"],
      "passive-aggressiveness": ["saying-it-straight", "catching-the-reflex", "space-without-cutting-off"],
      control: ["letting-others-help", "telling-danger-from-echoes", "staying-with-tender-feelings"],
      overfunctioning: ["letting-others-help", "staying-with-tender-feelings", "letting-yourself-be-known"],
    } as const;
    for (const [strategy, ids] of Object.entries(expected)) {
      const pointers = quiz.pointsTo[strategy as keyof typeof expected];
      expect(pointers.readFirst, strategy).toEqual(["the-other-strategies"]);
      expect(pointers.capacities, strategy).toEqual(ids);
    }
    // The lesson that teaches each new capacity comes first among the lessons to practise with.
    expect(quiz.pointsTo["conflict-avoidance"].lessons[0]).toBe("say-it-straight");
    expect(quiz.pointsTo["passive-aggressiveness"].lessons[0]).toBe("say-it-straight");
    expect(quiz.pointsTo.control.lessons[0]).toBe("let-others-carry-some");
    expect(quiz.pointsTo.overfunctioning.lessons[0]).toBe("let-others-carry-some");
  });

  it("no longer sends conflict avoidance to the lesson on asking for room", () => {
    expect(quiz.pointsTo["conflict-avoidance"].lessons).not.toContain("space-without-leaving");
  });

  it("points each strategy at its capacities and the lessons that teach them", () => {
    const lessonOf = new Map(lessons().map((lesson) => [lesson.teaches, lesson.slug]));
    for (const strategy of STRATEGIES) {
      const pointers = quiz.pointsTo[strategy];
      expect(pointers.readFirst).toEqual(strategyTexts[strategy].readFirst);
      expect(pointers.capacities).toEqual(strategyTexts[strategy].capacities);
      expect(pointers.lessons).toEqual(pointers.capacities.map((id) => lessonOf.get(id)));
    }
    expect(quiz.pointsTo["overfunctioning"].lessons).toEqual([
      "let-others-carry-some",
      "stay-with-tender-feelings",
      "let-yourself-be-known",
    ]);
  });

  it("asks every item about one time frame and one who, in a question the answer labels fit", () => {
    expect(instruction).toMatch(/past month/);
    expect(instruction).toMatch(/closest to you/);
    expect(instruction).toMatch(/how often/i);
    expect(instruction.trimEnd().endsWith("?")).toBe(true);
    // A reverse-keyed item such as "When someone offers to help me, I let them" must not score as
    // avoidance for someone to whom it simply didn't happen this month.
    expect(instruction).toMatch(/or the last time it came up/);
  });

  it("keys passive-aggressiveness's reverse items as frustration that doesn't leak, not as annoyance kept in", () => {
    const minus = quiz.items.filter((item) => item.strategy === "passive-aggressiveness" && item.keyed === "minus");
    expect(minus.map((item) => item.id)).toEqual(["pa-11", "pa-16"]);
    for (const item of minus) expect(item.text, item.id).not.toMatch(/\b(warmth|polite|keep it to myself|hide)\b/i);
  });

  it("words every item so it makes sense for someone who is single", () => {
    for (const item of quiz.items) {
      expect(item.text, item.id).not.toMatch(/\b(partner|long relationship|marriage|spouse|dating)\b/i);
    }
  });

  it("keeps each retired version whole, with its own items and keying", () => {
    expect(quizVersions).toEqual(["2026.12-2", "2026.12-1", "2026.11-1"]);
    expect(quizForVersion("2026.12-2")).toBe(quiz);
    const retired = quizForVersion("2026.11-1")!;
    expect(retired.items).toHaveLength(50);
    expect(retired.items.find((item) => item.id === "cf-02")).toMatchObject({ keyed: "minus", strategy: "conflict-avoidance" });
    expect(retired.items.find((item) => item.id === "ia-09")?.text).toMatch(/long relationship/);
    expect(quizForVersion("2025.01-1")).toBeUndefined();
  });

  it("never gives an id a new meaning: an id in two versions has the same text, strategy and keying", () => {
    for (const version of quizVersions) {
      for (const item of quizForVersion(version)!.items) {
        for (const other of quizVersions) {
          const same = quizForVersion(other)!.items.find((candidate) => candidate.id === item.id);
          if (same) expect(same, `${item.id} in ${version} and ${other}`).toEqual(item);
        }
      }
    }
  });

  it("retires the items the review found blurred, assumed or duplicated", () => {
    const ids = new Set(quiz.items.map((item) => item.id));
    for (const id of ["cf-02", "cf-07", "pa-04", "pa-09", "pa-10", "cf-10", "pa-06", "ct-01", "ct-07", "ct-08", "ct-09", "of-05", "ia-05", "ia-09", "pa-05", "ct-02", "pa-14"]) {
      expect(ids.has(id), id).toBe(false);
    }
  });

  it("keeps keying out of the words people read", () => {
    for (const item of quiz.items) {
      expect(item.text, item.id).not.toMatch(/\b(plus|minus|reverse|keyed)\b/i);
    }
  });
});

describe("checkQuizContent names the file and field of each problem", () => {
  const STRATEGY_LIST = "one of intimacy-avoidance, conflict-avoidance, passive-aggressiveness, control, overfunctioning";

  it("reports an item id used twice", () => {
    const files = brokenCopy();
    files.items.items[12]!.id = "ia-03";
    expect(checkQuizContent(files, knownIds)).toEqual([
      'content/quiz/items.json: items[12].id: "ia-03" is used twice',
    ]);
  });

  it("reports a strategy with fewer than 9 items", () => {
    const files = brokenCopy();
    files.items.items = files.items.items.filter((item) => !["ct-04", "ct-11"].includes(item.id));
    expect(checkQuizContent(files, knownIds)).toEqual([
      'content/quiz/items.json: items: "control" has 8 items; each strategy needs 9 to 11',
    ]);
  });

  it("reports a strategy with more than 11 items", () => {
    const files = brokenCopy();
    files.items.items.push(
      { id: "ct-91", strategy: "control", keyed: "plus", text: "I like to have the final say on plans." },
      { id: "ia-91", strategy: "intimacy-avoidance", keyed: "plus", text: "I keep my real worries to myself." },
      { id: "ct-92", strategy: "control", keyed: "plus", text: "I make the plans so nobody else has to." },
    );
    expect(checkQuizContent(files, knownIds)).toEqual([
      'content/quiz/items.json: items: "control" has 12 items; each strategy needs 9 to 11',
    ]);
  });

  it("reports a strategy without exactly two minus-keyed items", () => {
    const files = brokenCopy();
    files.items.items.find((item) => item.id === "ct-04")!.keyed = "minus";
    files.items.items.find((item) => item.id === "of-06")!.keyed = "plus";
    expect(checkQuizContent(files, knownIds)).toEqual([
      'content/quiz/items.json: items: "control" has 3 minus-keyed items; each strategy needs exactly 2',
      'content/quiz/items.json: items: "overfunctioning" has 1 minus-keyed items; each strategy needs exactly 2',
    ]);
  });

  it("reports an item with an unknown strategy", () => {
    const files = brokenCopy();
    files.items.items[5]!.strategy = "people-pleasing";
    expect(checkQuizContent(files, knownIds)).toEqual([
      `content/quiz/items.json: items[5].strategy: "people-pleasing" is not a known strategy (${STRATEGY_LIST})`,
    ]);
  });

  it("reports an unknown or missing strategy in the strategy texts", () => {
    const files = brokenCopy();
    files.strategies["people-pleasing"] = structuredClone(files.strategies["control"]!);
    delete files.strategies["control"];
    expect(checkQuizContent(files, knownIds)).toEqual([
      "content/quiz/strategies.json: control: is required",
      "content/quiz/strategies.json: people-pleasing: is not a known strategy",
    ]);
  });

  it("reports an unknown capacity id in a strategy's capacities", () => {
    const files = brokenCopy();
    files.strategies["control"]!.capacities[1] = "being-brave";
    expect(checkQuizContent(files, knownIds)).toEqual([
      'content/quiz/strategies.json: control.capacities[1]: "being-brave" is not a capacity id in content/capacities.json',
    ]);
  });

  it("reports a lesson to read first that is not on the path, and one listed twice", () => {
    const files = brokenCopy();
    files.strategies["control"]!.readFirst = ["the-other-strategies", "holding-the-reins"];
    files.strategies["intimacy-avoidance"]!.readFirst.push("the-loop");
    expect(checkQuizContent(files, knownIds)).toEqual([
      'content/quiz/strategies.json: intimacy-avoidance.readFirst[5]: "the-loop" is used twice',
      'content/quiz/strategies.json: control.readFirst[1]: "holding-the-reins" is not the slug of a lesson in content/lessons',
    ]);
  });

  it("reports a strategy with no lessons to read first", () => {
    const files = brokenCopy();
    files.strategies["overfunctioning"]!.readFirst = [];
    delete files.strategies["control"]!.readFirst;
    expect(checkQuizContent(files, knownIds)).toEqual([
      "content/quiz/strategies.json: control.readFirst: is required",
      "content/quiz/strategies.json: overfunctioning.readFirst: lists no lessons",
    ]);
  });

  it("reports empty or whitespace-only text in any file", () => {
    const files = brokenCopy();
    files.items.items[0]!.text = "   ";
    files.strategies["control"]!.bands.high = "";
    expect(checkQuizContent(files, knownIds)).toEqual([
      "content/quiz/items.json: items[0].text: is empty or only whitespace",
      "content/quiz/strategies.json: control.bands.high: is empty or only whitespace",
    ]);
  });

  it("reports a missing field and an unexpected one", () => {
    const files = brokenCopy();
    delete files.items.items[2]!.keyed;
    files.items.items[3]!.reversed = true;
    expect(checkQuizContent(files, knownIds)).toEqual([
      "content/quiz/items.json: items[2].keyed: is required",
      "content/quiz/items.json: items[3].reversed: is not an expected field",
    ]);
  });

  it("reports an item too long or too short to read well", () => {
    const files = brokenCopy();
    files.items.items[1]!.text = "I keep quiet.";
    expect(checkQuizContent(files, knownIds)).toEqual([
      "content/quiz/items.json: items[1].text: has 3 words; items need 6 to 20",
    ]);
  });

  it("reports two neighbouring items from the same strategy", () => {
    const files = brokenCopy();
    const [moved] = files.items.items.splice(5, 1); // ia-11
    files.items.items.splice(1, 0, moved!);
    expect(checkQuizContent(files, knownIds)).toEqual([
      'content/quiz/items.json: items[1].strategy: "intimacy-avoidance" follows another "intimacy-avoidance" item; strategies must alternate',
    ]);
  });

  it("reports every problem in a file, not only the first kind", () => {
    const files = brokenCopy();
    files.items.items[7]!.text = " ";
    files.items.items[9]!.strategy = "people-pleasing";
    files.items.items[12]!.id = "ia-03";
    expect(checkQuizContent(files, knownIds)).toEqual([
      "content/quiz/items.json: items[7].text: is empty or only whitespace",
      `content/quiz/items.json: items[9].strategy: "people-pleasing" is not a known strategy (${STRATEGY_LIST})`,
      'content/quiz/items.json: items[12].id: "ia-03" is used twice',
    ]);
  });

  it("requires an instruction on the current items file", () => {
    const files = brokenCopy();
    delete files.items.instruction;
    expect(checkQuizContent(files, knownIds)).toEqual([
      'content/quiz/items.json: instruction: is required: say what every item is about (a time frame and who), e.g. "Thinking about … over the past month, how often …?"',
    ]);
  });

  it("lets a retired items file go without an instruction, but checks one it has", () => {
    const files = brokenCopy();
    delete files.items.instruction;
    expect(checkQuizContent(files, knownIds, { retiredItems: true })).toEqual([]);
    files.items.instruction = "How often?";
    expect(checkQuizContent(files, knownIds, { retiredItems: true })).toEqual([
      "content/quiz/items.json: instruction: has 2 words; the instruction needs 10 to 40",
    ]);
  });

  it("reports an instruction that is blank, not a question, or too long", () => {
    const files = brokenCopy();
    files.items.instruction = " ";
    expect(checkQuizContent(files, knownIds)).toEqual(["content/quiz/items.json: instruction: is empty or only whitespace"]);
    files.items.instruction = "Think about the people closest to you over the past month and answer each one.";
    expect(checkQuizContent(files, knownIds)).toEqual([
      "content/quiz/items.json: instruction: must end with a question mark: it asks how often each item was true",
    ]);
    files.items.instruction = `Thinking about ${"the people closest to you and ".repeat(8)}the past month, how often was this true?`;
    expect(checkQuizContent(files, knownIds)).toEqual(["content/quiz/items.json: instruction: has 58 words; the instruction needs 10 to 40"]);
  });

  it("reports a broken answer scale", () => {
    const files = brokenCopy();
    files.items.scale.pop();
    expect(checkQuizContent(files, knownIds)).toEqual([
      "content/quiz/items.json: scale: must list the values 1, 2, 3, 4, 5 once each, in order",
    ]);
  });
});

describe("checkCapacities names the field of each problem", () => {
  const broken = () => structuredClone(capacitiesJson) as Json[];

  it("passes the real capacities", () => {
    expect(checkCapacities(capacitiesJson)).toEqual([]);
  });

  it("reports a capacity id used twice", () => {
    const capacities = broken();
    capacities[4]!.id = "catching-the-reflex";
    expect(checkCapacities(capacities)).toEqual(['content/capacities.json: [4].id: "catching-the-reflex" is used twice']);
  });

  it("reports empty text, a missing field and one that no longer belongs there", () => {
    const capacities = broken();
    capacities[0]!.summary = "\n";
    delete capacities[1]!.name;
    capacities[2]!.lesson = "space-without-leaving";
    expect(checkCapacities(capacities)).toEqual([
      "content/capacities.json: [0].summary: is empty or only whitespace",
      "content/capacities.json: [1].name: is required",
      "content/capacities.json: [2].lesson: is not an expected field",
    ]);
  });
});

describe("loading content", () => {
  it("throws one error that lists every problem", () => {
    const files = brokenCopy();
    files.items.items[12]!.id = "ia-03";
    files.strategies["control"]!.readFirst = ["holding-the-reins"];
    let thrown: unknown;
    try {
      loadQuizContent(files);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ContentError);
    expect((thrown as ContentError).problems).toHaveLength(2);
    expect((thrown as Error).message).toContain('content/quiz/items.json: items[12].id: "ia-03" is used twice');
    expect((thrown as Error).message).toContain(
      'content/quiz/strategies.json: control.readFirst[0]: "holding-the-reins" is not the slug of a lesson in content/lessons',
    );
  });

  it("leaves the real content untouched by the broken copies", () => {
    expect(checkQuizContent(rawContentFiles, knownIds)).toEqual([]);
  });
});

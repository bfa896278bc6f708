import { describe, expect, it } from "vitest";
import {
  BAND_CUT_POINTS,
  SCORING_VERSION,
  STRATEGIES,
  bandFor,
  scoreAttempt,
  storedScoresAgree,
  type Answer,
  type Keying,
  type Quiz,
  type Strategy,
  type StrategyPointers,
  type StrategyResult,
} from "@/lib/scoring";

// Small hand-made quizzes; ids are "<strategy>-<n>", counting from 1 within a strategy.
function quizOf(
  keyings: Partial<Record<Strategy, readonly Keying[]>>,
  pointsTo: Partial<Record<Strategy, StrategyPointers>> = {},
): Quiz {
  return {
    version: "test-7",
    items: STRATEGIES.flatMap((strategy) =>
      (keyings[strategy] ?? []).map((keyed, index) => ({
        id: `${strategy}-${index + 1}`,
        strategy,
        text: `${strategy} item ${index + 1}`,
        keyed,
      })),
    ),
    pointsTo: Object.fromEntries(
      STRATEGIES.map((strategy) => [
        strategy,
        pointsTo[strategy] ?? { readFirst: [], capacities: [`${strategy}-capacity`], lessons: [`${strategy}-lesson`] },
      ]),
    ) as Record<Strategy, StrategyPointers>,
  };
}

/** Answers for one strategy's items in order; `null` leaves that item unanswered. */
function answersFor(strategy: Strategy, values: readonly (number | null)[]): Answer[] {
  return values.flatMap((value, index) =>
    value === null ? [] : [{ itemId: `${strategy}-${index + 1}`, value }],
  );
}

const plus = (count: number): Keying[] => Array.from({ length: count }, () => "plus");

function resultOf(quiz: Quiz, answers: Answer[], strategy: Strategy): StrategyResult {
  const result = scoreAttempt(quiz, answers).strategies.find((r) => r.strategy === strategy);
  if (!result) throw new Error(`no result for ${strategy}`);
  return result;
}

describe("scoreAttempt: scores by hand", () => {
  it("scores 1,2,3,4,5 with the last item minus-keyed as 30, low", () => {
    // Keyed values 1,2,3,4,(6−5=)1 → mean 11/5 = 2.2 → 100·(2.2−1)/4 = 30.
    const quiz = quizOf({ control: ["plus", "plus", "plus", "plus", "minus"] });
    expect(resultOf(quiz, answersFor("control", [1, 2, 3, 4, 5]), "control")).toEqual({
      strategy: "control",
      answered: 5,
      total: 5,
      status: "scored",
      score: 30,
      band: "low",
    });
  });

  it("scores 1,2,3,4,5 with the first item minus-keyed as 70, high", () => {
    // Keyed values (6−1=)5,2,3,4,5 → mean 19/5 = 3.8 → 100·2.8/4 = 70.
    const quiz = quizOf({ control: ["minus", "plus", "plus", "plus", "plus"] });
    expect(resultOf(quiz, answersFor("control", [1, 2, 3, 4, 5]), "control")).toMatchObject({
      score: 70,
      band: "high",
    });
  });

  it("scores 'Sometimes' on every item as the midpoint 50, moderate, whatever the keying", () => {
    const quiz = quizOf({ overfunctioning: ["plus", "minus", "plus", "minus"] });
    expect(resultOf(quiz, answersFor("overfunctioning", [3, 3, 3, 3]), "overfunctioning")).toMatchObject({
      score: 50,
      band: "moderate",
    });
  });

  it("counts a minus item answered 'Almost always' as 'Almost never' for the strategy", () => {
    // Two minus items: "I say so when I disagree" answered 5 means little conflict avoidance.
    const quiz = quizOf({ "conflict-avoidance": ["minus", "minus"] });
    expect(resultOf(quiz, answersFor("conflict-avoidance", [5, 5]), "conflict-avoidance")).toMatchObject({ score: 0 });
    expect(resultOf(quiz, answersFor("conflict-avoidance", [1, 1]), "conflict-avoidance")).toMatchObject({ score: 100 });
    expect(resultOf(quiz, answersFor("conflict-avoidance", [2, 4]), "conflict-avoidance")).toMatchObject({ score: 50 });
  });

  it("rounds the score to a whole number, halves up", () => {
    // 1,1,2 → mean 4/3 → 100·(1/3)/4 = 8.333… → 8.
    expect(resultOf(quizOf({ control: plus(3) }), answersFor("control", [1, 1, 2]), "control")).toMatchObject({
      score: 8,
    });
    // 1,1,2,2 → mean 1.5 → 12.5 → 13.
    expect(resultOf(quizOf({ control: plus(4) }), answersFor("control", [1, 1, 2, 2]), "control")).toMatchObject({
      score: 13,
    });
    // 1,1,1,3,3,3,3,3 → 10 points over 8 → 31.25 → 31.
    expect(resultOf(quizOf({ control: plus(8) }), answersFor("control", [1, 1, 1, 3, 3, 3, 3, 3]), "control")).toMatchObject({
      score: 31,
    });
  });

  it("scores only the answered items when at least 80% are answered", () => {
    // 4 of 5 answered: 2,2,4,4 → mean 3 → 50.
    const quiz = quizOf({ control: plus(5) });
    expect(resultOf(quiz, answersFor("control", [2, null, 2, 4, 4]), "control")).toMatchObject({
      answered: 4,
      total: 5,
      status: "scored",
      score: 50,
    });
  });

  it("stamps the result with the quiz version and the scoring version", () => {
    const result = scoreAttempt(quizOf({ control: plus(1) }), []);
    expect(result.quizVersion).toBe("test-7");
    expect(result.scoringVersion).toBe(SCORING_VERSION);
    expect(SCORING_VERSION).toBe("2");
  });
});

describe("bands", () => {
  it("puts the cut points at low < 40 ≤ moderate < 65 ≤ high", () => {
    expect(BAND_CUT_POINTS).toEqual({ moderate: 40, high: 65 });
    expect([0, 39.9, 40, 64.9, 65, 100].map(bandFor)).toEqual([
      "low",
      "low",
      "moderate",
      "moderate",
      "high",
      "high",
    ]);
  });

  it("gives the band of the rounded score, right at each boundary", () => {
    const five = quizOf({ control: plus(5) });
    // 3,3,3,2,2 → mean 2.6 → 40 exactly.
    expect(resultOf(five, answersFor("control", [3, 3, 3, 2, 2]), "control")).toMatchObject({ score: 40, band: "moderate" });
    // 3,3,4,4,4 → mean 3.6 → 65 exactly.
    expect(resultOf(five, answersFor("control", [3, 3, 4, 4, 4]), "control")).toMatchObject({ score: 65, band: "high" });

    // 47 items: 28×3 + 19×2 → 75 points over 47 → 25·75/47 = 39.89… → 40: the band follows
    // the whole number that is stored and shown, so it reads moderate.
    const many = quizOf({ control: plus(47) });
    const roundsTo40 = [...Array<number>(28).fill(3), ...Array<number>(19).fill(2)];
    expect(resultOf(many, answersFor("control", roundsTo40), "control")).toMatchObject({ score: 40, band: "moderate" });
    // 27×3 + 20×2 → 74 points → 39.36… → 39, low.
    const under40 = [...Array<number>(27).fill(3), ...Array<number>(20).fill(2)];
    expect(resultOf(many, answersFor("control", under40), "control")).toMatchObject({ score: 39, band: "low" });
    // 28×4 + 19×3 → 122 points over 47 → 64.89… → 65, high.
    const roundsTo65 = [...Array<number>(28).fill(4), ...Array<number>(19).fill(3)];
    expect(resultOf(many, answersFor("control", roundsTo65), "control")).toMatchObject({ score: 65, band: "high" });
  });
});

describe("the 80% rule", () => {
  it("scores a strategy with exactly 80% of its items answered", () => {
    const quiz = quizOf({ control: plus(10) });
    const eightOfTen = answersFor("control", [3, 3, 3, 3, 3, 3, 3, 3, null, null]);
    expect(resultOf(quiz, eightOfTen, "control")).toMatchObject({ answered: 8, total: 10, status: "scored" });
  });

  it("reports not-enough-answers below 80%", () => {
    const ten = quizOf({ control: plus(10) });
    const sevenOfTen = answersFor("control", [3, 3, 3, 3, 3, 3, 3, null, null, null]);
    expect(resultOf(ten, sevenOfTen, "control")).toEqual({
      strategy: "control",
      answered: 7,
      total: 10,
      status: "not-enough-answers",
    });
    const five = quizOf({ control: plus(5) });
    expect(resultOf(five, answersFor("control", [5, 5, 5]), "control")).toMatchObject({ status: "not-enough-answers" });
  });

  it("reports not-enough-answers for a strategy the quiz has no items for", () => {
    expect(resultOf(quizOf({ control: plus(2) }), [], "overfunctioning")).toEqual({
      strategy: "overfunctioning",
      answered: 0,
      total: 0,
      status: "not-enough-answers",
    });
  });

  it("scores nothing, points to nothing, when no answers are given", () => {
    const result = scoreAttempt(quizOf({ control: plus(3), overfunctioning: plus(3) }), []);
    expect(result.strategies.map((r) => r.status)).toEqual(Array(5).fill("not-enough-answers"));
    expect(result.ranking).toEqual([...STRATEGIES]);
    expect(result.top).toEqual([]);
    expect(result.pointsTo).toEqual({ readFirst: [], capacities: [], lessons: [] });
  });
});

// Every strategy gets four plus items; `answerAll` gives each strategy its own four values.
const allFour = quizOf(Object.fromEntries(STRATEGIES.map((s) => [s, plus(4)])));
function answerAll(values: Partial<Record<Strategy, readonly (number | null)[]>>): Answer[] {
  return STRATEGIES.flatMap((strategy) => answersFor(strategy, values[strategy] ?? []));
}
// Four plus items: mean m scores 25·(m − 1), so these give 0, 25, 50, 75, 100 and between.
const SCORE_0 = [1, 1, 1, 1];
const SCORE_25 = [2, 2, 2, 2];
const SCORE_37_5 = [2, 2, 3, 3];
const SCORE_43_8 = [2, 3, 3, 3]; // 43.75 → 43.8
const SCORE_50 = [3, 3, 3, 3];
const SCORE_62_5 = [3, 3, 4, 4];
const SCORE_75 = [4, 4, 4, 4];
const SCORE_100 = [5, 5, 5, 5];

describe("ranking", () => {
  it("lists the results in the fixed strategy order, whatever order the quiz asks them in", () => {
    const shuffled: Quiz = { ...allFour, items: [...allFour.items].reverse() };
    const result = scoreAttempt(shuffled, answerAll({ control: SCORE_75, overfunctioning: SCORE_25 }));
    expect(result.strategies.map((r) => r.strategy)).toEqual([...STRATEGIES]);
  });

  it("ranks by score, highest first", () => {
    const result = scoreAttempt(
      allFour,
      answerAll({
        "intimacy-avoidance": SCORE_25,
        "conflict-avoidance": SCORE_100,
        "passive-aggressiveness": SCORE_0,
        control: SCORE_50,
        overfunctioning: SCORE_75,
      }),
    );
    expect(result.ranking).toEqual([
      "conflict-avoidance",
      "overfunctioning",
      "control",
      "intimacy-avoidance",
      "passive-aggressiveness",
    ]);
  });

  it("breaks ties by the fixed strategy order", () => {
    const allSame = scoreAttempt(allFour, answerAll(Object.fromEntries(STRATEGIES.map((s) => [s, SCORE_50]))));
    expect(allSame.ranking).toEqual([...STRATEGIES]);

    const result = scoreAttempt(
      allFour,
      answerAll({
        "intimacy-avoidance": SCORE_25,
        "conflict-avoidance": SCORE_75,
        "passive-aggressiveness": SCORE_25,
        control: SCORE_75,
        overfunctioning: SCORE_75,
      }),
    );
    expect(result.ranking).toEqual([
      "conflict-avoidance",
      "control",
      "overfunctioning",
      "intimacy-avoidance",
      "passive-aggressiveness",
    ]);
  });

  it("puts strategies without enough answers last, in the fixed order, even below a 0", () => {
    const result = scoreAttempt(
      allFour,
      answerAll({
        "intimacy-avoidance": [5, 5, 5, null], // 3 of 4 is 75%: not enough
        "conflict-avoidance": SCORE_0,
        control: SCORE_100,
        overfunctioning: [5, null, null, null],
      }),
    );
    expect(result.ranking).toEqual([
      "control",
      "conflict-avoidance",
      "intimacy-avoidance",
      "passive-aggressiveness",
      "overfunctioning",
    ]);
  });
});

describe("top: the strategies to explain first", () => {
  it("is every strategy in the high band, highest first", () => {
    const result = scoreAttempt(
      allFour,
      answerAll({
        "intimacy-avoidance": SCORE_75,
        "conflict-avoidance": SCORE_50,
        "passive-aggressiveness": SCORE_100,
        control: SCORE_75,
        overfunctioning: SCORE_62_5,
      }),
    );
    expect(result.top).toEqual(["passive-aggressiveness", "intimacy-avoidance", "control"]);
  });

  it("is the highest two moderate strategies when none is high", () => {
    const result = scoreAttempt(
      allFour,
      answerAll({
        "intimacy-avoidance": SCORE_43_8,
        "conflict-avoidance": SCORE_50,
        "passive-aggressiveness": SCORE_25,
        control: SCORE_62_5,
        overfunctioning: SCORE_50,
      }),
    );
    expect(result.top).toEqual(["control", "conflict-avoidance"]);
  });

  it("is the one moderate strategy when only one is at least moderate", () => {
    const result = scoreAttempt(
      allFour,
      answerAll({
        "intimacy-avoidance": SCORE_37_5,
        "conflict-avoidance": SCORE_0,
        control: SCORE_43_8,
        overfunctioning: SCORE_25,
      }),
    );
    expect(result.top).toEqual(["control"]);
  });

  it("is the single highest when every scored strategy is low", () => {
    const result = scoreAttempt(
      allFour,
      answerAll({
        "intimacy-avoidance": SCORE_25,
        "conflict-avoidance": SCORE_37_5,
        "passive-aggressiveness": SCORE_37_5,
        control: SCORE_0,
        overfunctioning: SCORE_0,
      }),
    );
    expect(result.top).toEqual(["conflict-avoidance"]);
  });

  it("is the single scored strategy even when it scores 0", () => {
    expect(scoreAttempt(allFour, answerAll({ control: SCORE_0 })).top).toEqual(["control"]);
  });

  it("never includes a strategy without enough answers, however high its answers", () => {
    const almostAllFives = [5, 5, 5, null]; // 3 of 4 is 75%: not enough
    const result = scoreAttempt(
      allFour,
      answerAll({ control: SCORE_25, "intimacy-avoidance": SCORE_0, overfunctioning: almostAllFives }),
    );
    expect(result.top).toEqual(["control"]);
    const onlyPartial = scoreAttempt(allFour, answerAll({ overfunctioning: almostAllFives }));
    expect(onlyPartial.top).toEqual([]);
  });
});

describe("pointsTo", () => {
  const shared: Partial<Record<Strategy, StrategyPointers>> = {
    "intimacy-avoidance": { readFirst: ["lesson-1"], capacities: ["self-disclosure", "tolerating-closeness"], lessons: ["lesson-6", "lesson-7"] },
    "conflict-avoidance": { readFirst: ["lesson-11"], capacities: ["saying-no", "naming-needs"], lessons: ["lesson-8"] },
    control: { readFirst: ["lesson-11"], capacities: ["tolerating-uncertainty", "self-disclosure"], lessons: ["lesson-9", "lesson-6"] },
    overfunctioning: { readFirst: ["lesson-11"], capacities: ["letting-others-help"], lessons: ["lesson-10"] },
  };
  const quiz = quizOf(Object.fromEntries(STRATEGIES.map((s) => [s, plus(4)])), shared);

  it("joins the top strategies' lessons to read first, capacities and lessons, top strategy first, each once", () => {
    const result = scoreAttempt(
      quiz,
      answerAll({
        "intimacy-avoidance": SCORE_75,
        "conflict-avoidance": SCORE_50,
        control: SCORE_100,
        overfunctioning: SCORE_25,
      }),
    );
    expect(result.top).toEqual(["control", "intimacy-avoidance"]);
    expect(result.pointsTo).toEqual({
      readFirst: ["lesson-11", "lesson-1"],
      capacities: ["tolerating-uncertainty", "self-disclosure", "tolerating-closeness"],
      lessons: ["lesson-9", "lesson-6", "lesson-7"],
    });
  });

  it("leaves out what only strategies outside the top point to", () => {
    const result = scoreAttempt(quiz, answerAll({ "conflict-avoidance": SCORE_25, overfunctioning: SCORE_37_5 }));
    expect(result.top).toEqual(["overfunctioning"]);
    expect(result.pointsTo).toEqual({ readFirst: ["lesson-11"], capacities: ["letting-others-help"], lessons: ["lesson-10"] });
  });
});

describe("storedScoresAgree: scores kept with a result, checked against its answers", () => {
  const quiz = quizOf({
    "intimacy-avoidance": ["plus", "plus", "minus"],
    "conflict-avoidance": ["plus", "minus", "plus"],
    "passive-aggressiveness": ["plus", "plus", "plus"],
    control: ["plus", "minus", "minus"],
    overfunctioning: ["plus", "plus", "plus"],
  });
  const answers: Answer[] = quiz.items.map((item, index) => ({ itemId: item.id, value: 1 + (index % 5) }));
  const stored = () =>
    scoreAttempt(quiz, answers).strategies.map((result) => ({
      strategy: result.strategy,
      score: result.status === "scored" ? result.score : null,
      band: result.status === "scored" ? result.band : null,
      answered: result.answered,
      total: result.total,
    }));

  it("agrees with what the current scoring stored, in any order", () => {
    expect(storedScoresAgree(quiz, SCORING_VERSION, answers, stored())).toBe(true);
    expect(storedScoresAgree(quiz, SCORING_VERSION, [...answers].reverse(), stored().reverse())).toBe(true);
  });

  it("refuses a score, band or count that its answers don't give", () => {
    const [first, ...rest] = stored();
    expect(storedScoresAgree(quiz, SCORING_VERSION, answers, [{ ...first!, score: first!.score! + 1 }, ...rest])).toBe(false);
    expect(storedScoresAgree(quiz, SCORING_VERSION, answers, [{ ...first!, band: first!.band === "high" ? "low" : "high" }, ...rest])).toBe(false);
    expect(storedScoresAgree(quiz, SCORING_VERSION, answers, [{ ...first!, answered: 2 }, ...rest])).toBe(false);
    expect(storedScoresAgree(quiz, SCORING_VERSION, answers, rest)).toBe(false);
  });

  it("refuses answers the quiz can't have given: a 9, an unknown item, an item twice", () => {
    const changed = (answer: Answer) => [answer, ...answers.slice(1)];
    expect(storedScoresAgree(quiz, SCORING_VERSION, changed({ itemId: answers[0]!.itemId, value: 9 }), stored())).toBe(false);
    expect(storedScoresAgree(quiz, SCORING_VERSION, changed({ itemId: "no-such-item", value: 2 }), stored())).toBe(false);
    expect(storedScoresAgree(quiz, SCORING_VERSION, [...answers, answers[0]!], stored())).toBe(false);
  });

  it("checks a result scored under version 1 by its one-decimal rule, and knows no other version", () => {
    // Plus-keyed answers of 1, 2, 2 give 2 points of 12: 25·2/3 is 16.7 under "1" and 17 under "2".
    const small = quizOf({ "intimacy-avoidance": ["plus", "plus", "plus"] });
    const given: Answer[] = [
      { itemId: "intimacy-avoidance-1", value: 1 },
      { itemId: "intimacy-avoidance-2", value: 2 },
      { itemId: "intimacy-avoidance-3", value: 2 },
    ];
    const unscored = STRATEGIES.filter((strategy) => strategy !== "intimacy-avoidance").map((strategy) => ({ strategy, score: null, band: null, answered: 0, total: 0 }));
    const withScore = (score: number) => [{ strategy: "intimacy-avoidance", score, band: "low", answered: 3, total: 3 }, ...unscored];
    expect(storedScoresAgree(small, "1", given, withScore(16.7))).toBe(true);
    expect(storedScoresAgree(small, "2", given, withScore(17))).toBe(true);
    expect(storedScoresAgree(small, "1", given, withScore(17))).toBe(false);
    expect(storedScoresAgree(small, "3", given, withScore(17))).toBe(false);
  });
});

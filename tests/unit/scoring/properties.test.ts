import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  STRATEGIES,
  scoreAttempt,
  type Answer,
  type AttemptResult,
  type Keying,
  type Quiz,
  type Strategy,
  type StrategyPointers,
} from "@/lib/scoring";

// Random quizzes: any number of items, any strategy and keying per item, and pointers drawn
// from a small pool so that top strategies often share capacities and lessons.
const pointersArb: fc.Arbitrary<StrategyPointers> = fc.record({
  readFirst: fc.uniqueArray(fc.constantFrom("r1", "r2"), { maxLength: 2 }),
  capacities: fc.uniqueArray(fc.constantFrom("c1", "c2", "c3", "c4"), { maxLength: 3 }),
  lessons: fc.uniqueArray(fc.constantFrom("l1", "l2", "l3", "l4"), { maxLength: 3 }),
});

const quizArb: fc.Arbitrary<Quiz> = fc
  .tuple(
    fc.array(
      fc.record({
        strategy: fc.constantFrom(...STRATEGIES),
        keyed: fc.constantFrom<Keying>("plus", "minus"),
      }),
      { minLength: 1, maxLength: 40 },
    ),
    fc.tuple(...STRATEGIES.map(() => pointersArb)),
  )
  .map(([items, pointers]) => ({
    version: "random",
    items: items.map((item, index) => ({ ...item, id: `item-${index}`, text: `Item ${index}` })),
    pointsTo: Object.fromEntries(STRATEGIES.map((s, i) => [s, pointers[i]])) as Record<Strategy, StrategyPointers>,
  }));

const valueArb = fc.integer({ min: 1, max: 5 });

/** A quiz with every item answered. */
const completeArb = quizArb.chain((quiz) =>
  fc
    .array(valueArb, { minLength: quiz.items.length, maxLength: quiz.items.length })
    .map((values) => ({ quiz, answers: values.map((value, i): Answer => ({ itemId: quiz.items[i]!.id, value })) })),
);

/** A quiz with any subset of its items answered. */
const partialArb = quizArb.chain((quiz) =>
  fc.array(fc.option(valueArb), { minLength: quiz.items.length, maxLength: quiz.items.length }).map((values) => ({
    quiz,
    answers: values.flatMap((value, i): Answer[] => (value === null ? [] : [{ itemId: quiz.items[i]!.id, value }])),
  })),
);

function scoreOf(result: AttemptResult, strategy: Strategy): number | undefined {
  const found = result.strategies.find((r) => r.strategy === strategy);
  return found?.status === "scored" ? found.score : undefined;
}

const hasItems = (quiz: Quiz, strategy: Strategy) => quiz.items.some((item) => item.strategy === strategy);

describe("scoring properties over random quizzes and answers", () => {
  it("keeps every score within 0–100, as a whole number, and scores every strategy a complete attempt covers", () => {
    fc.assert(
      fc.property(completeArb, ({ quiz, answers }) => {
        const result = scoreAttempt(quiz, answers);
        for (const strategy of STRATEGIES) {
          const score = scoreOf(result, strategy);
          expect(score !== undefined).toBe(hasItems(quiz, strategy));
          if (score === undefined) continue;
          expect(score).toBeGreaterThanOrEqual(0);
          expect(score).toBeLessThanOrEqual(100);
          expect(Number.isInteger(score)).toBe(true);
        }
      }),
    );
  });

  it("matches 100·(mean − 1)/4 of the keyed values to within the whole-number rounding", () => {
    fc.assert(
      fc.property(partialArb, ({ quiz, answers }) => {
        const result = scoreAttempt(quiz, answers);
        for (const strategy of STRATEGIES) {
          const score = scoreOf(result, strategy);
          if (score === undefined) continue;
          const keyed = answers.flatMap((answer) => {
            const item = quiz.items.find((it) => it.id === answer.itemId)!;
            if (item.strategy !== strategy) return [];
            return [item.keyed === "plus" ? answer.value : 6 - answer.value];
          });
          const mean = keyed.reduce((sum, v) => sum + v, 0) / keyed.length;
          expect(Math.abs(score - (100 * (mean - 1)) / 4)).toBeLessThanOrEqual(0.5 + 1e-9);
        }
      }),
    );
  });

  it("scores 0 for all-lowest keyed answers and 100 for all-highest", () => {
    fc.assert(
      fc.property(quizArb, (quiz) => {
        const lowest = quiz.items.map((item) => ({ itemId: item.id, value: item.keyed === "plus" ? 1 : 5 }));
        const highest = quiz.items.map((item) => ({ itemId: item.id, value: item.keyed === "plus" ? 5 : 1 }));
        const low = scoreAttempt(quiz, lowest);
        const high = scoreAttempt(quiz, highest);
        for (const strategy of STRATEGIES.filter((s) => hasItems(quiz, s))) {
          expect(scoreOf(low, strategy)).toBe(0);
          expect(scoreOf(high, strategy)).toBe(100);
        }
      }),
    );
  });

  it("never lowers a score when a plus answer goes up, never raises it when a minus answer goes up", () => {
    fc.assert(
      fc.property(
        completeArb.chain((attempt) => fc.record({ attempt: fc.constant(attempt), index: fc.nat(attempt.answers.length - 1) })),
        ({ attempt: { quiz, answers }, index }) => {
          const answer = answers[index]!;
          fc.pre(answer.value < 5);
          const raised = answers.map((a, i) => (i === index ? { ...a, value: a.value + 1 } : a));
          const item = quiz.items.find((it) => it.id === answer.itemId)!;
          const before = scoreAttempt(quiz, answers);
          const after = scoreAttempt(quiz, raised);
          const [was, now] = [scoreOf(before, item.strategy)!, scoreOf(after, item.strategy)!];
          if (item.keyed === "plus") expect(now).toBeGreaterThanOrEqual(was);
          else expect(now).toBeLessThanOrEqual(was);
          for (const other of STRATEGIES.filter((s) => s !== item.strategy)) {
            expect(scoreOf(after, other)).toBe(scoreOf(before, other));
          }
        },
      ),
    );
  });

  it("gives the same result for the answers in any order", () => {
    fc.assert(
      fc.property(
        partialArb.chain((attempt) =>
          fc.record({
            attempt: fc.constant(attempt),
            shuffled: fc.shuffledSubarray(attempt.answers, {
              minLength: attempt.answers.length,
              maxLength: attempt.answers.length,
            }),
          }),
        ),
        ({ attempt: { quiz, answers }, shuffled }) => {
          expect(scoreAttempt(quiz, shuffled)).toEqual(scoreAttempt(quiz, answers));
        },
      ),
    );
  });

  it("is deterministic and leaves the quiz and answers untouched", () => {
    fc.assert(
      fc.property(partialArb, ({ quiz, answers }) => {
        const [quizBefore, answersBefore] = [structuredClone(quiz), structuredClone(answers)];
        const first = scoreAttempt(quiz, answers);
        expect(scoreAttempt(quiz, answers)).toEqual(first);
        expect(quiz).toEqual(quizBefore);
        expect(answers).toEqual(answersBefore);
      }),
    );
  });

  it("ranks all five, scored by score then unscored, and picks top and pointsTo from the scored", () => {
    fc.assert(
      fc.property(partialArb, ({ quiz, answers }) => {
        const result = scoreAttempt(quiz, answers);
        expect([...result.ranking].sort()).toEqual([...STRATEGIES].sort());

        const scores = result.ranking.map((s) => scoreOf(result, s));
        const scored = scores.filter((s) => s !== undefined);
        expect(scores.slice(0, scored.length)).toEqual(scored);
        expect(scored).toEqual([...scored].sort((a, b) => b - a));

        expect(result.top.length > 0).toBe(scored.length > 0);
        expect(result.top).toEqual(result.ranking.slice(0, result.top.length));
        expect(new Set(result.pointsTo.capacities).size).toBe(result.pointsTo.capacities.length);
        expect(new Set(result.pointsTo.lessons).size).toBe(result.pointsTo.lessons.length);
        const topPointers = result.top.map((s) => quiz.pointsTo[s]);
        expect(new Set(result.pointsTo.capacities)).toEqual(new Set(topPointers.flatMap((p) => p.capacities)));
        expect(new Set(result.pointsTo.lessons)).toEqual(new Set(topPointers.flatMap((p) => p.lessons)));
        expect(result.pointsTo.readFirst).toEqual([...new Set(topPointers.flatMap((p) => p.readFirst))]);
      }),
    );
  });
});

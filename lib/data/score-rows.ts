// The StrategyScore rows a scored attempt is stored as: one shape for finishing an attempt
// (lib/data/quiz-attempts.ts) and for the seeders of tests and benchmarks. Pure, so scripts can
// use it without the server-only guard of the modules that talk to the database.
import type { AttemptResult } from "@/lib/scoring";

export function strategyScoreRows(attemptId: string, result: Pick<AttemptResult, "strategies">) {
  return result.strategies.map((strategy) => ({
    attemptId,
    strategy: strategy.strategy,
    score: strategy.status === "scored" ? strategy.score : null,
    band: strategy.status === "scored" ? strategy.band : null,
    answered: strategy.answered,
    total: strategy.total,
  }));
}

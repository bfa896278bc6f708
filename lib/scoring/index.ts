// The scoring module: pure functions and types, no I/O. Items in, answers in, a versioned result out.
export * from "./types";
export { ANSWER_VALUE_MESSAGE, answerSchema, answersSchema, type ValidAnswer } from "./answers";
export {
  BAND_CUT_POINTS,
  SCORING_VERSION,
  SCORING_VERSIONS,
  bandFor,
  leadingGroup,
  rankStrategies,
  scoreAttempt,
  storedScoresAgree,
  type StoredScore,
} from "./score-attempt";
export { firstUnansweredIndex } from "./progress";
export { cronbachAlpha, mean, standardDeviation, variance } from "./statistics";
export {
  DEFAULT_SCALE_RELIABILITY,
  MIN_RESULTS_FOR_RELIABILITY,
  defaultReliability,
  type QuizReliability,
  type ScaleReliability,
} from "./reliability";
export {
  CovarianceAccumulator,
  fDistributionCdf,
  fDistributionQuantile,
  feldtInterval,
  logGamma,
  pearsonCorrelation,
  regularizedBeta,
} from "./statistics";
export {
  HIGH_SCALE_CORRELATION,
  HIGH_SCALE_CORRELATION_TEXT,
  ITEM_FLAG_TEXT,
  ItemAnalysisAccumulator,
  LOW_ITEM_REST,
  MIN_ATTEMPTS_FOR_ITEM_ANALYSIS,
  analyseItems,
  type AttemptAnswers,
  type ItemAnalysis,
  type ItemFlag,
  type ItemStatistics,
  type ScaleCorrelation,
  type ScaleStatistics,
} from "./item-analysis";
export {
  Z_95,
  aboutEquallyActive,
  changeVerdict,
  changeVerdictText,
  cutPointsCrossed,
  marginOfScore,
  rangeReadingText,
  readRange,
  reliableChangeIndex,
  scoreRange,
  standardErrorOfDifference,
  standardErrorOfMeasurement,
  wholeScore,
  type ChangeVerdict,
  type RangeReading,
  type ScoreRange,
} from "./margins";

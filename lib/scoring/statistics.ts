// The few statistics the results and the item analysis share. Pure; sample (n − 1) variances,
// as psychometric software (R's psych::alpha among them) reports them.

export function mean(values: readonly number[]): number {
  if (values.length === 0) throw new RangeError("The mean of no values is undefined.");
  let total = 0;
  for (const value of values) total += value;
  return total / values.length;
}

/** Sample variance: the sum of squared deviations over n − 1. Needs at least two values. */
export function variance(values: readonly number[]): number {
  if (values.length < 2) throw new RangeError("A sample variance needs at least two values.");
  const centre = mean(values);
  let squares = 0;
  for (const value of values) squares += (value - centre) ** 2;
  return squares / (values.length - 1);
}

export function standardDeviation(values: readonly number[]): number {
  return Math.sqrt(variance(values));
}

/**
 * Cronbach's alpha of one scale: α = k/(k − 1) · (1 − Σ item variances / variance of the sum).
 * `rows` holds one row per respondent with the k keyed item values (reverse-keyed items
 * already turned round); every row must be complete and as long as the others.
 */
export function cronbachAlpha(rows: readonly (readonly number[])[]): number {
  const k = rows[0]?.length ?? 0;
  if (rows.length < 2 || k < 2) throw new RangeError("Alpha needs at least two respondents and two items.");
  if (rows.some((row) => row.length !== k)) throw new RangeError("Every respondent needs a value for every item.");
  let itemVariances = 0;
  for (let item = 0; item < k; item++) itemVariances += variance(rows.map((row) => row[item]!));
  const totals = rows.map((row) => row.reduce((sum, value) => sum + value, 0));
  return (k / (k - 1)) * (1 - itemVariances / variance(totals));
}

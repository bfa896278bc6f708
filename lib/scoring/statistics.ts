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

/**
 * Running means and co-moments of a fixed number of variables (Welford's method, numerically
 * stable), so the item analysis can read attempts in batches without keeping them. From the
 * co-moments come the sample (n − 1) covariances, the same ones R's cov() reports.
 */
export class CovarianceAccumulator {
  readonly size: number;
  private n = 0;
  private readonly means: Float64Array;
  /** Co-moments Σ(xᵢ − x̄ᵢ)(xⱼ − x̄ⱼ), row-major size × size. */
  private readonly comoments: Float64Array;

  constructor(size: number) {
    if (!Number.isInteger(size) || size < 1) throw new RangeError("An accumulator needs at least one variable.");
    this.size = size;
    this.means = new Float64Array(size);
    this.comoments = new Float64Array(size * size);
  }

  /** Adds one complete observation (one value per variable). */
  add(values: readonly number[]): void {
    if (values.length !== this.size) throw new RangeError(`Expected ${this.size} values, got ${values.length}.`);
    this.n += 1;
    const before = new Float64Array(this.size);
    for (let i = 0; i < this.size; i++) {
      before[i] = values[i]! - this.means[i]!;
      this.means[i] = this.means[i]! + before[i]! / this.n;
    }
    for (let i = 0; i < this.size; i++) {
      const after = values[i]! - this.means[i]!;
      for (let j = 0; j < this.size; j++) this.comoments[i * this.size + j] = this.comoments[i * this.size + j]! + after * before[j]!;
    }
  }

  get count(): number {
    return this.n;
  }

  mean(i: number): number {
    if (this.n === 0) throw new RangeError("The mean of no values is undefined.");
    return this.means[i]!;
  }

  /** Sample covariance of variables i and j (the variance when i = j). Needs two observations. */
  covariance(i: number, j: number): number {
    if (this.n < 2) throw new RangeError("A sample covariance needs at least two observations.");
    // Symmetric in exact arithmetic; the average keeps it symmetric in floating point too.
    return (this.comoments[i * this.size + j]! + this.comoments[j * this.size + i]!) / 2 / (this.n - 1);
  }

  /** The sample covariance matrix. */
  covarianceMatrix(): number[][] {
    return Array.from({ length: this.size }, (_, i) => Array.from({ length: this.size }, (_, j) => this.covariance(i, j)));
  }

  /** Pearson's r of variables i and j; NaN when either does not vary. */
  correlation(i: number, j: number): number {
    return this.covariance(i, j) / Math.sqrt(this.covariance(i, i) * this.covariance(j, j));
  }
}

/** Pearson's correlation of two equally long series; NaN when either does not vary. */
export function pearsonCorrelation(xs: readonly number[], ys: readonly number[]): number {
  if (xs.length !== ys.length) throw new RangeError("Both series need the same length.");
  const accumulator = new CovarianceAccumulator(2);
  xs.forEach((x, index) => accumulator.add([x, ys[index]!]));
  return accumulator.correlation(0, 1);
}

/** ln Γ(x) for x > 0 (Lanczos, g = 7, n = 9; relative error about 1e-15). */
export function logGamma(x: number): number {
  const coefficients = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
    12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
  ];
  if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
  const z = x - 1;
  let sum = coefficients[0]!;
  for (let i = 1; i < coefficients.length; i++) sum += coefficients[i]! / (z + i);
  const t = z + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

/** The regularised incomplete beta function Iₓ(a, b), by its continued fraction (modified Lentz). */
export function regularizedBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  // The continued fraction converges fast for x below (a + 1)/(a + b + 2); use the symmetry otherwise.
  if (x > (a + 1) / (a + b + 2)) return 1 - regularizedBeta(1 - x, b, a);
  const front = Math.exp(a * Math.log(x) + b * Math.log(1 - x) - (logGamma(a) + logGamma(b) - logGamma(a + b))) / a;
  const tiny = 1e-300;
  let f = 1;
  let c = 1;
  let d = 0;
  for (let i = 0; i <= 100_000; i++) {
    const m = Math.floor(i / 2);
    let numerator: number;
    if (i === 0) numerator = 1;
    else if (i % 2 === 0) numerator = (m * (b - m) * x) / ((a + 2 * m - 1) * (a + 2 * m));
    else numerator = -((a + m) * (a + b + m) * x) / ((a + 2 * m) * (a + 2 * m + 1));
    d = 1 + numerator * d;
    if (Math.abs(d) < tiny) d = tiny;
    d = 1 / d;
    c = 1 + numerator / c;
    if (Math.abs(c) < tiny) c = tiny;
    const step = c * d;
    f *= step;
    if (Math.abs(1 - step) < 1e-15) return front * (f - 1);
  }
  throw new RangeError("The incomplete beta function did not converge.");
}

/** P(F ≤ f) for an F distribution with d1 and d2 degrees of freedom. */
export function fDistributionCdf(f: number, d1: number, d2: number): number {
  if (f <= 0) return 0;
  return regularizedBeta((d1 * f) / (d1 * f + d2), d1 / 2, d2 / 2);
}

/** The p-quantile of an F distribution with d1 and d2 degrees of freedom (R's qf), by bisection. */
export function fDistributionQuantile(p: number, d1: number, d2: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError("p must lie strictly between 0 and 1.");
  if (!(d1 > 0 && d2 > 0)) throw new RangeError("Degrees of freedom must be positive.");
  // Solve Iₓ(d1/2, d2/2) = p for x in (0, 1), then f = d2·x / (d1·(1 − x)).
  let low = 0;
  let high = 1;
  for (let i = 0; i < 200 && high - low > 1e-17; i++) {
    const middle = (low + high) / 2;
    if (regularizedBeta(middle, d1 / 2, d2 / 2) < p) low = middle;
    else high = middle;
  }
  const x = (low + high) / 2;
  return (d2 * x) / (d1 * (1 - x));
}

/**
 * Feldt's 95% (by default) confidence interval for Cronbach's alpha from n respondents and k
 * items, as R's psych::alpha reports it (psych::alpha.ci):
 * 1 − (1 − α)·F(1 − p/2) to 1 − (1 − α)·F(p/2), F with n − 1 and (n − 1)(k − 1) degrees of freedom.
 */
export function feldtInterval(alpha: number, n: number, k: number, pValue = 0.05): { lower: number; upper: number } {
  if (n < 2 || k < 2) throw new RangeError("The interval needs at least two respondents and two items.");
  const d1 = n - 1;
  const d2 = (n - 1) * (k - 1);
  return {
    lower: 1 - (1 - alpha) * fDistributionQuantile(1 - pValue / 2, d1, d2),
    upper: 1 - (1 - alpha) * fDistributionQuantile(pValue / 2, d1, d2),
  };
}

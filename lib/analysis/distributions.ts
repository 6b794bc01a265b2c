/**
 * Reference activation distributions for the adaptive-threshold experiments (report §3.3.1: "membrane
 * potentials often follow a long-tailed Gaussian-like distribution with occasional outliers").
 * Stand-ins for a real model's projection inputs until a trained model provides them.
 */
import { mulberry32, normalSamples } from '../util/random.js';
import { checkInteger } from '../util/validate.js';

export type ReferenceDistribution = 'gaussian' | 'laplace' | 'student-t-outliers';
export const REFERENCE_DISTRIBUTIONS: readonly ReferenceDistribution[] = ['gaussian', 'laplace', 'student-t-outliers'];

export interface ReferenceOptions {
  /** degrees of freedom of the Student-t body (an integer >= 1); default 4 */
  dof?: number;
  /** fraction of channels (columns) that carry outliers; default 0.01 */
  outlierChannelFraction?: number;
  /** scale of the outlier channels relative to the rest; default 10 */
  outlierScale?: number;
}

/** Describes a distribution and its parameters in one line, for notebooks and data files. */
export function describeReference(kind: ReferenceDistribution, o: ReferenceOptions = {}): string {
  const { dof, outlierChannelFraction, outlierScale } = withDefaults(o);
  if (kind === 'gaussian') return 'N(0, 1)';
  if (kind === 'laplace') return 'Laplace(0, 1)';
  return `Student-t(${dof}), ${(100 * outlierChannelFraction).toFixed(1)} % of channels x${outlierScale}`;
}

function withDefaults(o: ReferenceOptions): Required<ReferenceOptions> {
  return { dof: o.dof ?? 4, outlierChannelFraction: o.outlierChannelFraction ?? 0.01, outlierScale: o.outlierScale ?? 10 };
}

/**
 * A seeded [rows, cols] activation matrix, row-major, as float32 (rows are tokens, columns channels).
 */
export function referenceActivations(
  kind: ReferenceDistribution,
  rows: number,
  cols: number,
  seed: number,
  options: ReferenceOptions = {},
): Float32Array {
  if (!REFERENCE_DISTRIBUTIONS.includes(kind)) {
    throw new TypeError(`kind must be one of ${REFERENCE_DISTRIBUTIONS.map((d) => `'${d}'`).join(', ')}; got ${JSON.stringify(kind)}`);
  }
  checkInteger('rows', rows, 1);
  checkInteger('cols', cols, 1);
  const o = withDefaults(options);
  checkInteger('dof', o.dof, 1);
  if (!(o.outlierChannelFraction >= 0 && o.outlierChannelFraction <= 1)) {
    throw new RangeError(`outlierChannelFraction must be in [0, 1], got ${o.outlierChannelFraction}`);
  }
  if (!(Number.isFinite(o.outlierScale) && o.outlierScale > 0))
    throw new RangeError(`outlierScale must be a finite number > 0, got ${o.outlierScale}`);
  const n = rows * cols;
  const out = new Float32Array(n);
  if (kind === 'gaussian') {
    out.set(normalSamples(n, seed));
    return out;
  }
  const rng = mulberry32(seed);
  if (kind === 'laplace') {
    // inverse CDF of Laplace(0, 1)
    for (let i = 0; i < n; i++) {
      const u = rng() - 0.5;
      out[i] = -Math.sign(u) * Math.log(1 - 2 * Math.abs(u));
    }
    return out;
  }
  // Student-t: z / sqrt(chi2 / dof), chi2 the sum of dof squared normals
  const z = normalSamples(n * (o.dof + 1), seed);
  for (let i = 0; i < n; i++) {
    let chi2 = 0;
    for (let d = 1; d <= o.dof; d++) chi2 += z[i * (o.dof + 1) + d]! ** 2;
    out[i] = z[i * (o.dof + 1)]! / Math.sqrt(chi2 / o.dof);
  }
  // outliers live in fixed channels, as in LLM activations; pick them without replacement
  const outliers = Math.round(o.outlierChannelFraction * cols);
  const order = Array.from({ length: cols }, (_, c) => c);
  for (let i = 0; i < outliers; i++) {
    const j = i + Math.floor(rng() * (cols - i));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  for (const c of order.slice(0, outliers)) {
    for (let r = 0; r < rows; r++) out[r * cols + c] = out[r * cols + c]! * o.outlierScale;
  }
  return out;
}

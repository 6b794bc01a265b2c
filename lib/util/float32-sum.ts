/**
 * Float32 summation in the order PyTorch's CPU kernel uses (aten SumKernel.cpp, AVX2 build):
 * 8-lane vector partial sums, four interleaved accumulators with a cascade, then the scalar tail,
 * then the lanes one by one. Float addition is not associative, so matching W8ASpike's thresholds
 * bit for bit needs the same order; a plain float64 sum differs in the last bit on some rows.
 */
const f = Math.fround;
const LANES = 8;
const ILP = 4;
const LEVELS = 4;

function ceilLog2(n: number): number {
  return n <= 1 ? 0 : Math.ceil(Math.log2(n));
}

/** Sum of |x[start + i]| for i < n as float32, in the order of torch.abs(x).sum(-1). */
export function float32AbsSumTorchOrder(x: ArrayLike<number>, start: number, n: number): number {
  const vectors = Math.floor(n / LANES);
  const size = Math.floor(vectors / ILP);
  const levelPower = Math.max(4, Math.floor(ceilLog2(size) / LEVELS));
  const levelStep = 2 ** levelPower;
  const levelMask = levelStep - 1;
  // acc[level][ilp][lane]
  const acc = Array.from({ length: LEVELS }, () => Array.from({ length: ILP }, () => new Float32Array(LANES)));
  const addVector = (into: Float32Array, vector: number): void => {
    const base = start + vector * LANES;
    for (let l = 0; l < LANES; l++) into[l] = f(into[l]! + Math.abs(f(x[base + l]!)));
  };
  let i = 0;
  while (i + levelStep <= size) {
    for (let j = 0; j < levelStep; j++, i++) for (let k = 0; k < ILP; k++) addVector(acc[0]![k]!, i * ILP + k);
    for (let j = 1; j < LEVELS; j++) {
      for (let k = 0; k < ILP; k++) {
        for (let l = 0; l < LANES; l++) acc[j]![k]![l] = f(acc[j]![k]![l]! + acc[j - 1]![k]![l]!);
        acc[j - 1]![k]!.fill(0);
      }
      if ((i & (levelMask * 2 ** (j * levelPower))) !== 0) break;
    }
  }
  for (; i < size; i++) for (let k = 0; k < ILP; k++) addVector(acc[0]![k]!, i * ILP + k);
  for (let j = 1; j < LEVELS; j++) {
    for (let k = 0; k < ILP; k++) for (let l = 0; l < LANES; l++) acc[0]![k]![l] = f(acc[0]![k]![l]! + acc[j]![k]![l]!);
  }
  // vectors left over after the ILP groups go into the first accumulator
  const row = acc[0]![0]!;
  for (let v = size * ILP; v < vectors; v++) addVector(row, v);
  for (let k = 1; k < ILP; k++) for (let l = 0; l < LANES; l++) row[l] = f(row[l]! + acc[0]![k]![l]!);
  let total = 0;
  for (let t = vectors * LANES; t < n; t++) total = f(total + Math.abs(f(x[start + t]!)));
  for (let l = 0; l < LANES; l++) total = f(total + row[l]!);
  return total;
}

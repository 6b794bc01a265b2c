/**
 * Cutting tensors into many blocks, cheaply and differentiably: support code for the blocked
 * attention and the chunked GLA (report §3.1), which both loop over blocks.
 *
 * Why not tf.slice / tf.split: on the wasm backend (tfjs-backend-wasm 4.22) every Slice reads the
 * whole input into a fresh JavaScript buffer, so cutting n blocks costs n copies of the input; at
 * L = 4096 that was 60–70% of the run time. On wasm the data already lives in host memory, so a
 * BlockReader reads the tensor once and makes each block from that copy; its gradient is a pad
 * (the gradient of a slice). tf.gather is no way out: it has no gradient kernel on wasm. On other
 * backends (webgl, webgpu, cpu) slicing is cheap and the reader uses tf.slice.
 */
import * as tf from '@tensorflow/tfjs';

/** Reads blocks of one tensor; make it where the tensor is made, use it within the same op call. */
export interface BlockReader {
  /** x[begin : begin + size], reshaped to `shape` (default `size`); differentiable */
  take(begin: readonly number[], size: readonly number[], shape?: readonly number[]): tf.Tensor;
}

export function blockReader(x: tf.Tensor): BlockReader {
  if (tf.getBackend() !== 'wasm' || x.dtype !== 'float32') {
    return { take: (begin, size, shape) => tf.slice(x, [...begin], [...size]).reshape([...(shape ?? size)]) };
  }
  let data: Float32Array | null = null;
  const fullShape = x.shape;
  const strides = stridesOf(fullShape);
  return {
    take(begin, size, shape) {
      data ??= x.dataSync() as Float32Array;
      const values = copyBlock(data, fullShape, strides, begin, size);
      const outShape = [...(shape ?? size)];
      // no gradient being recorded: a plain tensor (a custom-gradient op costs ~3× more to make)
      if (!tf.engine().isTapeOn()) return tf.tensor(values, outShape, 'float32');
      const cut = tf.customGrad((..._inputs: Array<tf.Tensor | tf.GradSaveFunc>) => ({
        value: tf.tensor(values, outShape, 'float32'),
        gradFunc: (dy: tf.Tensor) =>
          tf.pad(
            dy.reshape([...size]),
            size.map((s, d) => [begin[d]!, fullShape[d]! - begin[d]! - s] as [number, number]),
          ),
      }));
      return cut(x);
    },
  };
}

/**
 * Cuts blocks of `x` without recording a gradient (for ops that write their own backward pass):
 * on wasm one host read of `x`, then each block is a fresh tensor (no kernel); elsewhere tf.slice.
 */
export function hostCutter(
  x: tf.Tensor,
): (begin: readonly number[], size: readonly number[], shape: readonly [number, number]) => tf.Tensor2D {
  if (tf.getBackend() !== 'wasm' || x.dtype !== 'float32') {
    return (begin, size, shape) => tf.slice(x, [...begin], [...size]).reshape([...shape]);
  }
  let data: Float32Array | null = null;
  const fullShape = x.shape;
  const strides = stridesOf(fullShape);
  return (begin, size, shape) => {
    data ??= x.dataSync() as Float32Array;
    return tf.tensor2d(copyBlock(data, fullShape, strides, begin, size), [...shape], 'float32');
  };
}

/** Pieces of `x` along `axis` with the given sizes (summing to the axis length), in order. */
export function splitMany<T extends tf.Tensor>(x: T, sizes: readonly number[], axis: number): T[] {
  const total = sizes.reduce((a, b) => a + b, 0);
  if (total !== x.shape[axis]) {
    throw new RangeError(`splitMany: sizes sum to ${total} but axis ${axis} of [${x.shape.join(', ')}] has ${x.shape[axis]}`);
  }
  if (sizes.length === 1) return [x];
  const reader = blockReader(x);
  let start = 0;
  return sizes.map((s) => {
    const begin = x.shape.map((_, d) => (d === axis ? start : 0));
    const size = x.shape.map((n, d) => (d === axis ? s : n));
    start += s;
    return reader.take(begin, size) as T;
  });
}

/** `n` equal pieces of `x` along `axis` (the axis length must be a multiple of n). */
export function splitEven<T extends tf.Tensor>(x: T, n: number, axis: number): T[] {
  const len = x.shape[axis]!;
  if (len % n !== 0) throw new RangeError(`splitEven: axis ${axis} of length ${len} is not a multiple of ${n}`);
  return splitMany(x, new Array<number>(n).fill(len / n), axis);
}

function stridesOf(shape: readonly number[]): number[] {
  const strides = new Array<number>(shape.length).fill(1);
  for (let d = shape.length - 2; d >= 0; d--) strides[d] = strides[d + 1]! * shape[d + 1]!;
  return strides;
}

/** Row-major copy of the block [begin, begin + size) out of `data` (a tensor of `shape`). */
function copyBlock(
  data: Float32Array,
  shape: readonly number[],
  strides: readonly number[],
  begin: readonly number[],
  size: readonly number[],
): Float32Array {
  const out = new Float32Array(size.reduce((a, b) => a * b, 1));
  if (out.length === 0) return out;
  // trailing axes taken whole are one contiguous run together with the axis before them
  let inner = size.length - 1;
  while (inner > 0 && size[inner] === shape[inner]) inner--;
  const run = size.slice(inner).reduce((a, b) => a * b, 1);
  let o = 0;
  const index = new Array<number>(inner).fill(0);
  for (;;) {
    let offset = begin[inner]! * strides[inner]!;
    for (let d = 0; d < inner; d++) offset += (begin[d]! + index[d]!) * strides[d]!;
    out.set(data.subarray(offset, offset + run), o);
    o += run;
    // next index over the outer axes, last one fastest
    let d = inner - 1;
    while (d >= 0 && ++index[d]! === size[d]) index[d--] = 0;
    if (d < 0) return out;
  }
}

/**
 * An event-driven accelerator, simulated step by step (seed 001, "Spike Accumulation Circuit":
 * `acc += spike x weight`; report §3.3.2 eq. 22–23 and §3.3.3: circuits idle without spikes and
 * add only when a spike arrives; §5.5: weight fetches of silent channels are skipped).
 *
 * The chip receives a SpikeTrain holding [tokens, rows] counts and owns a weight matrix
 * [rows, cols]. At each time step every spike of neuron `row` adds (+1) or subtracts (-1) weight
 * row `row` into its token's accumulators, scaled by the step's weight: 1 for rate codes,
 * 2^(T-1-t) for bitwise codes (a wired shift of the row, no multiplier; the first step of a two's
 * complement train weighs -2^(T-1)). Silent slots cost nothing. The output is the integer matmul
 * counts x weights (exact while sums stay below 2^53); the Vth scale of eq. 22 is one multiply per
 * output afterwards and is left out.
 */
import { assertMatrix, stepWeights, trainTokens, type Matrix } from '../spike/matmul.js';
import { assertScheme } from '../spike/schemes.js';
import type { SpikeTrain } from '../spike/train.js';
import { bitsPerCount, bitsPerEvent, bitsPerSlot, type LinkEncoding } from './link.js';

export interface NeuronChipResult {
  /** accumulators, row-major [tokens, cols]: equals counts x weights */
  readonly output: Float64Array;
  readonly tokens: number;
  readonly cols: number;
  /** time steps the chip ran (the train's T) */
  readonly steps: number;
  /** spikes received */
  readonly events: number;
  /** spikes received at each time step */
  readonly eventsPerStep: number[];
  /** scalar additions or subtractions into accumulators: one per spike and output column */
  readonly additions: number;
  /** multiply-accumulates the dense product would do: tokens x rows x cols */
  readonly denseMacs: number;
  /** weight-row reads without a row buffer: one per spike */
  readonly rowReads: number;
  /** weight-row fetches with a buffer that keeps a fetched row for the token's remaining steps */
  readonly rowFetches: number;
  /** fetches skipped because the channel never fired in that token: tokens x rows - rowFetches */
  readonly skippedRowFetches: number;
  /** bits on the link under each encoding (see link.ts), counted as the steps are sent */
  readonly linkBits: Record<LinkEncoding, number>;
}

function assertTrain(train: unknown): asserts train is SpikeTrain {
  const t = train as Partial<SpikeTrain> | null;
  if (t == null || typeof t !== 'object' || typeof t.forEachSpike !== 'function') {
    throw new TypeError(`train must be a SpikeTrain (from encodeSpikes), got ${String(train)}`);
  }
  assertScheme(t.scheme, 'train.scheme');
  if (!Number.isInteger(t.T) || (t.T as number) < 0) throw new RangeError(`train.T must be an integer >= 0, got ${String(t.T)}`);
  if (!Number.isInteger(t.length) || (t.length as number) < 0) {
    throw new RangeError(`train.length must be an integer >= 0, got ${String(t.length)}`);
  }
}

/** Runs the train through the chip step by step; see the file comment for the model. */
export function simulateNeuronChip(train: SpikeTrain, weights: Matrix): NeuronChipResult {
  assertTrain(train);
  assertMatrix(weights, 'weights');
  const { rows, cols, data: w } = weights;
  const tokens = trainTokens(train, rows);
  const T = train.T;
  const stepScale = stepWeights(train);
  const slotBits = bitsPerSlot(train.scheme);
  const eventBits = bitsPerEvent(train.scheme, rows, T);
  const output = new Float64Array(tokens * cols);
  // one flag per (token, channel): its weight row is in the buffer once fetched
  const fetched = new Uint8Array(train.length);
  const eventsPerStep: number[] = [];
  let step = -1;
  let events = 0;
  let rowFetches = 0;
  let slotLinkBits = 0;
  let eventLinkBits = 0;
  // a step's slots go on the link whether or not it holds spikes
  const advanceTo = (t: number): void => {
    while (step < t) {
      step++;
      eventsPerStep.push(0);
      slotLinkBits += train.length * slotBits;
    }
  };
  train.forEachSpike((t, i, sign) => {
    if (t < step) throw new Error(`train.forEachSpike went back in time (step ${t} after ${step}): spikes must come step by step`);
    advanceTo(t);
    const token = Math.floor(i / rows);
    const row = i - token * rows;
    if (fetched[i] === 0) {
      fetched[i] = 1;
      rowFetches++;
    }
    const scale = sign * stepScale[t]!;
    const acc = token * cols;
    const wr = row * cols;
    for (let c = 0; c < cols; c++) output[acc + c] += scale * w[wr + c]!;
    events++;
    eventsPerStep[t]!++;
    eventLinkBits += eventBits;
  });
  // trailing silent steps still occupy their slots
  advanceTo(T - 1);
  return {
    output,
    tokens,
    cols,
    steps: T,
    events,
    eventsPerStep,
    additions: events * cols,
    denseMacs: tokens * rows * cols,
    rowReads: events,
    rowFetches,
    skippedRowFetches: train.length - rowFetches,
    linkBits: { slots: slotLinkBits, events: eventLinkBits, counts: train.length * bitsPerCount(train.scheme, T) },
  };
}

export interface ChipRunSummary {
  /** additions per dense MAC: eq. 24's "average spikes" as the chip counts it */
  readonly additionsPerMac: number;
  /** share of (token, channel) weight-row fetches skipped for silent channels */
  readonly skippedFetchFraction: number;
  /** spikes per neuron slot: the train's firing rate */
  readonly firingRate: number;
  /** link bits per token under each encoding */
  readonly linkBitsPerToken: Record<LinkEncoding, number>;
}

/** Per-MAC and per-token figures of a chip run. */
export function summarizeChipRun(r: NeuronChipResult): ChipRunSummary {
  const neurons = r.rowFetches + r.skippedRowFetches;
  const perToken = (bits: number): number => (r.tokens === 0 ? 0 : bits / r.tokens);
  return {
    additionsPerMac: r.denseMacs === 0 ? 0 : r.additions / r.denseMacs,
    skippedFetchFraction: neurons === 0 ? 0 : r.skippedRowFetches / neurons,
    firingRate: neurons * r.steps === 0 ? 0 : r.events / (neurons * r.steps),
    linkBitsPerToken: { slots: perToken(r.linkBits.slots), events: perToken(r.linkBits.events), counts: perToken(r.linkBits.counts) },
  };
}

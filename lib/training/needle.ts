/**
 * Passkey (needle) retrieval at laptop scale (report Table 12's S-NIAH columns, in the simplest
 * form): a prompt of filler text holds "key=D;" (D a digit) and ends with "key="; the model
 * retrieves the key when, among the ten digit tokens, it scores D highest at the last position.
 * Chance is 10 %. `distance` is the number of tokens from the digit to the last position, so a
 * distance beyond an SWA layer's window means that layer cannot see the key directly.
 */
import * as tf from '@tensorflow/tfjs';
import type { SpikingBrainModel } from '../models/index.js';
import { mulberry32 } from '../util/random.js';
import type { ByteTokenizer } from '../text/tokenizer.js';
import { checkInteger } from '../util/validate.js';

export interface PasskeyOptions {
  /** prompt length in tokens */
  length: number;
  /** tokens from the key digit to the last prompt token */
  distance: number;
  /** prompts */
  trials: number;
  seed: number;
}

export interface PasskeyPrompt {
  ids: number[];
  /** the digit to retrieve */
  key: number;
}

const NEEDLE = 'key=';
const END = ';';

/** Seeded prompts cut from a filler token stream (e.g. the validation split). */
export function passkeyPrompts(tok: ByteTokenizer, filler: ArrayLike<number>, o: PasskeyOptions): PasskeyPrompt[] {
  const needle = tok.encode(NEEDLE);
  const end = tok.encode(END);
  const minDistance = end.length + needle.length;
  if (!Number.isInteger(o.distance) || o.distance < minDistance)
    throw new RangeError(`distance must be an integer >= ${minDistance}, got ${o.distance}`);
  const digitPos = o.length - 1 - o.distance;
  if (digitPos < needle.length) throw new RangeError(`length ${o.length} is too short for distance ${o.distance}`);
  checkInteger('trials', o.trials, 1);
  if (filler.length < o.length) throw new RangeError(`filler must hold at least ${o.length} tokens, got ${filler.length}`);
  const rng = mulberry32(o.seed >>> 0);
  return Array.from({ length: o.trials }, () => {
    const key = Math.floor(rng() * 10);
    const start = Math.floor(rng() * (filler.length - o.length));
    const ids = Array.from({ length: o.length }, (_, i) => filler[start + i]!);
    const put = (at: number, xs: number[]) => xs.forEach((x, i) => (ids[at + i] = x));
    put(digitPos - needle.length, needle);
    ids[digitPos] = tok.id(String(key));
    put(digitPos + 1, end);
    put(o.length - needle.length, needle);
    return { ids, key };
  });
}

/** Share of prompts whose key digit scores highest among the ten digits at the last position. */
export function passkeyRecall(model: SpikingBrainModel, tok: ByteTokenizer, prompts: readonly PasskeyPrompt[]): number {
  if (prompts.length === 0) throw new RangeError('expected at least one prompt');
  const digits = Array.from({ length: 10 }, (_, d) => tok.id(String(d)));
  const best = tf.tidy(() => {
    const logits = model.forward(prompts.map((p) => p.ids));
    const [B, L] = logits.shape;
    const last = tf.reshape(tf.slice(logits, [0, L - 1, 0], [B, 1, -1]), [B, -1]);
    return Array.from(tf.argMax(tf.gather(last, tf.tensor1d(digits, 'int32'), 1), 1).dataSync());
  });
  return best.filter((d, i) => d === prompts[i]!.key).length / prompts.length;
}

/**
 * The spike playground's input rules (report §3.3.2): counts typed as text, checked against stated
 * limits before any encoding, so a pasted 1e9 or ten thousand values never reach the encoder; and its
 * readouts, formatted once for the build-time render and the browser.
 */
import type { SpikeTrain } from '../../lib/spike/train.js';

export const PLAYGROUND_LIMITS = { maxCounts: 32, maxAbsCount: 255, maxT: 256 } as const;

/** "3, -5 0" -> [3, -5, 0]; every problem named with the offending text. */
export function parseCounts(text: string): number[] {
  const t = text.trim();
  if (t === '') throw new RangeError(`counts is empty: enter 1 to ${PLAYGROUND_LIMITS.maxCounts} integers, comma-separated`);
  const parts = t.split(/[\s,]+/).filter((s) => s !== '');
  if (parts.length > PLAYGROUND_LIMITS.maxCounts)
    throw new RangeError(`counts: at most ${PLAYGROUND_LIMITS.maxCounts} values, got ${parts.length}`);
  return parts.map((s, i) => {
    const v = Number(s);
    if (!Number.isFinite(v)) throw new TypeError(`counts[${i}] = "${s}" is not a number`);
    if (!Number.isInteger(v)) throw new RangeError(`counts[${i}] must be an integer, got ${s}`);
    if (Math.abs(v) > PLAYGROUND_LIMITS.maxAbsCount)
      throw new RangeError(`counts[${i}] must be within ±${PLAYGROUND_LIMITS.maxAbsCount}, got ${s}`);
    return v;
  });
}

/** The readouts by data-out name. */
export function playgroundReadout(train: SpikeTrain): Record<string, string> {
  return {
    T: String(train.T),
    spikes: String(train.spikeCount()),
    rate: train.firingRate().toFixed(3),
    decoded: Array.from(train.decode()).join(', '),
  };
}

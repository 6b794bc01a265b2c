import { describe, expect, it } from 'vitest';
import { bitsForStates, bitsPerSlot, bitsPerEvent, bitsPerCount, linkBits, slotLevels } from '../../lib/index.js';

describe('link encodings', () => {
  it('bitsPerSlot: 2 bits for ternary events (-1, 0, +1), 1 bit for unipolar ones', () => {
    expect(slotLevels('ternary')).toBe(3);
    expect(bitsPerSlot('ternary')).toBe(2);
    expect(bitsPerSlot('bitwise-bidirectional')).toBe(2);
    expect(bitsPerSlot('binary')).toBe(1);
    expect(bitsPerSlot('bitwise')).toBe(1);
    expect(bitsPerSlot('bitwise-twos-complement')).toBe(1);
  });
  it('bitsPerEvent: address + sign + time step', () => {
    // 3584 neurons: 12 address bits; ternary over 8 steps: 1 sign + 3 step bits
    expect(bitsPerEvent('ternary', 3584, 8)).toBe(16);
    expect(bitsPerEvent('bitwise-bidirectional', 3584, 3)).toBe(12 + 1 + 2);
    expect(bitsPerEvent('binary', 4096, 1)).toBe(12);
    expect(bitsPerEvent('binary', 1, 1)).toBe(0);
  });
  it('bitsPerCount: the fewest bits covering the counts T steps represent', () => {
    // ternary T = 8: [-8, 8], 17 levels; bidirectional T = 3: [-7, 7], 15 levels; binary T = 8: [0, 8]
    expect(bitsPerCount('ternary', 8)).toBe(5);
    expect(bitsPerCount('bitwise-bidirectional', 3)).toBe(4);
    expect(bitsPerCount('binary', 8)).toBe(4);
    expect(bitsPerCount('bitwise', 8)).toBe(8);
    expect(bitsPerCount('bitwise-twos-complement', 8)).toBe(8);
    expect(bitsPerCount('ternary', 0)).toBe(0);
  });
  it('linkBits: slots ignore sparsity, events pay per spike, counts per neuron', () => {
    const traffic = { slots: 3584 * 8, spikes: 3584 * 8 * 0.25, neurons: 3584, T: 8 };
    expect(linkBits('slots', 'ternary', traffic, 3584)).toBe(57344);
    expect(linkBits('events', 'ternary', traffic, 3584)).toBe(3584 * 2 * 16);
    expect(linkBits('counts', 'ternary', traffic, 3584)).toBe(3584 * 5);
  });
  it('rejects unknown encodings and schemes, naming the allowed values', () => {
    const traffic = { slots: 1, spikes: 1, neurons: 1, T: 1 };
    expect(() => linkBits('packets' as never, 'ternary', traffic, 1)).toThrow(
      /encoding must be one of 'slots', 'events', 'counts'; got "packets"/,
    );
    expect(() => bitsPerSlot('quaternary' as never)).toThrow(/scheme must be one of 'binary', 'ternary', 'bitwise'/);
    expect(() => bitsPerEvent('ternary', 0, 8)).toThrow(/neurons must be an integer >= 1, got 0/);
    expect(() => bitsPerCount('ternary', 2.5)).toThrow(/T must be an integer >= 0, got 2.5/);
    expect(() => bitsForStates(0)).toThrow(/n must be an integer >= 1, got 0/);
    expect(() => linkBits('events', 'ternary', { ...traffic, spikes: 2 }, 1)).toThrow(
      /traffic.spikes must be a finite number in \[0, 1\], got 2/,
    );
    expect(() => linkBits('slots', 'ternary', { ...traffic, T: -1 }, 1)).toThrow(/traffic.T must be an integer >= 0, got -1/);
  });
});

/**
 * measureSpiking on a fixed model gives exactly the numbers it gave before its statistics moved to
 * SpikeStatsCollector (fixture written by the earlier implementation): notebooks 07 and 09 publish them.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { measureSpiking } from '../../lib/index.js';
import { microModel, tokenWindows } from '../helpers/tiny-model.js';
import { useWasmBackend } from '../helpers/tfjs.js';

useWasmBackend();

const fixture = new URL('../fixtures/measure-spiking.json', import.meta.url);

describe('measureSpiking on a fixed model', () => {
  it('gives bit-identical statistics, key order included, at k = 2, 3, 4', () => {
    const model = microModel(42, { attn_layers: [1], sliding_window: 4 });
    const data = tokenWindows(5, 17, 3);
    const got = [2, 3, 4].map((k) => measureSpiking(model, data, k, { batchSize: 2, maxBin: 16 }));
    model.dispose();
    // JSON keeps every double exactly (shortest round-trip form) and the key order
    const text = JSON.stringify(got);
    if (process.env.WRITE_FIXTURE) writeFileSync(fixture, text);
    expect(text).toBe(readFileSync(fixture, 'utf8'));
  }, 60_000);
});

/**
 * The context calculator's presets and readouts (site/lib/context-calculator.ts, report §5.2): its menu
 * is the registry's full-size presets, config for config, and one function gives the build-time and
 * the browser's numbers.
 */
import { describe, expect, it } from 'vitest';
import { inferenceStateBytes, PRESETS, SHAPE_FIELDS } from '../../lib/index.js';
import {
  BASELINE,
  CALCULATOR_PRESETS,
  calculatorConfig,
  calculatorView,
  columnName,
  formatBytes,
  PASTED,
  REQUIRED_FIELDS,
} from '../../site/lib/context-calculator.js';

describe('context calculator presets', () => {
  it("are the registry's full-size presets, in its order, with equal configs", () => {
    const full = Object.entries(PRESETS).filter(([, p]) => p.scale === 'report');
    expect(Object.keys(CALCULATOR_PRESETS)).toEqual(full.map(([name]) => name));
    for (const [name, p] of full) {
      expect(CALCULATOR_PRESETS[name]).toBe(p);
      expect(calculatorConfig(name), name).toEqual(p.config());
    }
    expect(BASELINE.config()).toEqual(PRESETS['qwen2.5-7b'].config());
  });

  it('requires the shape fields of a pasted config and names an unknown preset', () => {
    expect(REQUIRED_FIELDS).toEqual(SHAPE_FIELDS);
    expect(() => calculatorConfig('tiny')).toThrow(/preset must be one of spikingbrain-7b, .*, pasted; got tiny/);
    expect(columnName(PASTED)).toBe('pasted config');
    expect(columnName('llama-3.2-1b')).toBe('Llama-3.2-1B');
  });

  it('shows the chosen config and the baseline from one computation', () => {
    const v = calculatorView('spikingbrain-7b', '', 2 ** 20, 32);
    expect(v.name).toBe('SpikingBrain-7B');
    expect(v.cells.state).toBe(formatBytes(inferenceStateBytes(PRESETS['spikingbrain-7b'].config(), 2 ** 20)));
    expect(v.cells['q-state']).toBe('56.00 GiB');
    expect(v.rows.filter((r) => r.series === BASELINE.name)).toHaveLength(13);
  });
});

/** The adaptive-threshold golden cases (fixtures/golden/adaptive.json, from the released W8ASpike code). */
import { loadGolden } from './golden.js';

export interface AdaptiveCase {
  k: number;
  rows: number;
  cols: number;
  x: number[];
  vth: number[];
  counts: number[];
}

export function adaptiveGolden(): AdaptiveCase[] {
  return loadGolden<{ cases: AdaptiveCase[] }>('adaptive.json').cases;
}

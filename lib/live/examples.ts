/**
 * Prompts for the live page (report Table 12's S-NIAH, App. B.1), in notebook 09's needle format (the
 * models the page runs were trained on it): a needle " The code of <Name> is #<d>. " the model must
 * recall from inside the sliding window (the SWA and GLA layers both see it) and from beyond it (only
 * the GLA layers' state can carry it). Built by the library's needle code (training/sniah.ts) on a
 * fixed filler text, so the page and Node agree.
 */
import { ByteTokenizer } from '../text/tokenizer.js';
import { sniahDocument, sniahHaystack } from '../training/sniah.js';
import { mulberry32 } from '../util/random.js';

export interface LiveExample {
  id: string;
  label: string;
  text: string;
  /** what a model that recalls would write next */
  expected: string;
  /** tokens from the needle's value to the end of the prompt */
  distance: number;
}

/** Plain filler text (no digits), Brown-like prose the byte-level models have seen the like of. */
export const LIVE_FILLER =
  'The committee said that the city had been given a fair hearing, and that the report of the jury was in order. ' +
  'It was the first time in many years that the people of the county had seen so much of the work of their government. ' +
  'The mayor told the board that the new plan would cost less than the old one and that the schools would be open in the fall. ';

/** A prompt that is good text for these models: the prose above, then "The" to continue. */
export const LIVE_DEFAULT_PROMPT = 'The committee said that the city';

/**
 * The examples: free text, and a one-digit needle (held-out key, as notebook 09 evaluates) at the start
 * of a prompt of `window` tokens (inside an SWA window of `window` keys) and of 2 × `window` tokens
 * (beyond it).
 */
export function liveExamples(window: number | null): LiveExample[] {
  const tok = new ByteTokenizer();
  const w = window ?? 64;
  const hay = sniahHaystack(tok, tok.encode(LIVE_FILLER.repeat(Math.ceil((2 * w) / LIVE_FILLER.length) + 1)));
  const needle = (length: number, seed: number, where: string): LiveExample => {
    const d = sniahDocument(tok, hay, { length, depth: 0, keys: 'heldout', digits: 1, format: 'marker' }, mulberry32(seed));
    const distance = d.ids.length - 1 - d.valueStart;
    return {
      id: `needle-${where}`,
      label: `needle ${distance} tokens back (${where} the window of ${w})`,
      text: tok.decode(d.ids),
      expected: d.value,
      distance,
    };
  };
  return [
    { id: 'text', label: 'plain text', text: LIVE_DEFAULT_PROMPT, expected: '', distance: 0 },
    needle(w, 7, 'inside'),
    needle(2 * w, 11, 'beyond'),
  ];
}

/**
 * Prompts for the live page (report Table 12's S-NIAH and passkey columns, App. B.1): a needle the
 * model must recall from inside the sliding window (only the SWA and GLA layers both see it) and
 * from beyond it (only the GLA layers' state can carry it). Built by the library's own needle code
 * (training/needle.ts, training/sniah.ts) on a fixed filler text, so the page and Node agree.
 */
import { ByteTokenizer } from '../text/tokenizer.js';
import { passkeyPrompts } from '../training/needle.js';
import { sniahText } from '../training/sniah.js';

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
 * The examples: free text, a passkey ("key=D;" ... "key=") at a distance inside and beyond an SWA
 * window of `window` tokens, and an S-NIAH needle sentence with its question.
 */
export function liveExamples(window: number | null): LiveExample[] {
  const tok = new ByteTokenizer();
  const filler = tok.encode(LIVE_FILLER.repeat(3));
  const w = window ?? 16;
  const passkey = (distance: number, seed: number, where: string): LiveExample => {
    const [p] = passkeyPrompts(tok, filler, { length: 96, distance, trials: 1, seed });
    return {
      id: `passkey-${where}`, label: `passkey ${distance} tokens back (${where} the window)`,
      text: tok.decode(p!.ids), expected: String(p!.key), distance,
    };
  };
  const inside = Math.max(6, Math.floor(w / 2));
  const name = 'Bala', value = '4721';
  const t = sniahText(name, value);
  const hay = LIVE_FILLER.slice(0, 120);
  const niahText = hay + t.needle + LIVE_FILLER.slice(120, 200) + t.question;
  return [
    { id: 'text', label: 'plain text', text: LIVE_DEFAULT_PROMPT, expected: '', distance: 0 },
    passkey(inside, 7, 'inside'),
    passkey(3 * w, 11, 'beyond'),
    {
      id: 'sniah', label: 'code sentence, S-NIAH (beyond the window)', text: niahText, expected: value,
      distance: tok.encode(niahText).length - 1 - tok.encode(`${hay} The code of ${name} is `).length,
    },
  ];
}

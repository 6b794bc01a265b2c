/**
 * Single-needle retrieval documents (report App. B.1, Table 12's S-NIAH columns, at laptop scale):
 * a key–value sentence " The code of <Name> is <digits>. " hidden at a chosen depth in a haystack of
 * Brown text, and the question "\nThe code of <Name> is " at the end; the answer is the digits.
 * Names are pseudo-words (consonant–vowel–consonant–vowel) split into disjoint train and held-out
 * sets; the caller passes the haystack stream of the matching corpus split (train vs validation),
 * so held-out documents share neither keys nor haystack text with training. Values are uniform
 * random digit strings, so chance is computable: 1/10 for the first digit, 10^-digits for the value.
 */
import { mulberry32, type Rng } from '../util/random.js';
import { checkInteger } from '../util/validate.js';
import type { ByteTokenizer } from '../text/tokenizer.js';

export type SniahKeys = 'train' | 'heldout';
export const SNIAH_KEY_SETS: readonly SniahKeys[] = ['train', 'heldout'];

const ONSETS = ['b', 'd', 'f', 'g', 'k', 'l', 'm', 'n', 'p', 'r', 's', 't', 'v', 'z'];
const VOWELS = ['a', 'e', 'i', 'o', 'u'];

let namePool: string[] | null = null;
/** All 4,900 names ("Bala" … "Zuzu"): onset, vowel, onset, vowel, capitalised. */
function allNames(): string[] {
  if (namePool) return namePool;
  const out: string[] = [];
  for (const a of ONSETS) for (const b of VOWELS) for (const c of ONSETS) for (const d of VOWELS) out.push(a.toUpperCase() + b + c + d);
  return (namePool = out);
}

/** The key names of one set: held-out = every fifth name of the pool (980), train = the rest (3,920); disjoint by construction. */
export function sniahKeyNames(keys: SniahKeys): string[] {
  if (!SNIAH_KEY_SETS.includes(keys)) throw new RangeError(`keys must be one of ${SNIAH_KEY_SETS.join(', ')}; got ${JSON.stringify(keys)}`);
  return allNames().filter((_, i) => (i % 5 === 4) === (keys === 'heldout'));
}

/**
 * 'code': " The code of <Name> is 4821. "; 'marker': " The code of <Name> is #4821. " with the question
 * ending in "is #", so the first digit is a one-token induction step from the rare marker (use a
 * haystack without '#' and digits: sniahHaystack).
 */
export type SniahFormat = 'code' | 'marker';
export const SNIAH_FORMATS: readonly SniahFormat[] = ['code', 'marker'];

/** The needle sentence and the question for a key and value (the question ends where the value must follow). */
export function sniahText(name: string, value: string, format: SniahFormat = 'code'): { needle: string; question: string } {
  if (!SNIAH_FORMATS.includes(format))
    throw new RangeError(`format must be one of ${SNIAH_FORMATS.join(', ')}; got ${JSON.stringify(format)}`);
  const m = format === 'marker' ? '#' : '';
  return { needle: ` The code of ${name} is ${m}${value}. `, question: `\nThe code of ${name} is ${m}` };
}

/** Haystack text for the 'marker' format: the token stream without '#' and digits, so the needle's marker and value are the only ones. */
export function sniahHaystack(tok: ByteTokenizer, tokens: ArrayLike<number>): number[] {
  const drop = new Set(['#', ...'0123456789'].map((c) => tok.id(c)));
  const out: number[] = [];
  for (let i = 0; i < tokens.length; i++) if (!drop.has(tokens[i]!)) out.push(tokens[i]!);
  return out;
}

export interface SniahDocumentOptions {
  /** prompt tokens: haystack + needle + question (the answer follows) */
  length: number;
  /** where the needle sits in the haystack: 0 = first token, 1 = just before the question */
  depth: number;
  keys: SniahKeys;
  /** digits of the value (default 4) */
  digits?: number;
  /** default 'code' */
  format?: SniahFormat;
}

export interface SniahDocument {
  /** prompt token ids, `length` of them, ending with the question */
  ids: number[];
  /** token ids of the value's digits, the expected continuation */
  answer: number[];
  key: string;
  value: string;
  depth: number;
  /** index of the needle's first token in `ids` */
  needleStart: number;
  /** index of the value's first digit in `ids` */
  valueStart: number;
}

/** Shortest prompt that holds the needle and question with at least one haystack token. */
export function sniahMinLength(tok: ByteTokenizer, digits = 4, format: SniahFormat = 'code'): number {
  const longest = 'Xxxx';
  const t = sniahText(longest, '0'.repeat(digits), format);
  return tok.encode(t.needle).length + tok.encode(t.question).length + 1;
}

/** One document drawn with `rng` (key, value, haystack offset). */
export function sniahDocument(tok: ByteTokenizer, haystack: ArrayLike<number>, o: SniahDocumentOptions, rng: Rng): SniahDocument {
  const digits = checkInteger('digits', o.digits ?? 4, 1, 9);
  const format = o.format ?? 'code';
  const length = checkInteger('length', o.length, sniahMinLength(tok, digits, format));
  if (typeof o.depth !== 'number' || !(o.depth >= 0 && o.depth <= 1))
    throw new RangeError(`depth must be a number in [0, 1], got ${JSON.stringify(o.depth)}`);
  const names = sniahKeyNames(o.keys);
  const key = names[Math.floor(rng() * names.length)]!;
  const value = Array.from({ length: digits }, () => String(Math.floor(rng() * 10))).join('');
  const t = sniahText(key, value, format);
  const needle = tok.encode(t.needle);
  const question = tok.encode(t.question);
  const hay = length - needle.length - question.length;
  if (haystack == null || haystack.length < hay) throw new RangeError(`haystack must hold at least ${hay} tokens, got ${haystack?.length}`);
  const start = Math.floor(rng() * (haystack.length - hay + 1));
  const needleStart = Math.round(o.depth * hay);
  const ids: number[] = [];
  for (let i = 0; i < needleStart; i++) ids.push(haystack[start + i]!);
  ids.push(...needle);
  for (let i = needleStart; i < hay; i++) ids.push(haystack[start + i]!);
  ids.push(...question);
  const prefix = tok.encode(t.needle).length - value.length - 2;
  return { ids, answer: tok.encode(value), key, value, depth: o.depth, needleStart, valueStart: needleStart + prefix };
}

export interface SniahSetOptions extends SniahDocumentOptions {
  trials: number;
  seed: number;
}

/** `trials` seeded documents of one length and depth (an evaluation cell). */
export function sniahDocuments(tok: ByteTokenizer, haystack: ArrayLike<number>, o: SniahSetOptions): SniahDocument[] {
  checkInteger('trials', o.trials, 1);
  if (!Number.isInteger(o.seed)) throw new RangeError(`seed must be an integer, got ${JSON.stringify(o.seed)}`);
  const rng = mulberry32(o.seed >>> 0);
  return Array.from({ length: o.trials }, () => sniahDocument(tok, haystack, o, rng));
}

export interface SniahMixtureOptions {
  /** share of rows that are needle documents, in [0, 1] (rounded to whole rows) */
  fraction: number;
  seed: number;
  digits?: number;
  /** shortest needle prompt in a training row (default: the shortest possible); prompts are uniform in [minLength, maxLength] */
  minLength?: number;
  /** longest needle prompt (default and cap: window - digits); a curriculum raises it over training */
  maxLength?: number;
  /** default 'code' */
  format?: SniahFormat;
  /**
   * question/answer pairs per needle row (default 1): after the first answer, the question is asked again
   * after a short stretch of filler text, while the row has room. The repeats carry the same copy step
   * from a nearer '#', so the retrieval signal per row grows (a lever for its onset); the first answer is
   * the real test and the only one in evaluation prompts.
   */
  repeats?: number;
}

/**
 * A training batch of `batch` rows of `length` tokens (L + 1), seeded per step like trainingBatch:
 * round(fraction · batch) rows hold a needle document with train keys (random prompt length and
 * depth) followed by its answer and, to fill the row, "\n" and more haystack text; the other rows
 * are plain windows of `tokens`. Needle rows come first. Question positions vary, so the model does
 * not learn that the question sits at the end of the window.
 */
export function sniahTrainingBatch(
  tok: ByteTokenizer,
  tokens: ArrayLike<number>,
  step: number,
  batch: number,
  length: number,
  o: SniahMixtureOptions,
): number[][] {
  return sniahTrainingExamples(tok, tokens, step, batch, length, o).rows;
}

/** sniahTrainingBatch's rows and, per row, the index of the answer's first digit (-1 for plain text rows), e.g. to weight the answer in a loss. */
export function sniahTrainingExamples(
  tok: ByteTokenizer,
  tokens: ArrayLike<number>,
  step: number,
  batch: number,
  length: number,
  o: SniahMixtureOptions,
): { rows: number[][]; answerAt: number[]; answers: number[][] } {
  checkInteger('step', step, 0);
  checkInteger('batch', batch, 1);
  if (typeof o.fraction !== 'number' || !(o.fraction >= 0 && o.fraction <= 1))
    throw new RangeError(`fraction must be a number in [0, 1], got ${JSON.stringify(o.fraction)}`);
  if (!Number.isInteger(o.seed)) throw new RangeError(`seed must be an integer, got ${JSON.stringify(o.seed)}`);
  const digits = checkInteger('digits', o.digits ?? 4, 1, 9);
  const format = o.format ?? 'code';
  const shortest = sniahMinLength(tok, digits, format);
  const longest = checkInteger('length', length, shortest + digits) - digits;
  const maxPrompt = checkInteger('maxLength', o.maxLength ?? longest, shortest, longest);
  const minLength = checkInteger('minLength', o.minLength ?? shortest, shortest, maxPrompt);
  if (tokens == null || tokens.length < length) throw new RangeError(`tokens must hold at least ${length} tokens, got ${tokens?.length}`);
  const repeats = checkInteger('repeats', o.repeats ?? 1, 1, 64);
  const rng = mulberry32((o.seed + 7919 * step) >>> 0);
  const answers: number[][] = [];
  const needles = Math.round(o.fraction * batch);
  const nl = tok.encode('\n');
  const answerAt: number[] = [];
  const rows = Array.from({ length: batch }, (_, b) => {
    if (b >= needles) {
      answerAt.push(-1);
      answers.push([]);
      const start = Math.floor(rng() * (tokens.length - length + 1));
      return Array.from({ length }, (_, i) => tokens[start + i]!);
    }
    const prompt = minLength + Math.floor(rng() * (maxPrompt - minLength + 1));
    const doc = sniahDocument(tok, tokens, { length: prompt, depth: rng(), keys: 'train', digits, format }, rng);
    answerAt.push(doc.ids.length);
    const at = [doc.ids.length];
    const row = [...doc.ids, ...doc.answer, ...nl];
    const question = tok.encode(sniahText(doc.key, doc.value, format).question);
    for (let r = 1; r < repeats; r++) {
      const gap = 8 + Math.floor(rng() * 33);
      if (row.length + gap + question.length + digits > length) break;
      const start = Math.floor(rng() * (tokens.length - gap + 1));
      for (let i = 0; i < gap; i++) row.push(tokens[start + i]!);
      row.push(...question);
      at.push(row.length);
      row.push(...doc.answer, ...nl);
    }
    answers.push(at);
    const fill = length - row.length;
    if (fill > 0) {
      const start = Math.floor(rng() * (tokens.length - fill + 1));
      for (let i = 0; i < fill; i++) row.push(tokens[start + i]!);
    }
    return row.slice(0, length);
  });
  return { rows, answerAt, answers };
}

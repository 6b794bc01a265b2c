/**
 * The notebook formatter (npm run format / format:check): a cell is stored back as nbconvert stores
 * it (lines keeping their "\n", the last without), and formatting is Prettier's with the repo config.
 */
import { describe, expect, it } from 'vitest';
import { formatCell, toSourceLines } from '../../scripts/format-notebooks.js';

describe('format-notebooks', () => {
  it('splits a cell into nbconvert source lines and back', () => {
    expect(toSourceLines('a\nb')).toEqual(['a\n', 'b']);
    expect(toSourceLines('a\n\nb')).toEqual(['a\n', '\n', 'b']);
    expect(toSourceLines('one')).toEqual(['one']);
    expect(toSourceLines('a\nb').join('')).toBe('a\nb');
  });

  it('formats TypeScript with top-level await and leaves a formatted cell alone', async () => {
    const options = { printWidth: 140, singleQuote: true, trailingComma: 'all' as const };
    const messy = 'const x = await f( 1,2 );\nconst y = {a:1}';
    const once = await formatCell(messy, options);
    expect(once).toBe('const x = await f(1, 2);\nconst y = { a: 1 };');
    expect(await formatCell(once, options)).toBe(once);
  });
});

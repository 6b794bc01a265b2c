/**
 * The README's map of lib/ is true: each folder imports only the folders the map allows (no upward
 * imports: ops never sees layers, layers never sees models, ...), `node:` modules only in lib/node,
 * and the public barrel never pulls lib/node into the browser.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const LIB = join(import.meta.dirname, '..', 'lib');

/** folder -> folders of lib/ it may import (keep in step with the README's "The library, folder by folder"). */
export const MAY_IMPORT: Record<string, readonly string[]> = {
  util: [],
  results: [],
  energy: [],
  spike: ['util'],
  analysis: ['spike', 'util'],
  neuronchip: ['spike', 'util'],
  plots: ['spike', 'util'],
  text: ['util'],
  io: ['util'],
  ops: ['util'],
  quant: ['analysis', 'spike', 'util'],
  layers: ['ops', 'quant', 'util'],
  models: ['io', 'layers', 'ops', 'quant', 'util'],
  efficiency: ['models', 'util'],
  report: ['models', 'results', 'spike', 'util'],
  training: ['analysis', 'io', 'layers', 'models', 'quant', 'report', 'results', 'spike', 'text', 'util'],
  live: ['analysis', 'energy', 'layers', 'models', 'spike', 'text', 'training', 'util'],
  node: ['io', 'models', 'results', 'text', 'training', 'util'],
};

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return name === 'dist' || name === 'node_modules' ? [] : sources(p);
    return p.endsWith('.ts') && !p.endsWith('.d.ts') ? [p] : [];
  });
}

/** Module specifiers of static imports/re-exports and dynamic import() calls (comments ignored). */
function specifiers(code: string): string[] {
  const text = code.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  const found = [
    ...text.matchAll(/^\s*(?:import|export)\s[^;]*?\sfrom\s+'([^']+)'/gm),
    ...text.matchAll(/^\s*import\s+'([^']+)'/gm),
    ...text.matchAll(/\bimport\(\s*'([^']+)'\s*\)/g),
  ];
  return found.map((m) => m[1]!);
}

const files = sources(LIB).map((f) => relative(LIB, f));
const folderOf = (rel: string) => (rel.includes('/') ? rel.split('/')[0]! : '');

describe('lib/ layout (README: the library, folder by folder)', () => {
  it('has a map entry for every folder', () => {
    const folders = [...new Set(files.map(folderOf).filter(Boolean))].sort();
    expect(folders).toEqual(Object.keys(MAY_IMPORT).sort());
  });

  it('imports only what the map allows: no upward imports, node: modules only in lib/node', () => {
    const problems: string[] = [];
    for (const rel of files) {
      const from = folderOf(rel);
      for (const spec of specifiers(readFileSync(join(LIB, rel), 'utf8'))) {
        if (spec.startsWith('node:')) {
          if (from !== 'node') problems.push(`${rel} imports ${spec} (Node-only code lives in lib/node)`);
          continue;
        }
        if (!spec.startsWith('.')) continue; // packages
        const target = folderOf(normalize(join(dirname(rel), spec)));
        if (from === '') {
          if (target === 'node') problems.push(`${rel} imports ${spec}: the barrel must stay browser-safe`);
          continue;
        }
        if (target !== from && !MAY_IMPORT[from]!.includes(target))
          problems.push(`${rel} imports ${spec} (${from} may import ${MAY_IMPORT[from]!.join(', ') || 'nothing in lib'})`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('the check sees imports: a planted upward import would fail', () => {
    expect(
      specifiers(
        "/** from '../x.js' */\nimport { a } from '../models/index.js';\nexport * from './b.js';\nconst m = await import('node:fs');",
      ),
    ).toEqual(['../models/index.js', './b.js', 'node:fs']);
  });
});

describe('lib/index.ts names its exports', () => {
  /** Exports a folder barrel has that the public barrel leaves out on purpose. */
  const NOT_PUBLIC = new Set<string>([]);
  it('re-exports every value of every folder barrel it lists (a name added to a folder is not lost; util/ is picked from)', async () => {
    const index = readFileSync(join(LIB, 'index.ts'), 'utf8');
    expect(index).not.toMatch(/^export \* from/m);
    const lib = (await import('../lib/index.js')) as Record<string, unknown>;
    const barrels = [...new Set(specifiers(index))].filter((b) => !b.startsWith('./util/'));
    const missing: string[] = [];
    for (const b of barrels) {
      const mod = (await import(join(LIB, b.replace(/\.js$/, '.ts')))) as Record<string, unknown>;
      for (const name of Object.keys(mod)) if (!(name in lib) && !NOT_PUBLIC.has(name)) missing.push(`${name} (${b})`);
    }
    expect(missing).toEqual([]);
  });
});

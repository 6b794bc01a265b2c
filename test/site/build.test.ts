/**
 * The site build (DESIGN.md, "The site"): `astro build` succeeds under a sub-path base, and the
 * smoke page shows, as static HTML, exactly what the library (imported from source by the site)
 * computes. One build serves these static checks and the browser tests (site.browser.ts).
 */
import { describe, it, expect, beforeAll } from 'vitest';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { parseHTML } from 'linkedom';
import { encodeSpikes } from '../../lib/index.js';
import { browserTests } from './site.browser.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
// A separate output folder, so tests never overwrite a user's `npm run build` (dist/).
const outDir = mkdtempSync(join(tmpdir(), 'sbl-site-'));
const BASE = '/sbl/';

const counts = [5, -3, 0, 7];
const scheme = 'bitwise-bidirectional';

function readPage(route: string): Document {
  const file = join(outDir, route, 'index.html');
  expect(existsSync(file), `${file} was not built`).toBe(true);
  return parseHTML(readFileSync(file, 'utf8')).document;
}

/** The test's environment without what vitest injects for import.meta.env (BASE_URL=/ would override the base). */
function builderEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const k of ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'VITEST', 'VITEST_MODE', 'VITEST_POOL_ID', 'VITEST_WORKER_ID', 'NODE_ENV']) delete env[k];
  return env;
}

beforeAll(async () => {
  await promisify(execFile)('npx', ['astro', 'build'], {
    cwd: root,
    env: { ...builderEnv(), ASTRO_TELEMETRY_DISABLED: '1', SBL_SITE_BASE: BASE, SBL_SITE_OUT: outDir },
    maxBuffer: 64 * 1024 * 1024,
  });
}, 300_000);

browserTests(outDir, BASE);

describe('site: astro build', () => {
  it('builds the home page with the project summary and a nav link home', () => {
    const doc = readPage('');
    expect(doc.querySelector('h1')?.textContent).toContain('SpikingBrain');
    const text = doc.querySelector('main')?.textContent ?? '';
    for (const verdict of ['reproduced', 'analogue', 'inconsistent', 'not testable']) {
      expect(text).toContain(verdict);
    }
    expect(doc.querySelector('nav a')?.textContent).toBe('Home');
    expect(Array.from(doc.querySelectorAll('nav a'), (a) => a.textContent)).toContain('Claims ledger');
  });

  it('smoke page: the table holds the counts, decoded values, T and spikes per step from encodeSpikes', () => {
    const train = encodeSpikes(counts, scheme);
    const decoded = Array.from(train.decode());
    const dense = train.toDense();
    const sign = (s: number) => (s > 0 ? '+' : s < 0 ? '−' : '·');

    const doc = readPage('smoke');
    const rows = Array.from(doc.querySelectorAll('#smoke-table tbody tr'));
    expect(rows).toHaveLength(counts.length);
    rows.forEach((row, i) => {
      const cell = (cls: string) => row.querySelector(`td.${cls}`)?.textContent?.trim();
      expect(cell('count')).toBe(String(counts[i]));
      expect(cell('decoded')).toBe(String(decoded[i]));
      expect(cell('T')).toBe(String(train.T));
      const steps = Array.from({ length: train.T }, (_, t) => sign(dense[t * train.length + i]!)).join(' ');
      expect(cell('steps')).toBe(steps);
    });
    // The round trip itself: what the page shows decoded equals the input.
    expect(decoded).toEqual(counts);
    expect(doc.getElementById('rate-build')?.textContent).toBe(String(train.firingRate()));
  });

  it('smoke page: ships one client module script for the in-browser firing rate', () => {
    const doc = readPage('smoke');
    expect(doc.getElementById('rate-browser')).not.toBeNull();
    const scripts = Array.from(doc.querySelectorAll('script[type="module"][src]'));
    expect(scripts).toHaveLength(1);
    const src = scripts[0]!.getAttribute('src')!;
    expect(src.startsWith(BASE), src).toBe(true);
    expect(existsSync(join(outDir, src.slice(BASE.length)))).toBe(true);
  });

  it('ledger page lists every claim of every data file with its status', () => {
    const dataDir = join(root, 'data');
    const claims = readdirSync(dataDir)
      .filter((f) => f.endsWith('.json'))
      .flatMap((f) => (JSON.parse(readFileSync(join(dataDir, f), 'utf8')) as { claims: { id: string; status: string }[] }).claims);
    const doc = readPage('ledger');
    const rows = Array.from(doc.querySelectorAll('table.ledger tbody tr'));
    expect(rows).toHaveLength(claims.length);
    for (const c of claims) {
      const row = doc.getElementById(c.id);
      expect(row, c.id).not.toBeNull();
      expect(row!.querySelector('td.status')?.textContent).toBe(c.status);
    }
  });

  it('a results page per data file shows its claims and inlines its figures', () => {
    const dataDir = join(root, 'data');
    const figures = existsSync(join(dataDir, 'figures')) ? readdirSync(join(dataDir, 'figures')) : [];
    for (const f of readdirSync(dataDir).filter((x) => x.endsWith('.json'))) {
      const stem = f.replace(/\.json$/, '');
      const data = JSON.parse(readFileSync(join(dataDir, f), 'utf8')) as { claims: { id: string }[] };
      const doc = readPage(`results/${stem}`);
      for (const c of data.claims) expect(doc.getElementById(c.id), `${stem}: ${c.id}`).not.toBeNull();
      const own = figures.filter((name) => name.startsWith(stem.slice(0, 3)));
      expect(doc.querySelectorAll('figure.result-figure svg').length, stem).toBeGreaterThanOrEqual(own.length);
    }
  });
});

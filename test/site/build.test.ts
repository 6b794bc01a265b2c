/**
 * The site build (DESIGN.md, "The site"; issue 11): `astro build` succeeds under a sub-path base with
 * its search index, pages show, as static HTML, exactly what the library (imported from source by the
 * site) computes, and every page carries the navigation. One build serves these static checks and the
 * browser tests (site.browser.ts: loads, links, widgets; pages.browser.ts: what a reader sees).
 */
import { describe, it, expect, beforeAll } from 'vitest';
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { parseHTML } from 'linkedom';
import { encodeSpikes, type SpikeScheme } from '../../lib/index.js';
import { browserTests } from './site.browser.js';
import { pageTests } from './pages.browser.js';
import { liveTests } from './live.browser.js';
import { builtRoutes } from './serve.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
// A separate output folder, so tests never overwrite a user's `npm run build` (dist/).
const outDir = mkdtempSync(join(tmpdir(), 'sbl-site-'));
const BASE = '/sbl/';

function readPage(route: string): Document {
  const file = join(outDir, route, 'index.html');
  expect(existsSync(file), `${file} was not built`).toBe(true);
  return parseHTML(readFileSync(file, 'utf8')).document;
}

/** The test's environment without what vitest injects for import.meta.env (BASE_URL=/ would override the base). */
function builderEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const k of ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'VITEST', 'VITEST_MODE', 'VITEST_POOL_ID', 'VITEST_WORKER_ID', 'NODE_ENV'])
    delete env[k];
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
pageTests(outDir, BASE);
liveTests(outDir, BASE);

describe('site: astro build', () => {
  it('copies each checkpoint of the live page into the built site once (no sha256 twice)', () => {
    const manifest = JSON.parse(readFileSync(join(root, 'data/checkpoints/09/manifest.json'), 'utf8')) as {
      checkpoints: Record<string, { sha256: string }>;
    };
    const wanted = new Set(Object.values(manifest.checkpoints).map((c) => c.sha256));
    const seen = new Map<string, string[]>();
    const walk = (dir: string): void => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        const p = join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else if (e.name.endsWith('.safetensors')) {
          const h = createHash('sha256').update(readFileSync(p)).digest('hex');
          seen.set(h, [...(seen.get(h) ?? []), p.slice(outDir.length)]);
        }
      }
    };
    walk(outDir);
    const files = [...seen.entries()].filter(([h]) => wanted.has(h));
    expect(files.length, 'the live page ships checkpoints').toBeGreaterThan(0);
    expect(files.filter(([, ps]) => ps.length > 1).map(([, ps]) => ps.join(' = '))).toEqual([]);
  });

  it('builds the home page with the summary of verdicts, each count linking to the filtered ledger', () => {
    const doc = readPage('');
    expect(doc.querySelector('h1')?.textContent).toContain('SpikingBrain');
    const text = doc.querySelector('main')?.textContent ?? '';
    for (const verdict of ['reproduced', 'analogue', 'inconsistent', 'not testable', 'holds up', 'does not hold up']) {
      expect(text).toContain(verdict);
    }
    const statusLinks = Array.from(doc.querySelectorAll('main a[href*="ledger/?status="]'), (a) => a.getAttribute('href')!);
    expect(
      statusLinks.some((h) => h.endsWith('status=inconsistent')),
      statusLinks.join(' '),
    ).toBe(true);
    expect(statusLinks.every((h) => h.startsWith(`${BASE}ledger/`))).toBe(true);
  });

  it('every page has a skip link to its main column, the sidebar of topics, and the search box', () => {
    for (const route of builtRoutes(outDir)) {
      const doc = readPage(route);
      const skip = doc.querySelector('a.skip-link');
      expect(skip?.getAttribute('href'), `/${route}`).toBe('#content');
      expect(doc.getElementById('content')?.tagName, `/${route}`).toBe('MAIN');
      const sidebar = Array.from(doc.querySelectorAll('nav[aria-label="Site"] a'), (a) => a.textContent);
      expect(sidebar, `/${route}`).toContain('Claims ledger');
      expect(sidebar, `/${route}`).toContain('Spike coding');
      expect(doc.querySelector('form[role="search"]')?.getAttribute('action'), `/${route}`).toBe(`${BASE}search/`);
    }
  });

  it('the test page /smoke/ is not shipped; the library runs at build time on a real page (spike playground)', () => {
    expect(existsSync(join(outDir, 'smoke'))).toBe(false);
    const doc = readPage('topics/spike-coding');
    const w = doc.querySelector('spike-playground')!;
    const counts = (w.querySelector('input[name="counts"]')!.getAttribute('value') ?? '').split(',').map(Number);
    const scheme = w.querySelector('select[name="scheme"] option[selected]')!.getAttribute('value') as SpikeScheme;
    const train = encodeSpikes(counts, scheme);
    expect(w.querySelector('[data-out="T"]')?.textContent).toBe(String(train.T));
    expect(w.querySelector('[data-out="spikes"]')?.textContent).toBe(String(train.spikeCount()));
    expect(w.querySelector('[data-out="decoded"]')?.textContent).toBe(counts.join(', '));
    // its client script is a module under the base
    const scripts = Array.from(doc.querySelectorAll('script[type="module"][src]'), (s) => s.getAttribute('src')!);
    expect(scripts.length).toBeGreaterThan(0);
    for (const src of scripts) {
      expect(src.startsWith(BASE), src).toBe(true);
      expect(existsSync(join(outDir, src.slice(BASE.length))), src).toBe(true);
    }
  });

  it('the search index is built with the site (Pagefind) and the search page loads it from under the base', () => {
    expect(existsSync(join(outDir, 'pagefind', 'pagefind.js'))).toBe(true);
    expect(readdirSync(join(outDir, 'pagefind')).some((f) => f.startsWith('pagefind-entry'))).toBe(true);
    expect(readPage('search').querySelector('site-search input[name="q"]')).not.toBeNull();
    // pages mark their main column for the index (navigation is left out)
    expect(readPage('ledger').querySelector('main[data-pagefind-body]')).not.toBeNull();
  });

  it('notebook pages link to their topic and results; results pages link to their notebook', () => {
    for (const route of builtRoutes(outDir).filter((r) => r.startsWith('notebooks/'))) {
      const stem = route.split('/')[1]!;
      const links = Array.from(readPage(route).querySelectorAll('main a[href]'), (a) => a.getAttribute('href')!);
      expect(
        links.some((h) => h.includes('/topics/') || h.includes(`ledger/?notebook=${stem}`)),
        route,
      ).toBe(true);
      expect(links, route).toContain(`${BASE}results/${stem}/`);
      const results = Array.from(readPage(`results/${stem}`).querySelectorAll('main a[href]'), (a) => a.getAttribute('href')!);
      expect(results, stem).toContain(`${BASE}notebooks/${stem}/`);
    }
  });

  it('ledger page lists every claim of every data file with its status', () => {
    const dataDir = join(root, 'data');
    const claims = readdirSync(dataDir)
      .filter((f) => f.endsWith('.json'))
      .flatMap(
        (f) => (JSON.parse(readFileSync(join(dataDir, f), 'utf8')) as { claims: { id: string; status: string; note: string }[] }).claims,
      );
    const doc = readPage('ledger');
    const rows = Array.from(doc.querySelectorAll('table.ledger tbody tr'));
    expect(rows).toHaveLength(claims.length);
    for (const c of claims) {
      const row = doc.getElementById(c.id);
      expect(row, c.id).not.toBeNull();
      expect(row!.getAttribute('data-status')).toBe(c.status);
      // the verdict badge comes first in the row, in words
      const first = row!.querySelector('td');
      expect(first?.querySelector('[data-verdict]')?.textContent).toBe(c.status.replace('-', ' '));
      // the note is one click away
      expect(row!.querySelector('details')?.textContent).toContain(c.note);
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

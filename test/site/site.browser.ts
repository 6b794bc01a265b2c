/**
 * Browser tests of the built site (issue: the explainer site): headless Debian Chromium loads every
 * page under a sub-path base, fails on any console error, page error or failed request, checks the
 * JavaScript budget, and drives every widget, comparing what it shows with the library's own result.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Server } from 'node:http';
import type { Browser, Page } from 'playwright-core';
import { parseHTML } from 'linkedom';
import { encodeSpikes } from '../../lib/index.js';
import { explore } from '../../site/lib/threshold-explorer.js';
import { energyReadout } from '../../site/lib/energy-calculator.js';
import { exploreAttention } from '../../site/lib/attention-explorer.js';
import { calculatorConfig, contextReadout, formatBytes } from '../../site/lib/context-calculator.js';
import { builtRoutes, launchChromium, serveStatic } from './serve.js';

/** JavaScript bytes a page may load, tfjs excluded (it loads on demand on pages that compute). */
export const JS_BUDGET_BYTES = 150_000;

export function browserTests(outDir: string, base: string): void {
  let browser: Browser;
  let server: Server;
  let url: string;

  beforeAll(async () => {
    ({ server, url } = await serveStatic(outDir, base));
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    server?.close();
  });

  /** Opens a page, recording every problem and the JavaScript bytes it loads. */
  async function open(route: string): Promise<{ page: Page; problems: string[]; jsBytes: () => number }> {
    const page = await browser.newPage();
    const problems: string[] = [];
    let js = 0;
    page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('requestfailed', (r) => problems.push(`failed request: ${r.url()}`));
    page.on('request', (r) => !r.url().startsWith(url.replace(base, '/')) && !r.url().startsWith('data:') && problems.push(`off-site request: ${r.url()}`));
    page.on('response', async (r) => {
      if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`);
      if ((r.headers()['content-type'] ?? '').includes('javascript')) js += (await r.body()).length;
    });
    await page.goto(url + route, { waitUntil: 'networkidle' });
    return { page, problems, jsBytes: () => js };
  }

  describe('site in a browser (Chromium, sub-path base)', () => {
    it('every page loads without console errors or failed requests, within the JavaScript budget', async () => {
      const routes = builtRoutes(outDir);
      expect(routes.length).toBeGreaterThan(5);
      for (const route of routes) {
        const { page, problems, jsBytes } = await open(route);
        expect(problems, `/${route}`).toEqual([]);
        expect(jsBytes(), `/${route} loads ${jsBytes()} bytes of JavaScript`).toBeLessThan(JS_BUDGET_BYTES);
        await page.close();
      }
    }, 180_000);

    it('every internal link points at a built page or file', () => {
      for (const route of builtRoutes(outDir)) {
        const doc = parseHTML(readFileSync(join(outDir, route, 'index.html'), 'utf8')).document;
        for (const a of Array.from(doc.querySelectorAll('a[href]'))) {
          const href = a.getAttribute('href')!;
          if (/^(https?:|mailto:|#)/.test(href)) continue;
          const target = new URL(href, `http://x${base}${route}`).pathname;
          expect(target.startsWith(base), `/${route}: ${href} leaves the base`).toBe(true);
          const file = join(outDir, decodeURIComponent(target.slice(base.length)));
          expect(existsSync(file.endsWith('/') ? join(file, 'index.html') : file) || existsSync(join(file, 'index.html')), `/${route}: ${href}`).toBe(true);
        }
      }
    });

    it('spike playground: a new scheme and counts redraw the raster and the numbers the library gives', async () => {
      const { page, problems } = await open('topics/spike-coding/');
      const w = page.locator('spike-playground');
      await w.locator('input[name="counts"]').fill('9, -2, 0');
      await w.locator('select[name="scheme"]').selectOption('ternary');
      const train = encodeSpikes([9, -2, 0], 'ternary');
      await expect.poll(() => w.locator('[data-out="T"]').textContent()).toBe(String(train.T));
      expect(await w.locator('[data-out="spikes"]').textContent()).toBe(String(train.spikeCount()));
      expect(await w.locator('[data-out="rate"]').textContent()).toBe(train.firingRate().toFixed(3));
      expect(await w.locator('[data-out="decoded"]').textContent()).toBe('9, -2, 0');
      // the raster draws one mark per spike
      expect(await w.locator('[data-out="chart"] svg line').count()).toBeGreaterThanOrEqual(train.spikeCount());
      // an unsigned scheme with a negative count shows the library's error, naming the argument
      await w.locator('select[name="scheme"]').selectOption('bitwise');
      await expect.poll(() => w.locator('[data-out="error"]').isVisible()).toBe(true);
      expect(await w.locator('[data-out="error"]').textContent()).toMatch(/counts\[1\]/);
      expect(problems).toEqual([]);
      await page.close();
    });

    it('threshold explorer: moving k updates the statistics to the library\'s values', async () => {
      const { page, problems } = await open('topics/adaptive-threshold/');
      const w = page.locator('threshold-explorer');
      const before = await w.locator('[data-out="chart"]').innerHTML();
      await w.locator('input[name="k"]').fill('2');
      await w.locator('select[name="kind"]').selectOption('laplace');
      const r = explore('laplace', 2);
      await expect.poll(() => w.locator('[data-out="avgSpikes"]').textContent()).toBe(r.stats.avgSpikesBitwise.toFixed(3));
      expect(await w.locator('[data-out="sparsity"]').textContent()).toBe(`${(100 * r.stats.sparsity.windowExtended).toFixed(1)} %`);
      expect(await w.locator('[data-out="within7"]').textContent()).toBe(`${(100 * r.stats.within7).toFixed(1)} %`);
      expect(await w.locator('[data-out="energy"]').textContent()).toBe(`${r.energyPj.toFixed(4)} pJ`);
      expect(await w.locator('[data-out="chart"]').innerHTML()).not.toBe(before);
      expect(problems).toEqual([]);
      await page.close();
    });

    it('energy calculator: new spikes and fetches give the library\'s energies', async () => {
      const { page, problems } = await open('topics/energy/');
      const w = page.locator('energy-calculator');
      expect(await w.locator('[data-out="spikingPj"]').textContent()).toBe('0.0339');
      await w.locator('input[name="spikes"]').fill('2');
      await w.locator('input[name="withFetch"]').check();
      const r = energyReadout({ fp16: 1.5, int8: 0.23, add: 0.03, spikes: 2, silent: 0.184, fetch: 1.25, withFetch: true });
      await expect.poll(() => w.locator('[data-out="spikingPj"]').textContent()).toBe(r.spikingPj);
      expect(await w.locator('[data-out="gainInt8"]').textContent()).toBe(r.gainInt8);
      expect(await w.locator('[data-out="redFp16"]').textContent()).toBe(r.redFp16);
      expect(problems).toEqual([]);
      await page.close();
    });

    it('attention explorer: window and decay change the maps and the weight beyond the window', async () => {
      const { page, problems } = await open('topics/hybrid-attention/');
      const w = page.locator('attention-explorer');
      const before = await w.locator('[data-out="map-gla"]').innerHTML();
      await w.locator('input[name="window"]').fill('4');
      await w.locator('input[name="decay"]').fill('2');
      const r = exploreAttention(32, 4, 2);
      const pct = (v: number) => `${(100 * v).toFixed(1)} %`;
      await expect.poll(() => w.locator('[data-out="beyond-full"]').textContent()).toBe(pct(r.beyondWindow.full));
      expect(await w.locator('[data-out="beyond-swa"]').textContent()).toBe('0.0 %');
      expect(await w.locator('[data-out="beyond-gla"]').textContent()).toBe(pct(r.beyondWindow.gla));
      expect(await w.locator('[data-out="map-gla"]').innerHTML()).not.toBe(before);
      expect(problems).toEqual([]);
      await page.close();
    });

    it('context calculator: a model and a context give the library\'s memory and compute; a bad config.json names the problem', async () => {
      const { page, problems } = await open('topics/hybrid-attention/');
      const w = page.locator('context-calculator');
      await w.locator('select[name="preset"]').selectOption('llama-3.2-1b');
      await w.locator('input[name="log2Context"]').fill('17');
      const r = contextReadout(calculatorConfig('llama-3.2-1b'), 2 ** 17, 32);
      await expect.poll(() => w.locator('[data-out="state"]').textContent()).toBe(formatBytes(r.stateBytes));
      expect(await w.locator('[data-out="pflop"]').textContent()).toBe(`${r.prefillPflop.toFixed(2)} PFLOP`);
      expect(await w.locator('[data-out="plan"]').textContent()).toBe(r.plan);
      await w.locator('textarea[name="json"]').fill('{"hidden_size": 100, "num_attention_heads": 3}');
      await expect.poll(() => w.locator('[data-out="error"]').isVisible()).toBe(true);
      expect(await w.locator('[data-out="error"]').textContent()).toMatch(/hidden_size|num_attention_heads/);
      expect(problems).toEqual([]);
      await page.close();
    });

    it('claims ledger: filtering by status and topic shows exactly the matching rows', async () => {
      const { page, problems } = await open('ledger/?topic=energy');
      const rows = page.locator('table.ledger tbody tr');
      const total = await rows.count();
      const visible = async () => (await rows.evaluateAll((trs) => trs.filter((tr) => !(tr as HTMLElement).hidden).map((tr) => tr.id)));
      const energy = await visible();
      expect(energy.length).toBeGreaterThan(0);
      expect(energy.every((id) => id.startsWith('energy.'))).toBe(true);
      await page.locator('select[name="topic"]').selectOption('');
      await page.locator('select[name="status"]').selectOption('inconsistent');
      const statuses = await rows.evaluateAll((trs) => trs.filter((tr) => !(tr as HTMLElement).hidden).map((tr) => tr.querySelector('td.status')!.textContent));
      expect(statuses.length).toBeGreaterThan(0);
      expect(statuses.length).toBeLessThan(total);
      expect(new Set(statuses)).toEqual(new Set(['inconsistent']));
      expect(await page.locator('[data-out="shown"]').textContent()).toBe(`${statuses.length} shown`);
      expect(problems).toEqual([]);
      await page.close();
    });
  });
}

/**
 * Browser tests of the built site (issue: the explainer site; issue 11, the site as readers see it):
 * headless Debian Chromium loads every page under a sub-path base, fails on any console error, page
 * error or failed request, checks the JavaScript budget, checks that no two text labels of a figure
 * overlap and that figure text stays legible on a phone, and drives every widget, comparing what it
 * shows with the library's own result and feeding it the bad inputs readers found.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { parseHTML } from 'linkedom';
import { encodeSpikes } from '../../lib/index.js';
import { explore } from '../../site/lib/threshold-explorer.js';
import { energyReadout } from '../../site/lib/energy-calculator.js';
import { exploreAttention } from '../../site/lib/attention-explorer.js';
import { CALCULATOR_PRESETS, calculatorConfig, contextReadout, formatBytes } from '../../site/lib/context-calculator.js';
import { figureProblems } from './figure-checks.js';
import { builtRoutes, useServedSite } from './serve.js';

/**
 * JavaScript bytes (uncompressed) a page may load before the reader touches anything; code that loads
 * on demand (Observable Plot when a widget redraws its chart, tfjs on pages that compute) is not counted.
 */
export const JS_BUDGET_BYTES = 150_000;

export function browserTests(outDir: string, base: string): void {
  const site = useServedSite(outDir, base);

  /** Opens a page, recording every problem and the JavaScript bytes it loads. */
  async function open(route: string): Promise<{ page: Page; problems: string[]; jsBytes: () => Promise<number> }> {
    const page = await site.browser.newPage();
    const problems: string[] = [];
    let js = 0;
    page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('requestfailed', (r) => problems.push(`failed request: ${r.url()}`));
    page.on(
      'request',
      (r) =>
        !r.url().startsWith(site.url.replace(base, '/')) && !r.url().startsWith('data:') && problems.push(`off-site request: ${r.url()}`),
    );
    // body reads are kept and awaited by jsBytes: a read still pending when a test closes its page must not
    // become an unhandled rejection ("Target page, context or browser has been closed")
    const reads: Promise<void>[] = [];
    const lost: string[] = [];
    page.on('response', (r) => {
      if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`);
      if ((r.headers()['content-type'] ?? '').includes('javascript')) {
        reads.push(
          r.body().then(
            (b) => void (js += b.length),
            (e: Error) => void lost.push(`${r.url()}: ${e.message}`),
          ),
        );
      }
    });
    await page.goto(site.url + route, { waitUntil: 'networkidle' });
    const jsBytes = async (): Promise<number> => {
      await Promise.all(reads);
      if (lost.length > 0) throw new Error(`JavaScript bodies not read: ${lost.join('; ')}`);
      return js;
    };
    return { page, problems, jsBytes };
  }

  describe('site in a browser (Chromium, sub-path base)', () => {
    it('every page loads without console errors or failed requests, within the JavaScript budget', async () => {
      const routes = builtRoutes(outDir);
      expect(routes.length).toBeGreaterThan(5);
      for (const route of routes) {
        const { page, problems, jsBytes } = await open(route);
        expect(problems, `/${route}`).toEqual([]);
        const bytes = await jsBytes();
        expect(bytes, `/${route} loads ${bytes} bytes of JavaScript`).toBeLessThan(JS_BUDGET_BYTES);
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
          expect(
            existsSync(file.endsWith('/') ? join(file, 'index.html') : file) || existsSync(join(file, 'index.html')),
            `/${route}: ${href}`,
          ).toBe(true);
        }
      }
    });

    it('figures on every page: no two text labels overlap, and text stays legible on a 390 px phone', async () => {
      const stale = new Set<string>();
      let checked = 0;
      for (const route of builtRoutes(outDir)) {
        for (const width of [1280, 390]) {
          const { page } = await open(route);
          await page.setViewportSize({ width, height: 900 });
          const r = await page.evaluate(figureProblems, width === 390 ? 9.5 : 0);
          expect(r.problems, `/${route} at ${width} px`).toEqual([]);
          checked += r.checked;
          r.stale.forEach((n) => stale.add(n));
          await page.close();
        }
      }
      expect(checked).toBeGreaterThan(10);
      // figures the notebooks wrote before the current figure functions: rerun their notebooks
      if (stale.size) console.warn(`stale figures (rerun their notebooks): ${[...stale].sort().join(', ')}`);
    }, 300_000);

    it('topic pages do not scroll sideways on a 390 px phone', async () => {
      for (const route of builtRoutes(outDir).filter((r) => r.startsWith('topics/'))) {
        const { page } = await open(route);
        await page.setViewportSize({ width: 390, height: 900 });
        expect(await page.evaluate(() => document.documentElement.scrollWidth), `/${route}`).toBeLessThanOrEqual(390);
        await page.close();
      }
    }, 120_000);

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
      // the raster draws one mark per spike (Plot loads on the first redraw)
      await expect
        .poll(() => w.locator('[data-out="chart"] svg line').count(), { timeout: 10_000 })
        .toBeGreaterThanOrEqual(train.spikeCount());
      // an unsigned scheme with a negative count shows the library's error, naming the argument
      await w.locator('select[name="scheme"]').selectOption('bitwise');
      await expect.poll(() => w.locator('[data-out="error"]').isVisible()).toBe(true);
      expect(await w.locator('[data-out="error"]').textContent()).toMatch(/counts\[1\]/);
      // bad inputs are refused before any encoding, and the error replaces the numbers and the raster
      await w.locator('select[name="scheme"]').selectOption('binary');
      for (const [text, message] of [
        ['1e9', /counts\[0\].*±255/],
        [Array.from({ length: 40 }, () => '1').join(','), /at most 32/],
        ['', /empty/],
        ['2.5', /integer/],
      ] as const) {
        await w.locator('input[name="counts"]').fill(text);
        await expect.poll(() => w.locator('[data-out="error"]').textContent()).toMatch(message);
        expect(await w.locator('[data-out="T"]').textContent()).toBe('—');
        expect(await w.locator('[data-out="chart"] svg').count()).toBe(0);
      }
      await w.locator('input[name="counts"]').fill('3');
      await w.locator('input[name="T"]').fill('1000');
      await expect.poll(() => w.locator('[data-out="error"]').textContent()).toMatch(/T must be an integer in \[1, 256\]/);
      expect(problems).toEqual([]);
      await page.close();
    });

    it("threshold explorer: moving k updates the statistics to the library's values", async () => {
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
      await expect.poll(() => w.locator('[data-out="chart"] svg').count(), { timeout: 10_000 }).toBeGreaterThan(0);
      await expect.poll(() => w.locator('[data-out="chart"]').innerHTML()).not.toBe(before);
      expect(problems).toEqual([]);
      await page.close();
    });

    it("energy calculator: new spikes and fetches give the library's energies", async () => {
      const { page, problems } = await open('topics/energy/');
      const w = page.locator('energy-calculator');
      expect(await w.locator('[data-out="spikingPj"]').textContent()).toBe('0.0339');
      await w.locator('input[name="spikes"]').fill('2');
      await w.locator('input[name="withFetch"]').check();
      const r = energyReadout({ fp16: 1.5, int8: 0.23, add: 0.03, spikes: 2, silent: 0.184, fetch: 1.25, withFetch: true });
      await expect.poll(() => w.locator('[data-out="spikingPj"]').textContent()).toBe(r.spikingPj);
      expect(await w.locator('[data-out="gainInt8"]').textContent()).toBe(r.gainInt8);
      expect(await w.locator('[data-out="redFp16"]').textContent()).toBe(r.redFp16);
      // the silent share is greyed out unless a reading uses it; with fetches on it counts
      const silent = w.locator('input[name="silent"]');
      expect(await silent.isEnabled()).toBe(true);
      await silent.fill('0.5');
      const half = energyReadout({ fp16: 1.5, int8: 0.23, add: 0.03, spikes: 2, silent: 0.5, fetch: 1.25, withFetch: true });
      await expect.poll(() => w.locator('[data-out="spikingPj"]').textContent()).toBe(half.spikingPj);
      await w.locator('input[name="withFetch"]').uncheck();
      await expect.poll(() => silent.isEnabled()).toBe(false);
      // firing-channels reading: eq. 24 uses spikes x (1 - silent share)
      await w.locator('input[name="spikesOver"][value="firing"]').check();
      await expect.poll(() => silent.isEnabled()).toBe(true);
      const firing = energyReadout({
        fp16: 1.5,
        int8: 0.23,
        add: 0.03,
        spikes: 2,
        silent: 0.5,
        fetch: 1.25,
        withFetch: false,
        spikesPerFiring: true,
      });
      await expect.poll(() => w.locator('[data-out="spikingPj"]').textContent()).toBe(firing.spikingPj);
      expect(firing.spikingPj).toBe('0.0300');
      // bad inputs: each names its field and its limits, and no stale or absurd number stays beside it
      for (const [name, value, message] of [
        ['fp16', '0', /FP16 MAC \(pJ\) must be a number in \(0, 100\]/],
        ['spikes', '1e9', /average spikes per channel must be a number in \(0, 16\]/],
        ['int8', '', /INT8 MAC \(pJ\) is empty/],
        ['silent', '2', /silent channel share must be a number in \[0, 1\)/],
        ['silent', '1', /silent channel share must be a number in \[0, 1\)/],
      ] as const) {
        await w.locator(`input[name="${name}"]`).fill(value);
        await expect.poll(() => w.locator('[data-out="error"]').textContent()).toMatch(message);
        const shown = await w.locator('td[data-out]').allTextContents();
        expect(
          shown.every((t) => t === '—'),
          shown.join(' | '),
        ).toBe(true);
        await w.locator(`input[name="${name}"]`).fill({ fp16: '1.5', spikes: '2', int8: '0.23', silent: '0.5' }[name]);
        await expect.poll(() => w.locator('[data-out="error"]').isVisible()).toBe(false);
      }
      expect(await w.locator('[data-out="redFp16"]').textContent()).not.toMatch(/Infinity|NaN/);
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
      const pct = (v: number) => `${(100 * v).toFixed(1)}\u00a0%`;
      await expect.poll(() => w.locator('[data-out="beyond-full"]').textContent()).toBe(pct(r.beyondWindow.full));
      expect(await w.locator('[data-out="beyond-swa"]').textContent()).toBe('0.0\u00a0%');
      expect(await w.locator('[data-out="beyond-gla"]').textContent()).toBe(pct(r.beyondWindow.gla));
      await expect.poll(() => w.locator('[data-out="map-gla"]').innerHTML(), { timeout: 10_000 }).not.toBe(before);
      // each map has its colour scale
      expect(await w.locator('[data-out="map-gla"] svg').count()).toBe(2);
      // bad inputs: refused before any work, maps and numbers cleared
      for (const [value, message] of [
        ['1000', /tokens L must be an integer in \[4, 64\]/],
        ['', /tokens L is empty/],
        ['3.5', /tokens L must be an integer/],
      ] as const) {
        await w.locator('input[name="L"]').fill(value);
        await expect.poll(() => w.locator('[data-out="error"]').textContent()).toMatch(message);
        expect(await w.locator('[data-out="beyond-full"]').textContent()).toBe('—');
        expect(await w.locator('.maps svg').count()).toBe(0);
      }
      expect(problems).toEqual([]);
      await page.close();
    });

    it("context calculator: a model and a context give the library's memory and compute; a bad config.json names the problem", async () => {
      const { page, problems } = await open('topics/hybrid-attention/');
      const w = page.locator('context-calculator');
      // the menu is the presets registry's full-size models, then the pasted config
      const menu = w.locator('select[name="preset"] option');
      expect(await menu.evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value))).toEqual([
        ...Object.keys(CALCULATOR_PRESETS),
        'pasted',
      ]);
      expect(await menu.allTextContents()).toEqual([...Object.values(CALCULATOR_PRESETS).map((p) => p.label), 'config.json pasted below']);
      await w.locator('select[name="preset"]').selectOption('qwen3-1.7b-hybrid-1:3');
      await expect.poll(() => w.locator('[data-out="name"]').textContent()).toBe('Qwen3-1.7B hybrid 1:3');
      expect(await w.locator('[data-out="plan"]').textContent()).toBe(
        contextReadout(calculatorConfig('qwen3-1.7b-hybrid-1:3'), 2 ** 20, 32).plan,
      );
      await w.locator('select[name="preset"]').selectOption('llama-3.2-1b');
      await w.locator('input[name="log2Context"]').fill('17');
      const r = contextReadout(calculatorConfig('llama-3.2-1b'), 2 ** 17, 32);
      await expect.poll(() => w.locator('[data-out="state"]').textContent()).toBe(formatBytes(r.stateBytes));
      expect(await w.locator('[data-out="pflop"]').textContent()).toBe(`${r.prefillPflop.toFixed(2)} PFLOP`);
      expect(await w.locator('[data-out="plan"]').textContent()).toBe(r.plan);
      await expect.poll(() => w.locator('[data-out="chart"] svg').count(), { timeout: 10_000 }).toBeGreaterThan(0);
      // typing a config selects it, visibly; a bad one names the field and clears every number and the chart
      const json = w.locator('textarea[name="json"]');
      const complete = {
        vocab_size: 1000,
        hidden_size: 256,
        num_hidden_layers: 4,
        num_attention_heads: 4,
        num_key_value_heads: 2,
        intermediate_size: 512,
      };
      await json.fill('{"hidden_size": 100, "num_attention_heads": 3}');
      expect(await w.locator('select[name="preset"]').inputValue()).toBe('pasted');
      await expect
        .poll(() => w.locator('[data-out="error"]').textContent())
        .toMatch(/missing vocab_size, num_hidden_layers, num_key_value_heads, intermediate_size/);
      expect(await w.locator('[data-out="state"]').textContent()).toBe('—');
      expect(await w.locator('[data-out="chart"] svg').count()).toBe(0);
      // {} is an error, not SpikingBrain-7B
      await json.fill('{}');
      await expect.poll(() => w.locator('[data-out="error"]').textContent()).toMatch(/missing vocab_size/);
      expect(await w.locator('[data-out="parameters"]').textContent()).toBe('—');
      // a huge config is refused at once instead of freezing the tab
      for (const layers of [100_000, 1e9]) {
        const started = Date.now();
        await json.fill(JSON.stringify({ ...complete, num_hidden_layers: layers }));
        await expect
          .poll(() => w.locator('[data-out="error"]').textContent(), { timeout: 2000 })
          .toMatch(/num_hidden_layers must be an integer in \[0, 512\]/);
        expect(Date.now() - started).toBeLessThan(5000);
      }
      await json.fill('{"hidden_size": ');
      await expect.poll(() => w.locator('[data-out="error"]').textContent()).toMatch(/not valid JSON/);
      // a valid pasted config gives the library's numbers
      await json.fill(JSON.stringify(complete));
      const pasted = contextReadout(calculatorConfig('pasted', JSON.stringify(complete)), 2 ** 17, 32);
      await expect.poll(() => w.locator('[data-out="state"]').textContent()).toBe(formatBytes(pasted.stateBytes));
      expect(await w.locator('[data-out="name"]').textContent()).toBe('pasted config');
      // choosing a preset uses the preset, and says the pasted text is not used
      await w.locator('select[name="preset"]').selectOption('llama-3.2-1b');
      await expect.poll(() => w.locator('[data-out="state"]').textContent()).toBe(formatBytes(r.stateBytes));
      expect(await w.locator('[data-out="source"]').textContent()).toMatch(/not used/);
      await w.locator('input[name="gpus"]').fill('0');
      await expect.poll(() => w.locator('[data-out="error"]').textContent()).toMatch(/H100s must be an integer in \[1, 1,024\]/);
      expect(problems).toEqual([]);
      await page.close();
    });

    it('claims ledger: filtering by status and topic shows exactly the matching rows', async () => {
      const { page, problems } = await open('ledger/?topic=energy');
      const rows = page.locator('table.ledger tbody tr');
      const total = await rows.count();
      const visible = async () => await rows.evaluateAll((trs) => trs.filter((tr) => !(tr as HTMLElement).hidden).map((tr) => tr.id));
      const energy = await visible();
      expect(energy.length).toBeGreaterThan(0);
      expect(energy.every((id) => id.startsWith('energy.'))).toBe(true);
      await page.locator('select[name="topic"]').selectOption('');
      await page.locator('select[name="status"]').selectOption('inconsistent');
      const statuses = await rows.evaluateAll((trs) =>
        trs.filter((tr) => !(tr as HTMLElement).hidden).map((tr) => tr.querySelector('td.status')!.textContent),
      );
      expect(statuses.length).toBeGreaterThan(0);
      expect(statuses.length).toBeLessThan(total);
      expect(new Set(statuses)).toEqual(new Set(['inconsistent']));
      expect(await page.locator('[data-out="shown"]').textContent()).toBe(`${statuses.length} shown`);
      expect(problems).toEqual([]);
      await page.close();
    });
  });
}

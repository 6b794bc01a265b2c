/**
 * The live page in Chromium (issue 15): under the sub-path base, the page loads no tfjs until the
 * reader presses Generate; then, on the wasm backend (?backend=wasm), it generates 16 tokens whose ids,
 * per-layer spike counts and text summaries equal those of lib/live run in Node on the same prompt,
 * with W8ASpike on and then off; a needle example draws the attention / decay maps and names the layer
 * that retrieves, as lib/live says in Node; ?backend=webgpu falls back to wasm without a GPU and says so;
 * long tasks on the main thread are reported; axe-core finds nothing
 * serious at 1280 px light and 390 px dark, and the page does not scroll sideways in any of the four
 * views. Screenshots go to $SBL_LIVE_SHOTS when set (to look at them).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Server } from 'node:http';
import type { Browser, Page } from 'playwright-core';
import { ByteTokenizer, LIVE_MODELS, LiveSession, configFromJSON, liveExamples, swaWindowKeys, type TokenReport } from '../../lib/index.js';
import { useNodeBackend } from '../../lib/node/backend.js';
import { readManifest, checkpointDir } from '../../lib/node/checkpoints.js';
import { attentionSummary, distributionSummary, layerSummary, showToken } from '../../site/components/live/summary.js';
import { axeProblems, layoutProblems } from './page-checks.js';
import { launchChromium, serveStatic } from './serve.js';

const TOKENS = 16;
const HYBRID = LIVE_MODELS.hybrid;
const BASE_MODEL = LIVE_MODELS.base;
const DIR = join(checkpointDir(), LIVE_MODELS.folder);

/** lib/live in Node: the reports of `n` generated tokens. */
function nodeRun(prompt: string, n: number, w8aspike: boolean): TokenReport[] {
  const dir = DIR;
  const m = readManifest(DIR);
  const read = (k: string) => new Uint8Array(readFileSync(join(dir, m.checkpoints[k]!.file)));
  const s = LiveSession.fromSafetensors(read(HYBRID), read(BASE_MODEL), { topK: 5 });
  try {
    s.w8aspike = w8aspike;
    const out = [s.start(new ByteTokenizer().encode(prompt))];
    while (out.length < n) out.push(s.step());
    return out;
  } finally {
    s.dispose();
  }
}

export function liveTests(outDir: string, base: string): void {
  describe('live page: the hybrid decodes in the browser (Chromium, wasm, sub-path base)', () => {
    let browser: Browser;
    let server: Server;
    let url: string;
    let prompt: string;
    let onRun: TokenReport[];
    let offRun: TokenReport[];
    const shots = process.env.SBL_LIVE_SHOTS;

    beforeAll(async () => {
      ({ server, url } = await serveStatic(outDir, base));
      browser = await launchChromium();
      await useNodeBackend('wasm');
      const config = configFromJSON(readManifest(DIR).checkpoints[HYBRID]!.config);
      prompt = liveExamples(swaWindowKeys(config))[0]!.text;
      onRun = nodeRun(prompt, TOKENS, true);
      offRun = nodeRun(prompt, TOKENS, false);
      if (shots) mkdirSync(shots, { recursive: true });
    }, 120_000);

    afterAll(async () => {
      await browser?.close();
      server?.close();
    });

    /** The whole page, and viewport-sized views of the controls and of the layer panels. */
    async function screenshots(page: Page, name: string): Promise<void> {
      await page.screenshot({ path: join(shots!, `${name}-full.png`), fullPage: true });
      for (const [part, sel] of [
        ['controls', 'live-model form'],
        ['tokens', 'live-model .tokens'],
        ['layers', 'live-model .layer'],
      ] as const) {
        await page
          .locator(sel)
          .first()
          .evaluate((el) => el.scrollIntoView({ block: 'start' }));
        await page.screenshot({ path: join(shots!, `${name}-${part}.png`) });
      }
    }

    async function generated(page: Page, expected: number): Promise<void> {
      await page.locator(`live-model[aria-busy="false"][data-generated="${expected}"]`).waitFor({ timeout: 240_000 });
    }

    /** Token ids, and per token the spike counts of every layer (selecting each token in turn). */
    async function pageRun(page: Page): Promise<{ ids: number[]; spikes: number[][]; silent: number[][] }> {
      const toks = page.locator('live-model .tok');
      const ids = await toks.evaluateAll((bs) => bs.map((b) => Number((b as HTMLElement).dataset.id)));
      const spikes: number[][] = [];
      const silent: number[][] = [];
      for (let i = 0; i < ids.length; i++) {
        await toks.nth(i).click();
        await page.locator(`live-model[data-selected="${i}"]`).waitFor();
        const layers = page.locator('live-model .layer');
        spikes.push(await layers.evaluateAll((ls) => ls.map((l) => Number((l as HTMLElement).dataset.spikes))));
        silent.push(await layers.evaluateAll((ls) => ls.map((l) => Number((l as HTMLElement).dataset.silent))));
      }
      return { ids, spikes, silent };
    }

    it('loads tfjs only on Generate, then matches Node token for token and spike for spike, W8ASpike on and off', async () => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, colorScheme: 'light' });
      const page = await context.newPage();
      const problems: string[] = [];
      const requests: string[] = [];
      page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
      page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
      page.on('requestfailed', (r) => problems.push(`failed request: ${r.url()}`));
      page.on('request', (r) => requests.push(r.url()));
      page.on('worker', (w) => w.on('console', (m) => m.type() === 'error' && problems.push(`worker console: ${m.text()}`)));
      await page.addInitScript(() => {
        (window as unknown as { longTasks: number[] }).longTasks = [];
        new PerformanceObserver((list) =>
          list.getEntries().forEach((e) => (window as unknown as { longTasks: number[] }).longTasks.push(e.duration)),
        ).observe({ type: 'longtask', buffered: true });
      });
      await page.goto(`${url}live/?backend=wasm`, { waitUntil: 'networkidle' });
      expect(
        requests.filter((r) => /worker|safetensors|\.wasm/.test(r)),
        'nothing heavy before the click',
      ).toEqual([]);
      expect(await axeProblems(page), 'before the click').toEqual([]);
      const w = page.locator('live-model');
      expect(await w.locator('textarea[name="prompt"]').inputValue()).toBe(prompt);
      await w.locator('input[name="tokens"]').fill(String(TOKENS));
      const longBefore = await page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks.length);
      await w.locator('button[data-act="generate"]').click();
      await generated(page, TOKENS);
      // the model runs in the worker: the page's own timeline never fetches tfjs, the wasm binary or a checkpoint
      const mainResources = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name));
      expect(mainResources.filter((r) => /\.wasm|\.safetensors|tfjs/.test(r))).toEqual([]);
      // timings are reported, not asserted (a shared machine's wall time is not a test): the page's drawing per token, and long tasks
      const longTasks = await page.evaluate((n) => (window as unknown as { longTasks: number[] }).longTasks.slice(n), longBefore);
      const draws = await page.evaluate(() => performance.getEntriesByName('live-draw').map((e) => e.duration));
      expect(draws.length).toBeGreaterThan(0);
      console.log(
        `live page: drawing a token report took ${Math.min(...draws).toFixed(1)}-${Math.max(...draws).toFixed(1)} ms on the main thread (${draws.length} draws); long tasks while loading and generating: ${longTasks.map((t) => t.toFixed(0)).join(', ') || 'none'} ms`,
      );
      expect(await w.getAttribute('data-backend')).toBe('wasm');
      const origin = new URL(url).origin;
      expect(
        requests.filter((r) => !r.startsWith(origin) && !r.startsWith('data:')),
        'every request stays on the site',
      ).toEqual([]);
      expect(
        requests.some((r) => r.endsWith('.wasm')),
        'the wasm binary comes from the site',
      ).toBe(true);

      const on = await pageRun(page);
      expect(on.ids).toEqual(onRun.map((r) => r.next));
      expect(on.spikes).toEqual(onRun.map((r) => r.layers.map((l) => l.spikes)));
      expect(on.silent).toEqual(onRun.map((r) => r.layers.map((l) => l.silentChannels)));
      // the text summaries say what the Node run says (last token selected)
      const last = onRun[TOKENS - 1]!;
      expect(await w.locator('.layer .summary').allTextContents()).toEqual(last.layers.map(layerSummary));
      const show = (id: number) => JSON.stringify(showToken(String.fromCharCode(id)));
      expect(await w.locator('[data-out="dist-summary"]').textContent()).toBe(distributionSummary(last, show));
      expect(await w.locator('.layer canvas[role="img"]').count()).toBeGreaterThan(0);
      if (shots) await screenshots(page, 'live-1280-light');

      // W8ASpike off: the float hybrid picks the tokens; the page reports float counts
      await w.locator('input[name="w8aspike"]').uncheck();
      await w.locator('button[data-act="generate"]').click();
      await generated(page, TOKENS);
      const off = await pageRun(page);
      expect(off.ids).toEqual(offRun.map((r) => r.next));
      expect(off.spikes).toEqual(offRun.map((r) => r.layers.map((l) => l.spikes)));
      expect(await w.locator('[data-out="which"]').textContent()).toContain('W8ASpike off');

      expect(await axeProblems(page)).toEqual([]);
      expect(await layoutProblems(page)).toEqual([]);
      expect(problems).toEqual([]);
      await context.close();
    }, 600_000);

    it('?backend=webgpu without a GPU falls back to wasm and says so; a needle example draws the maps and names the layer that retrieves, as in Node', async () => {
      const config = configFromJSON(readManifest(DIR).checkpoints[HYBRID]!.config);
      const example = liveExamples(swaWindowKeys(config)).find((e) => e.id === 'needle-inside')!;
      const m = readManifest(DIR);
      const read = (k: string) => new Uint8Array(readFileSync(join(DIR, m.checkpoints[k]!.file)));
      const s = LiveSession.fromSafetensors(read(HYBRID), read(BASE_MODEL), { topK: 5 });
      let expected: { hybrid: string; base: string };
      try {
        s.start(new ByteTokenizer().encode(example.text));
        const v = s.attention();
        expect(v.hybrid.retriever, 'the hybrid retrieves the needle inside its window').not.toBeNull();
        expected = { hybrid: attentionSummary(v.hybrid, 'Hybrid (W8ASpike on)'), base: attentionSummary(v.base!, 'Full-attention base') };
      } finally {
        s.dispose();
      }
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, colorScheme: 'light' });
      const page = await context.newPage();
      const problems: string[] = [];
      page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
      await page.goto(`${url}live/?backend=webgpu`, { waitUntil: 'networkidle' });
      const w = page.locator('live-model');
      await w.locator('select[name="example"]').selectOption(example.id);
      await w.locator('input[name="tokens"]').fill('2');
      await w.locator('button[data-act="generate"]').click();
      await generated(page, 2);
      await page.locator('live-model[data-attention="needle"]').waitFor({ timeout: 60_000 });
      // headless Chromium has no GPU: webgpu cannot start, and the page names the backend it fell back to
      expect(await w.getAttribute('data-backend')).toBe('wasm');
      expect(await w.locator('[data-out="backend"]').textContent()).toMatch(/^wasm \(tried first: webgpu: /);
      const hybrid = w.locator('[data-out="attn-hybrid"]');
      expect(await hybrid.locator('figcaption').textContent()).toBe(expected.hybrid);
      expect(expected.hybrid).toMatch(/layer \d head \d \((GLA|SWA)\) puts \d+\u00a0% of its weight within 2 tokens of the needle/);
      expect(await hybrid.locator('canvas').getAttribute('aria-label')).toContain(expected.hybrid);
      expect(await hybrid.getAttribute('data-retriever')).toMatch(/^\d\/\d\/(gla|swa)$/);
      expect(await w.locator('[data-out="attn-base"] figcaption').textContent()).toBe(expected.base);
      expect(await w.locator('[data-out="attn-table"] tr').count()).toBe(8);
      // the map is painted: the canvas holds non-background pixels
      const painted = await hybrid.locator('canvas').evaluate((c: HTMLCanvasElement) => {
        const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
        let n = 0;
        for (let i = 3; i < d.length; i += 4) if (d[i]! > 0) n++;
        return n;
      });
      expect(painted).toBeGreaterThan(1000);
      expect(await axeProblems(page)).toEqual([]);
      if (shots) {
        await hybrid.evaluate((el) => el.scrollIntoView({ block: 'start' }));
        await page.screenshot({ path: join(shots, 'live-maps-1280-light.png') });
      }
      expect(problems).toEqual([]);
      await context.close();
    }, 300_000);

    for (const v of [
      { width: 390, scheme: 'dark' },
      { width: 390, scheme: 'light' },
      { width: 1280, scheme: 'dark' },
    ] as const) {
      it(`after generating, at ${v.width} px ${v.scheme}: no sideways scrolling${v.scheme === 'dark' && v.width === 390 ? ', no serious axe-core violations' : ''}`, async () => {
        const context = await browser.newContext({ viewport: { width: v.width, height: 900 }, colorScheme: v.scheme });
        const page = await context.newPage();
        // one run in the automatic order: headless Chromium's WebGL is SwiftShader (drawn by the CPU), which
        // the worker must skip for wasm (tfjs on it took ~50 s for 2 tokens)
        const auto = v.width === 1280 && v.scheme === 'dark';
        await page.goto(`${url}live/${auto ? '' : '?backend=wasm'}`, { waitUntil: 'networkidle' });
        await page.locator('live-model input[name="tokens"]').fill('4');
        // keyboard: focus the button and press Enter
        await page.locator('live-model button[data-act="generate"]').focus();
        await page.keyboard.press('Enter');
        await generated(page, 4);
        if (auto) expect(await page.locator('live-model').getAttribute('data-backend')).toBe('wasm');
        expect(await layoutProblems(page)).toEqual([]);
        if (v.scheme === 'dark' && v.width === 390) expect(await axeProblems(page)).toEqual([]);
        if (shots) await screenshots(page, `live-${v.width}-${v.scheme}`);
        await context.close();
      }, 300_000);
    }
  });
}

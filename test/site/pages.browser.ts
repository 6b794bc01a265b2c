/**
 * What a reader sees (issue 11): every built page in headless Chromium at desktop (1280 px) and
 * phone (390 px) width, light and dark (prefers-color-scheme): the page never scrolls sideways, the
 * verdict of every claims table's first row is on screen without sideways scrolling, no Markdown
 * table is left as raw pipes, and axe-core finds no serious or critical violation (run once per
 * theme, at one width each, to keep the suite quick). Then the ledger's URL-kept filters, the search
 * and the skip link, driven as a reader would.
 */
import { describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { builtRoutes, useServedSite } from './serve.js';
import { axeProblems, layoutProblems } from './page-checks.js';

const VIEWS = [
  { width: 1280, scheme: 'light', axe: true },
  { width: 390, scheme: 'light', axe: false },
  { width: 1280, scheme: 'dark', axe: false },
  { width: 390, scheme: 'dark', axe: true },
] as const;

export function pageTests(outDir: string, base: string): void {
  describe('pages as readers see them (Chromium: 1280 and 390 px, light and dark)', () => {
    const site = useServedSite(outDir, base);

    async function view(width: number, scheme: 'light' | 'dark'): Promise<{ context: BrowserContext; page: Page }> {
      const context = await site.browser.newContext({ viewport: { width, height: 900 }, colorScheme: scheme });
      return { context, page: await context.newPage() };
    }

    for (const v of VIEWS) {
      it(`every page at ${v.width} px, ${v.scheme}: no sideways scrolling, verdicts in view, no raw Markdown tables${v.axe ? ', no serious axe-core violations' : ''}`, async () => {
        const routes = builtRoutes(outDir);
        expect(routes.length).toBeGreaterThan(5);
        const { context, page } = await view(v.width, v.scheme);
        const problems: string[] = [];
        for (const route of routes) {
          await page.goto(site.url + route, { waitUntil: 'load' });
          const found = [...(await layoutProblems(page)), ...(v.axe ? await axeProblems(page) : [])];
          problems.push(...found.map((p) => `/${route}: ${p}`));
        }
        await context.close();
        expect(problems).toEqual([]);
      }, 600_000);
    }

    it('ledger: filters and sort live in the URL; a linked filter opens filtered; the largest difference sorts first', async () => {
      const { context, page } = await view(390, 'light');
      await page.goto(`${site.url}ledger/?status=inconsistent&sort=deviation`, { waitUntil: 'load' });
      const visible = () => page.locator('table.ledger tbody tr:not([hidden])');
      const statuses = await visible().evaluateAll((trs) => trs.map((tr) => (tr as HTMLElement).dataset.status));
      expect(statuses.length).toBeGreaterThan(0);
      expect(new Set(statuses)).toEqual(new Set(['inconsistent']));
      const devs = await visible().evaluateAll((trs) =>
        trs
          .map((tr) => (tr as HTMLElement).dataset.dev)
          .filter((d) => d !== '')
          .map(Number),
      );
      expect(devs).toEqual([...devs].sort((a, b) => b - a));
      await page.locator('claims-filter select[name="status"]').selectOption('');
      await page.locator('claims-filter input[name="q"]').fill('sparsity');
      await expect.poll(() => new URL(page.url()).search).toBe('?q=sparsity&sort=deviation');
      const texts = await visible().allTextContents();
      expect(texts.length).toBeGreaterThan(0);
      expect(texts.every((t) => t.toLowerCase().includes('sparsity'))).toBe(true);
      // the note opens with one click, on a phone
      const first = visible().first();
      await first.locator('summary').click();
      expect(await first.locator('details p').first().isVisible()).toBe(true);
      await context.close();
    });

    it('search: the Pagefind index answers under the sub-path base and links to built pages', async () => {
      const { context, page } = await view(1280, 'dark');
      const problems: string[] = [];
      page.on('pageerror', (e) => problems.push(e.message));
      page.on('requestfailed', (r) => problems.push(`failed: ${r.url()}`));
      await page.goto(`${site.url}search/?q=sparsity`, { waitUntil: 'load' });
      const results = page.locator('site-search [data-out="results"] li a');
      await expect.poll(() => results.count(), { timeout: 15_000 }).toBeGreaterThan(0);
      const hrefs = await results.evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).getAttribute('href')!));
      expect(
        hrefs.every((h) => h.startsWith(base)),
        hrefs.join(' '),
      ).toBe(true);
      await results.first().click();
      await page.waitForLoadState('load');
      expect(await page.locator('main h1').count()).toBe(1);
      // the header's box submits to the search page
      await page.locator('header input[name="q"]').fill('encodeSpikes');
      await page.locator('header input[name="q"]').press('Enter');
      await page.waitForURL(/search\/\?q=encodeSpikes/);
      await expect.poll(() => results.count(), { timeout: 15_000 }).toBeGreaterThan(0);
      expect(problems).toEqual([]);
      await context.close();
    });

    it('skip link: the first Tab shows it, and it moves focus to the main column', async () => {
      const { context, page } = await view(390, 'light');
      await page.goto(`${site.url}topics/energy/`, { waitUntil: 'load' });
      await page.keyboard.press('Tab');
      const skip = page.locator('a.skip-link');
      expect(await skip.evaluate((a) => a === document.activeElement)).toBe(true);
      const box = await skip.boundingBox();
      expect(box && box.y >= 0 && box.x >= 0).toBe(true);
      await page.keyboard.press('Enter');
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('content');
      await context.close();
    });
  });
}

/**
 * Test helpers for the built site: a static file server that serves it under a sub-path base (as a
 * project page would be), and headless Debian Chromium through playwright-core.
 */
import { createServer, type Server } from 'node:http';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

/** Serves `dir` at `base` (e.g. "/sbl/") on a free localhost port; everything else is 404. */
export async function serveStatic(dir: string, base: string): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    const path = decodeURIComponent((req.url ?? '/').split('?')[0]!);
    if (!path.startsWith(base)) {
      res.statusCode = 404;
      return res.end();
    }
    let file = normalize(join(dir, path.slice(base.length)));
    if (!file.startsWith(dir)) {
      res.statusCode = 403;
      return res.end();
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) {
      res.statusCode = 404;
      return res.end();
    }
    res.setHeader('content-type', TYPES[extname(file)] ?? 'application/octet-stream');
    res.end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}${base}`, server };
}

export const CHROMIUM = '/usr/bin/chromium';

export function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: run bash scripts/setup.sh (it installs Debian's chromium)`);
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
    ],
  });
}

/** Every page of a built site: routes relative to the base ("" for home, "ledger/", ...). */
export function builtRoutes(dir: string, sub = ''): string[] {
  const here = join(dir, sub);
  const out: string[] = [];
  if (existsSync(join(here, 'index.html'))) out.push(sub);
  for (const name of readdirSync(here)) {
    if (name.startsWith('_')) continue;
    if (statSync(join(here, name)).isDirectory()) out.push(...builtRoutes(dir, `${sub}${name}/`));
  }
  return out;
}

/** The built site served at `base` and one Chromium, for a describe block's tests (valid inside tests and hooks). */
export interface ServedSite {
  readonly browser: Browser;
  /** the site's URL, ending in the base */
  readonly url: string;
}

/**
 * Registers beforeAll/afterAll hooks that serve `outDir` at `base` and launch Chromium, and close
 * both afterwards; call it inside a describe block (or at the top of a suite function).
 */
export function useServedSite(outDir: string, base: string): ServedSite {
  let browser: Browser | undefined;
  let server: Server | undefined;
  let url = '';
  beforeAll(async () => {
    ({ server, url } = await serveStatic(outDir, base));
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    server?.close();
  });
  return {
    get browser(): Browser {
      if (!browser) throw new Error('useServedSite: the browser is only there inside tests and hooks');
      return browser;
    },
    get url(): string {
      return url;
    },
  };
}

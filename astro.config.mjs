// @ts-check
/**
 * The site (DESIGN.md, "The site"): Astro 5 + MDX, static output, pages under site/.
 * The site imports the library FROM SOURCE: `spikingbrain-lib` resolves to lib/index.ts (not the
 * compiled lib/dist that notebooks use), so a site build never depends on `npm run build:lib` and
 * always shows the current code. Vite rewrites the `.js` suffixes of relative imports inside
 * lib/*.ts to the .ts files because the importers are TypeScript.
 */
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { fileURLToPath } from 'node:url';
import remarkMath from 'remark-math';
import rehypeKatex from 'rehype-katex';
import { join } from 'node:path';

/**
 * Full-text search (issue 11): Pagefind indexes the built pages at the end of every `astro build`
 * (so `npm run build` gives site + index, offline); pages mark their main column data-pagefind-body.
 */
function pagefindIndex() {
  return {
    name: 'sbl-pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const pagefind = await import('pagefind');
        const site = fileURLToPath(dir);
        const { index, errors } = await pagefind.createIndex({});
        if (!index) throw new Error(`pagefind: ${errors.join('; ')}`);
        const added = await index.addDirectory({ path: site });
        if (added.errors.length) throw new Error(`pagefind: ${added.errors.join('; ')}`);
        const written = await index.writeFiles({ outputPath: join(site, 'pagefind') });
        if (written.errors.length) throw new Error(`pagefind: ${written.errors.join('; ')}`);
        await pagefind.close();
        logger.info(`pagefind: indexed ${added.page_count} pages into ${join(site, 'pagefind')}`);
      },
    },
  };
}

/**
 * A display equation wider than a phone scrolls inside its box (site/styles/math.css); a scrolling box
 * must be reachable by keyboard (axe scrollable-region-focusable), so each one takes the focus.
 */
function rehypeFocusableDisplayMath() {
  const visit = (node) => {
    if (node.type === 'element' && Array.isArray(node.properties?.className) && node.properties.className.includes('katex-display')) {
      node.properties.tabIndex = 0;
    }
    for (const child of node.children ?? []) visit(child);
  };
  return (tree) => visit(tree);
}

const libEntry = fileURLToPath(new URL('./lib/index.ts', import.meta.url));

export default defineConfig({
  output: 'static',
  srcDir: './site',
  publicDir: './site/public',
  // SBL_SITE_BASE serves the site from a sub-path (e.g. /spikingbrain-lab/); pages build their links
  // from import.meta.env.BASE_URL, and the browser tests build under a sub-path to prove it.
  base: (process.env.SBL_SITE_BASE || '/').replace(/\/?$/, '/'),
  outDir: process.env.SBL_SITE_OUT || './dist',
  trailingSlash: 'ignore',
  integrations: [mdx(), pagefindIndex()],
  // math typeset at build time ($...$, $$...$$ -> KaTeX HTML; no client JS); MDX inherits it
  markdown: {
    remarkPlugins: [remarkMath],
    rehypePlugins: [[rehypeKatex, { output: 'htmlAndMathml', strict: 'error' }], rehypeFocusableDisplayMath],
  },
  vite: {
    resolve: {
      // Exact match only: `spikingbrain-lib` -> lib/index.ts. (The npm workspace symlink
      // node_modules/spikingbrain-lib -> lib would otherwise resolve `main` = dist/index.js.)
      alias: [{ find: /^spikingbrain-lib$/, replacement: libEntry }],
    },
  },
});

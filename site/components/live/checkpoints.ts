/**
 * THE registry of the live page (issue 15): which committed checkpoints the page runs. Worker-only
 * (the `?url` imports make Vite copy each file into the built site, so it loads offline under any
 * base). To switch to other checkpoints (e.g. notebook 09's), change the manifest import and the two
 * `key`s (manifest entries; the file names follow from them) and the two `?url` paths to match.
 */
import manifest from '../../../data/checkpoints/manifest.json';
import hybridUrl from '../../../data/checkpoints/conv-hybrid.safetensors?url';
import baseUrl from '../../../data/checkpoints/base-fa.safetensors?url';

export const LIVE_MANIFEST = manifest;
export const LIVE_CHECKPOINTS = {
  hybrid: { key: 'conv-hybrid', url: hybridUrl, notebook: '07-train-convert-spike' },
  base: { key: 'base-fa', url: baseUrl, notebook: '07-train-convert-spike' },
} as const;

/**
 * The live page's checkpoints as files of the built site (issue 15). Worker-only: the `?url` imports make
 * Vite copy each file into the built site, so it loads offline under any base. The names come from the
 * library's registry (lib/live/models.ts); Vite needs literal paths, so the paths below repeat them and
 * the check underneath fails the build when they disagree.
 */
import manifest from '../../../data/checkpoints/09/manifest.json';
import hybridUrl from '../../../data/checkpoints/09/conv-hybrid-10pct.safetensors?url';
import baseUrl from '../../../data/checkpoints/09/base-fa.safetensors?url';
import { LIVE_MODELS } from '../../../lib/live/models';

export const LIVE_MANIFEST = manifest;
export const LIVE_CHECKPOINTS = {
  hybrid: { key: LIVE_MODELS.hybrid, url: hybridUrl, notebook: LIVE_MODELS.notebook },
  base: { key: LIVE_MODELS.base, url: baseUrl, notebook: LIVE_MODELS.notebook },
} as const;

for (const [key, url] of [
  [LIVE_MODELS.hybrid, hybridUrl],
  [LIVE_MODELS.base, baseUrl],
] as const) {
  const file = (manifest.checkpoints as Record<string, { file: string } | undefined>)[key]?.file;
  if (!file || !url.includes(file.replace(/\.safetensors$/, ''))) {
    throw new Error(
      `live checkpoints: ${key} is ${file ?? 'missing'} in data/checkpoints/${LIVE_MODELS.folder}/manifest.json but its ?url import is ${url}`,
    );
  }
}

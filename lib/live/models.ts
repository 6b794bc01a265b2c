/**
 * Which committed checkpoints the live page runs (issue 15): notebook 09's 1:1 GLA/SWA hybrid converted
 * from its full-attention base with 10 % of the base's tokens (the budget with the best recall,
 * notebook 09's budget curve), and that base. The page's worker (site/components/live/checkpoints.ts)
 * and the Node tests read these names, so they cannot drift apart.
 */
export const LIVE_MODELS = {
  /** folder under data/checkpoints/ holding the manifest and the files */
  folder: '09',
  hybrid: 'conv-hybrid-10pct',
  base: 'base-fa',
  notebook: '09-recall-conversion',
} as const;

/**
 * Words for what a token did (issue 15: the raster has a text summary): one sentence per layer and
 * one for the next-token distribution. Pure functions of a token report, shared by the page and its
 * browser test (which checks them against the Node run).
 */
import type { AttentionView, LayerMemory, LayerTokenStats, TokenReport } from '../../../lib/live/index.js';

const int = (v: number) => Math.round(v).toLocaleString('en-US');
export const pct = (v: number, d = 1) => `${(100 * v).toFixed(d)}\u00a0%`;

/** pJ as pJ / nJ. */
export function energyText(pj: number): string {
  return pj >= 1000 ? `${(pj / 1000).toFixed(2)}\u00a0nJ` : `${pj.toFixed(1)}\u00a0pJ`;
}

export function bytesText(b: number): string {
  return b >= 1024 ? `${(b / 1024).toFixed(1)}\u00a0KiB` : `${b}\u00a0B`;
}

export const KIND_LABEL: Record<string, string> = {
  gla: 'GLA (linear)',
  swa: 'SWA (sliding window)',
  full: 'full attention',
  hybrid: 'GLA + SWA',
};

/** What the layer's cache holds. */
export function memoryText(m: LayerMemory): string {
  if (m.kind === 'gla') return `GLA state ${bytesText(m.stateBytes)}, the same after every token`;
  if (m.kind === 'swa')
    return `window of ${m.window} tokens: sees positions ${m.windowStart}–${m.seen - 1}, holds ${m.kvTokens} keys (${bytesText(m.kvBytes)})`;
  if (m.kind === 'full') return `KV cache of ${m.kvTokens} tokens (${bytesText(m.kvBytes)}), growing by one each token`;
  return `GLA state ${bytesText(m.stateBytes)} and a window of ${m.window} tokens (${m.kvTokens} keys held)`;
}

/** One sentence for one layer: spikes, firing rate, silent channels, energy, cache. */
export function layerSummary(l: LayerTokenStats): string {
  return (
    `Layer ${l.layer}, ${KIND_LABEL[l.memory.kind] ?? l.memory.kind}: ${int(l.spikes)} spikes in ${int(l.slots)} slots ` +
    `(firing rate ${pct(l.firingRate)}), ${int(l.silentChannels)} of ${int(l.channels)} input channels silent; ` +
    `energy ${energyText(l.energy.spikingPj)} spiking vs ${energyText(l.energy.int8Pj)} INT8 vs ${energyText(l.energy.fp16Pj)} FP16; ` +
    `${memoryText(l.memory)}.`
  );
}

/** What a raster shows, in words. */
export function rasterSummary(r: { readers: string[]; T: number; channels: number; dense: number[] }): string {
  let pos = 0,
    neg = 0;
  for (const v of r.dense)
    if (v > 0) pos++;
    else if (v < 0) neg++;
  return `input of ${r.readers.join(', ')}: ${r.channels} channels over T = ${r.T} steps, ${pos} positive and ${neg} negative spikes`;
}

/** The next-token distribution with W8ASpike on and off. */
export function distributionSummary(rep: TokenReport, show: (id: number) => string): string {
  const d = rep.distribution;
  const top = (xs: { id: number; p: number }[]) => xs.map((t) => `${show(t.id)} ${pct(t.p)}`).join(', ');
  return (
    `With W8ASpike: ${top(d.on)}. Float: ${top(d.off)}. KL(float ‖ W8ASpike) = ${d.klOffOn.toExponential(2)} nats; ` +
    `total variation ${pct(d.totalVariation, 2)}; ${d.sameArgmax ? 'the same' : 'a different'} most likely token.`
  );
}

const MAP_KIND: Record<string, string> = { gla: 'GLA', swa: 'SWA', full: 'full attention' };

/**
 * The attention / decay map of one model in words: which layer/head retrieves (largest share of
 * |weight| within the radius of the needle's value) and what the other kind of layer puts there.
 */
export function attentionSummary(v: AttentionView, model: string): string {
  const r = v.retriever;
  if (v.needle === null)
    return `${model}: this prompt holds no needle (a # then a digit), so no layer is picked; the map shows where the last token looks.`;
  const back = v.query - v.needle;
  let text = r
    ? `${model}: layer ${r.layer} head ${r.head} (${MAP_KIND[r.kind]}) puts ${pct(r.near, 0)} of its weight within ${r.radius} ` +
      `tokens of the needle, ${back} tokens back.`
    : `${model}: no layer or head puts 1 % of its weight within ${v.radius} tokens of the needle, ${back} tokens back: none retrieves it.`;
  const swa = v.rows.filter((x) => x.kind === 'swa');
  if (swa.length) {
    const w = swa[0]!.window!;
    const best = Math.max(...swa.map((x) => x.near ?? 0));
    text +=
      back >= w
        ? ` Its SWA layers see only the last ${w} keys, so they put ${pct(best, 0)} there: only the GLA state can carry the needle.`
        : ` The needle is inside the SWA window of ${w} keys: the best SWA head puts ${pct(best, 0)} there.`;
  }
  return text;
}

/** A token as the reader should see it: spaces and newlines made visible. */
export function showToken(text: string): string {
  if (text === ' ') return '␣';
  if (text === '\n') return '⏎';
  if (text === '\t') return '⇥';
  return text;
}

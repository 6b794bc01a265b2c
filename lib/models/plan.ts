/**
 * What each block of a config is (report §2.2, Fig. 3): pure functions of the config, shared by the
 * model builder and the size/memory counts. Inter-layer hybrid (7B): attn_layers are softmax
 * (SWA, or full where full_attn_layers says), the rest GLA. Intra-layer hybrid (76B): every block is
 * LA + SWA, or LA + FA on full_attn_layers. FFN: MoE when num_experts > 0, except mlp_only_layers.
 */
import type { ModelConfig } from './config.js';

export type MixerKind = 'gla' | 'swa' | 'full' | 'gla+swa' | 'gla+full';
export type FFNKind = 'dense' | 'moe';

export interface BlockPlan {
  /** 0-based block index */
  index: number;
  mixer: MixerKind;
  ffn: FFNKind;
}

/** The softmax kind of block i: full attention if listed (or no sliding_window), else SWA. */
function softmaxKind(c: ModelConfig, i: number): 'swa' | 'full' {
  return c.sliding_window === null || c.full_attn_layers.includes(i) ? 'full' : 'swa';
}

export function blockPlan(c: ModelConfig): BlockPlan[] {
  return Array.from({ length: c.num_hidden_layers }, (_, i) => {
    const sm = softmaxKind(c, i);
    const mixer: MixerKind = c.hybrid === 'intra' ? (sm === 'full' ? 'gla+full' : 'gla+swa') : c.attn_layers.includes(i) ? sm : 'gla';
    const ffn: FFNKind = c.num_experts > 0 && !c.mlp_only_layers.includes(i) ? 'moe' : 'dense';
    return { index: i, mixer, ffn };
  });
}

/** Head dim K = V = hidden_size / num_attention_heads. */
export function headDim(c: ModelConfig): number {
  return c.hidden_size / c.num_attention_heads;
}

/** Keys an SWA query attends counting itself: sliding_window + 1 (flash-attn window_size = (w, 0) as in the reference). */
export function swaWindowKeys(c: ModelConfig): number | null {
  return c.sliding_window === null ? null : c.sliding_window + 1;
}

/** A one-line summary, e.g. "28 blocks: 14 gla, 14 swa; 28 dense FFN". */
export function describePlan(c: ModelConfig): string {
  const plan = blockPlan(c);
  const count = <K extends string>(ks: K[]) => {
    const m = new Map<K, number>();
    for (const k of ks) m.set(k, (m.get(k) ?? 0) + 1);
    return [...m].map(([k, n]) => `${n} ${k}`).join(', ');
  };
  return `${plan.length} blocks: ${count(plan.map((p) => p.mixer))}; ${count(plan.map((p) => p.ffn))} FFN`;
}

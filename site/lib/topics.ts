/**
 * The site's table of contents: one topic per experiment, with the notebooks that feed it, the
 * claim-id prefixes it owns and the report sections it explains. Home, ledger filters and explainer
 * pages all read this list, so a new topic appears everywhere at once.
 */
import type { Claim } from 'spikingbrain-lib';

export interface Topic {
  slug: string;
  title: string;
  /** one sentence: what the report says */
  claim: string;
  /** notebook stems whose data feed the page */
  notebooks: string[];
  /** claim ids starting with one of these belong to the topic */
  claimPrefixes: string[];
  /** report sections, figures and tables explained */
  sections: string;
}

export const TOPICS: Topic[] = [
  {
    slug: 'spike-coding',
    title: 'Spike coding',
    claim: 'Integer activations become binary, ternary or bitwise spike trains; ternary halves the steps, bitwise needs only a few.',
    notebooks: ['01-spike-coding'],
    claimPrefixes: ['coding.'],
    sections: '§3.3.2, Fig. 4, Fig. 10',
  },
  {
    slug: 'adaptive-threshold',
    title: 'Adaptive threshold and sparsity',
    claim: 'A per-token threshold mean(|x|)/k turns activations into counts with 69.15 % sparsity and 1.13 spikes per channel.',
    notebooks: ['02-adaptive-threshold'],
    claimPrefixes: ['spiking.'],
    sections: '§3.3.1, §5.5, Fig. 9, Table 11',
  },
  {
    slug: 'energy',
    title: 'Energy per operation',
    claim: 'A spike-driven MAC costs 0.034 pJ at 45 nm: 97.7 % less than FP16 and 85.2 % less than INT8.',
    notebooks: ['03-energy-model'],
    claimPrefixes: ['energy.'],
    sections: '§5.5, eq. 24',
  },
  {
    slug: 'moe-upcycling',
    title: 'MoE upcycling',
    claim: 'Copying a dense FFN into experts and scaling by α = (1/(S + k/N))^(1/3) keeps the output at initialisation.',
    notebooks: ['04-moe-upcycling'],
    claimPrefixes: ['moe.'],
    sections: '§3.2, eq. 15–18',
  },
  {
    slug: 'hybrid-attention',
    title: 'Hybrid attention and long context',
    claim:
      'Linear and sliding-window attention make prefill near-linear and decoding memory constant: 26.5× faster TTFT at 1M tokens, over 100× at 4M.',
    notebooks: ['06-long-context-efficiency'],
    claimPrefixes: ['ttft.', 'cpu.', 'arch.'],
    sections: '§2, §5.2–5.3, Table 7, Table 13, Fig. 6, Fig. 7',
  },
  {
    slug: 'conversion',
    title: 'Conversion from a trained model',
    claim:
      "Reusing a trained transformer's weights, a hybrid linear model is converted with about 2 % of the pre-training tokens, keeping most of the accuracy; the hybrid keeps needle recall inside its window.",
    notebooks: ['07-train-convert-spike', '09-recall-conversion'],
    claimPrefixes: ['conversion.', 'ablation.'],
    sections: '§3.1, Table 12, App. B (Tables 12–13)',
  },
  {
    slug: 'w8aspike',
    title: 'W8ASpike on real activations',
    claim:
      'INT8 weights and spiking activations cost about 1.8 % accuracy, with 69.15 % sparsity and 1.13 spikes per channel on the 7B model.',
    notebooks: ['07-train-convert-spike'],
    claimPrefixes: ['spiking.real.', 'w8aspike.', 'energy.real.'],
    sections: '§3.3, §5.5, Table 3, Table 11, Fig. 9',
  },
  {
    slug: 'report-audit',
    title: 'Benchmarks, training and hardware',
    claim:
      "With under 2 % of the tokens of its base, SpikingBrain keeps about 90 % of Qwen2.5's benchmark scores, trains stably for weeks on MetaX GPUs and runs there at 0.77–0.93× an A100.",
    notebooks: ['08-report-audit'],
    claimPrefixes: ['train.', 'bench.', 'metax.'],
    sections: 'Abstract, §4, §5.1, App. A, Tables 1–6, 8–10',
  },
  {
    slug: 'neuronchip',
    title: 'NeuronChip',
    claim: 'Third-party pages (not the report) give spike bandwidth, energy and latency figures for a neuromorphic chip.',
    notebooks: ['05-neuronchip'],
    claimPrefixes: ['neuronchip.'],
    sections: 'seed pages 000, 001; §5.5',
  },
];

/** A topic by slug; an unknown slug fails the build, naming the known ones. */
export function topicBySlug(slug: string): Topic {
  const t = TOPICS.find((x) => x.slug === slug);
  if (!t) throw new Error(`unknown topic "${slug}"; known: ${TOPICS.map((x) => x.slug).join(', ')}`);
  return t;
}

/** The topic owning a claim: the one with the longest matching prefix ('spiking.real.' beats 'spiking.'). */
export function topicOfClaim(id: string): Topic | undefined {
  let best: { topic: Topic; length: number } | undefined;
  for (const t of TOPICS)
    for (const p of t.claimPrefixes) if (id.startsWith(p) && p.length > (best?.length ?? -1)) best = { topic: t, length: p.length };
  return best?.topic;
}

export function claimsOfTopic<T extends Claim>(topic: Topic, claims: T[]): T[] {
  return claims.filter((c) => topicOfClaim(c.id) === topic);
}

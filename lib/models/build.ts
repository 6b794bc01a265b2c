/**
 * Builds the decoder blocks a config describes (report §2.2, Fig. 3), with the reference parameter
 * names (model.layers.{i}.attn.q_proj, .attn_norm, .mlp.gate_proj, …) and its initialisation: normal
 * (0, initializer_range), residual outputs (o_proj, down_proj) scaled by 1/sqrt(2 · layers), norms 1.
 */
import {
  AttentionLayer,
  DecoderBlock,
  GLALayer,
  MoE,
  ParallelHybridAttention,
  RMSNorm,
  SwiGLU,
  type GLALayerOptions,
  type AttentionLayerOptions,
  type Mixer,
  type ProjectionRuntime,
} from '../layers/index.js';
import type { ModelConfig } from './config.js';
import { blockPlan, swaWindowKeys } from './plan.js';

export function buildBlocks(c: ModelConfig, seed: number, runtime: ProjectionRuntime): DecoderBlock[] {
  const std = c.initializer_range;
  const outStd = std / Math.sqrt(2 * c.num_hidden_layers);
  const common = {
    hiddenSize: c.hidden_size,
    numHeads: c.num_attention_heads,
    numKvHeads: c.num_key_value_heads,
    std,
    outStd,
    seed,
    runtime,
  };
  const glaOptions = (name: string): GLALayerOptions => ({
    ...common,
    name,
    featureMap: c.la_feature_map,
    gate: c.la_gate,
    gateLowRankDim: c.gate_low_rank_dim,
    gateLogitNormalizer: c.gate_logit_normalizer,
    normEps: c.norm_eps,
    mode: c.attn_mode === 'fused_recurrent' ? 'recurrent' : 'chunk',
  });
  const softmaxOptions = (name: string, full: boolean): AttentionLayerOptions => ({
    ...common,
    name,
    window: full ? null : swaWindowKeys(c),
    ropeTheta: c.rope_theta,
    qkvBias: c.qkv_bias,
    numSinkTokens: c.num_sink_tokens,
  });
  return blockPlan(c).map(({ index: i, mixer, ffn }) => {
    const p = `model.layers.${i}`;
    let attn: Mixer;
    if (mixer === 'gla') attn = new GLALayer(glaOptions(`${p}.attn`));
    else if (mixer === 'swa' || mixer === 'full') attn = new AttentionLayer(softmaxOptions(`${p}.attn`, mixer === 'full'));
    else {
      const { name: _la, ...la } = glaOptions('');
      const { name: _sa, ...sa } = softmaxOptions('', mixer === 'gla+full');
      attn = new ParallelHybridAttention({ name: `${p}.attn`, la, sa });
    }
    const mlp =
      ffn === 'dense'
        ? new SwiGLU({
            name: `${p}.mlp`,
            hiddenSize: c.hidden_size,
            intermediateSize: c.intermediate_size,
            std,
            downStd: outStd,
            seed,
            runtime,
            downSpiking: c.w8aspike_down_proj,
          })
        : new MoE({
            name: `${p}.mlp`,
            hiddenSize: c.hidden_size,
            intermediateSize: c.moe_intermediate_size ?? c.intermediate_size,
            numExperts: c.num_experts,
            topK: c.num_experts_per_tok,
            numShared: c.num_shared_experts,
            routerActivation: c.router_activation,
            std,
            downStd: outStd,
            seed,
            runtime,
            downSpiking: c.w8aspike_down_proj,
          });
    return new DecoderBlock(
      p,
      new RMSNorm(`${p}.attn_norm`, c.hidden_size, c.norm_eps),
      attn,
      new RMSNorm(`${p}.mlp_norm`, c.hidden_size, c.norm_eps),
      mlp,
    );
  });
}

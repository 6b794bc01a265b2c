/**
 * Claim ids ../shared/EXPERIMENTS.md requires for the topics reproduced so far (and the issues'
 * real-model versions), kept here so a clone without ../shared still checks them.
 */
const k = ['k2', 'k2_5', 'k3', 'k3_5', 'k4'];

export const REQUIRED_CLAIMS: Record<string, string[]> = {
  '01-spike-coding': [
    'coding.steps_binary_256',
    'coding.steps_ternary_256',
    'coding.steps_bitwise_256',
    'coding.steps_bidirectional_256',
    'coding.ternary_halves_steps',
  ],
  '02-adaptive-threshold': [
    'spiking.sparsity_k3',
    'spiking.avg_spikes',
    'spiking.silent_channels',
    'spiking.within_7',
    'spiking.over_16',
    ...k.flatMap((x) => [`spiking.table11.${x}.sparsity`, `spiking.table11.${x}.within_7`]),
    'spiking.fig9.mean_spikes_vs_text',
  ],
  '03-energy-model': [
    'energy.fp16_mac_pj',
    'energy.int8_mac_pj',
    'energy.int8_add_pj',
    'energy.spike_mac_pj',
    'energy.reduction_vs_fp16_pct',
    'energy.reduction_vs_int8_pct',
    'energy.gain_vs_fp16_x',
    'energy.gain_vs_int8_x',
  ],
  '04-moe-upcycling': ['moe.alpha_s1_k1_n16'],
  '05-neuronchip': [
    'neuronchip.bits_per_layer',
    'neuronchip.kb_per_layer',
    'neuronchip.kb_per_token',
    'neuronchip.gbps_1000tps',
    'neuronchip.gbps_sparse',
    'neuronchip.ternary_sparsity_demo',
    'neuronchip.energy_gain',
    'neuronchip.memory_reduction',
    'neuronchip.latency_per_layer_ms',
  ],
  '06-long-context-efficiency': [
    'ttft.speedup_1m',
    'ttft.speedup_4m',
    'ttft.table13.speedup_64k',
    'ttft.table13.speedup_128k',
    'cpu.decode_speedup_64k',
    'cpu.decode_speedup_128k',
    'cpu.decode_speedup_256k',
    'arch.params_7b',
    'arch.state_bytes_7b',
    'arch.kv_bytes_qwen_1m',
    'ttft.fig6.speedup_4m_label',
    'ttft.table13.hybrid_ratio_window',
  ],
  '07-train-convert-spike': [
    ...['fa', 'swa', 'la', 'hybrid'].flatMap((v) => [`conversion.${v}.val_loss`, `conversion.${v}.needle_inside`, `conversion.${v}.needle_beyond`]),
    'spiking.real.sparsity_k3',
    'spiking.real.avg_spikes',
    'spiking.real.silent_channels',
    'spiking.real.within_7',
    'spiking.real.over_16',
    ...k.flatMap((x) => [`spiking.real.table11.${x}.sparsity`, `spiking.real.table11.${x}.within_7`]),
    'w8aspike.avg_drop_7b',
    'moe.upcycle_equivalence_real',
    'conversion.order',
    'w8aspike.real.trend_in_k',
  ],
};

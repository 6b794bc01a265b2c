/** Weight-owning blocks built on ops (report §2, §4): GLA, SWA and full-attention layers, FFN, MoE, hybrid blocks. */
export {};

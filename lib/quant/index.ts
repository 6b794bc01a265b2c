/** Quantization (report §3.3, W8ASpike): INT8 group-wise weights, spiking activations at linear inputs. */
export {};

/**
 * NeuronChip (seed pages 000, 001; report §3.3.2–3.3.3, §5.5): an event-driven accelerator
 * simulator on SpikeTrains, link encodings, the seed's bandwidth arithmetic and a recount over
 * every projection input of a SpikingBrain-7B layer.
 */
export * from './link.js';
export * from './simulator.js';
export * from './bandwidth.js';
export * from './projections.js';

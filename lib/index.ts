/**
 * spikingbrain-lib: the public barrel. Notebooks, the site and tests import from here.
 * Grouped by folder; this file is the library's table of contents.
 */

// spike/: float -> integer counts (adaptive threshold) -> spike trains (report §3.3)
export {
  absCountHistogram, adaptiveThresholdSpikes, assertBitPlanes, assertMatrix, assertScheme, bitLength,
  bitwiseToWeights, checkSpikeK, defaultSteps, denseMatmul, encodeSpikes, isBitwise, isSigned, MAX_ABS_COUNT,
  MAX_BITWISE_T, MAX_RATE_T, meanAbsCount, naiveDecode, naiveEncode, roundHalfEven, shareWithin,
  silentChannelFraction, SPIKE_SCHEMES, spikeMatmul, spikeMatmulBitwiseWeights, spikeSparsity, stepsByScheme,
  stepsForLevels, stepsNeeded, stepWeights, VTH_MAX, VTH_MIN, weightToBitwise, zeroFraction, zeroPointShift,
  type AdaptiveSpikes, type EncodeOptions, type Matrix, type ShiftedCounts, type SpikeMatmulResult, type SpikeScheme,
  type SpikeTrain, type WeightBitPlanes
} from './spike/index.js';

// analysis/: sparsity definitions and reference distributions (report §5.5, Table 11)
export {
  contains, describeReference, farWeightShare, fig9Readings, glaAttentionMap, impliedSpikesPerChannel, impliedWindow,
  includesChance, kSweep, REFERENCE_DISTRIBUTIONS, referenceActivations, REPORT_FIG9, REPORT_SPIKING_7B,
  REPORT_TABLE11, REPORT_TABLE11_ACCURACY, roundingInterval, roundingTolerance, softmaxAttentionMap,
  spikingStatistics, windowSparsity, windowSparsityInterval, windowSpikeShares, windowSpikeSharesFromHistogram,
  type AttentionMapInput, type Fig9Readings, type Interval, type KSweepRow, type ReferenceDistribution,
  type ReferenceOptions, type SpikingStatistics
} from './analysis/index.js';

// energy/: energy and op-count model with cited constants (report §5.5, eq. 24)
export {
  compareMacEnergy, FP16_MAC, gainFromReduction, HOROWITZ_45NM, INT8_ADD, INT8_MAC, macEnergyWithFetch,
  spikingMacEnergy, SRAM_READ_PER_BYTE, type EnergyComparison, type EnergyConstant, type FetchOptions
} from './energy/index.js';

// ops/: stateless tensor functions (tfjs): softmax / sliding-window attention, gated linear attention
export {
  chunkLogSpan, gatedLinearAttention, glaChunk, glaRecurrent, MAX_CHUNK_LOG_SPAN, naiveGla, naiveSoftmaxAttention,
  softmaxAttention, type GlaOptions, type GlaResult, type NaiveAttentionDims, type NaiveAttentionOptions,
  type NaiveGlaDims, type NaiveGlaOptions, type SoftmaxAttentionOptions
} from './ops/index.js';

// layers/: weight-owning blocks built on ops (GLA, SWA, full attention, FFN, MoE, hybrids)
export {
  applyRope, AttentionLayer, causalWindowMask, constantVariable, DecoderBlock, defaultRuntime, disposeLayerCache,
  GLALayer, KVCache, Linear, logSigmoid, matMul2D, mergeHeads, MoE, normalVariable, ParallelHybridAttention,
  RecurrentCache, repeatKv, RMSNorm, rmsNorm, ropeTables, seedFor, sinkAttention, splitHeads, SwiGLU, upcycleSwiGLU,
  type AttentionLayerOptions, type FeedForward, type GLALayerOptions, type InitOptions, type Layer, type LayerCache,
  type LinearOptions, type Mixer, type MoEOptions, type NamedVariable, type ParallelHybridOptions,
  type ProjectionHook, type ProjectionRuntime, type SinkAttentionOptions, type SwiGLUOptions,
  type UpcycleSwiGLUOptions
} from './layers/index.js';

// models/: configs with the reference field names, presets, the model stack, decoding with caches
export {
  accumulateGradients, blockPlan, buildBlocks, checkFits, chooseMicroBatch, configFromJSON, configToJSON, DEFAULT_CONFIG, describePlan, embedLookup,
  embedOneHot, estimateForwardBytes, estimateTrainStepBytes, greedyDecode, headDim, inferenceStateBytes,
  kvCacheBytes, loadSafetensors, loadStateDict, memoryLimitBytes, mixerParameters, ModelCache, modelFromSafetensors,
  nextTokenBatch, parameterCount, PRESETS, qwen25_7BConfig, recurrentStateBytes, resolveConfig, saveSafetensors,
  smallConfig, spikingBrain76BConfig, spikingBrain7BConfig, SpikingBrainModel, stateDict, swaWindowKeys, tinyConfig,
  tinyFullAttentionConfig, tinyIntraConfig, trainStep, validateConfig, WASM_HEAP_LIMIT_BYTES, type BlockPlan,
  type FFNKind, type ForwardOptions, type LoadReport, type MemoryOptions, type MixerKind, type ModelConfig,
  type ModelOptions, type ParameterCount, type PresetName, type SaveOptions, type TokenIds, type TrainStepOptions
} from './models/index.js';

// quant/: INT8 group-wise weights and W8ASpike spiking activations
export {
  absRowSumTorchOrder, adaptiveSpikesTensor, dequantizeInt8, INT8_CLAMP_MAX, INT8_CLAMP_MIN, INT8_GROUP_SIZE,
  INT8_QMAX, INT8_SCALE_MAX, INT8_SCALE_MIN, quantizeInt8GroupWise, SpikeStatsCollector, spikeStraightThrough,
  w8aspikeLinear, type AdaptiveSpikesTensor, type AdaptiveSpikesTensorOptions, type Int8GroupWeights,
  type SpikeStatsCollectorOptions, type SpikeStatsSummary, type SumOrder, type W8ASpikeLinearOptions
} from './quant/index.js';

// io/: safetensors weights with the reference parameter names
export {
  bfloat16BitsToFloat32, bfloat16ToFloat32, decodeSafetensors, encodeSafetensors, float16BitsToFloat32,
  float16ToFloat32, float32ToBfloat16, float32ToBfloat16Bits, float32ToFloat16, float32ToFloat16Bits,
  SAFETENSORS_DTYPES, SAFETENSORS_MAX_HEADER, tensorsFromTf, toTfTensors, type FloatSafetensorsDtype,
  type SafetensorsData, type SafetensorsDtype, type SafetensorsFile, type SafetensorsTensor
} from './io/index.js';

// layers/moe-naive.ts: the MoE's float64 reference and eq. 18's upcycling scale (report §3.2, eq. 15-18)
export {
  moeAmplification, randomRouter, randomSwiGLU, ROUTED_WEIGHTS, ROUTER_ACTIVATIONS, scaleSwiGLU, silu, swiglu,
  UPCYCLE_SCALINGS, upcycleAlpha, upcycledMoE, upcycleFactors, type RoutedWeights, type RouterActivation,
  type SwiGLUWeights, type UpcycleOptions, type UpcycleScaling
} from './layers/moe-naive.js';
// models/upcycle.ts: MoE upcycling of a trained dense model, its equivalence check and expert load
export {
  expertLoad, ffnInputs, upcycleEquivalence, upcycleModel, type EquivalenceRow, type UpcycleModelOptions
} from './models/upcycle.js';

// efficiency/: scaling-curve fits, cost model and the report's efficiency figures (report §5.2-5.3)
export {
  activeMatmulParameters, decodeBytes, decodeFlops, evalPolynomial, fitPolynomial, fitPowerLaw, H100_SXM,
  llama32_1BConfig, powerLawPredictionInterval, predictPowerLaw, prefillFlops, qwen3_1_7BConfig,
  qwen3_1_7BHybridConfig, REPORT_FIG6, REPORT_FIG7, REPORT_TABLE13, REPORT_TABLE7, rooflineSeconds,
  spikingBrain1BAssumedConfig, studentT975, timeDecode, timePrefill, timingStats, type CostBreakdown,
  type CostOptions, type DecodeTiming, type Hardware, type PowerLawFit, type TimingOptions, type TimingStats
} from './efficiency/index.js';

// neuronchip/: event-driven accelerator simulator (seed pages 000, 001)
export {
  assertLinkEncoding, assertShape, bitsForStates, bitsPerCount, bitsPerEvent, bitsPerSlot, bitsToKibibytes,
  bitsToKilobytes, gigabitsPerSecond, LAYER_KINDS, layerKinds, LINK_ENCODINGS, linkBits, macsPerToken,
  neuronsPerLayer, neuronsPerToken, projectionInputs, projectionRows, SEED_LINK_INPUTS, seedLayerInputs,
  seedLinkFigures, simulateNeuronChip, slotLevels, spikeLinkBits, SPIKINGBRAIN_7B_SHAPE, summarizeChipRun,
  type ChipRunSummary, type LayerKind, type LayerShape, type LinkEncoding, type LinkTraffic, type NeuronChipResult,
  type ProjectionInput, type ProjectionRow, type RecountOptions, type SeedLinkFigures, type SeedLinkInputs,
  type SpikeLinkShape
} from './neuronchip/index.js';
// report/: the report's numbers with their location, and checks of them (notebook 08)
export {
  ABLATION_SETUP, ablationClaims, ARCH_76B, ARCH_7B, architectureClaims, averageReadings, benchmarkClaims,
  bitwiseReductionReadings, budgetRange, columnAverages, columnOf, CPT, decodeDrawnTrain, efficiencyClaims, FIG10,
  FIG4, FIG7_LABELS, halfUnit, hybridEquivalentWindow, improvedIndices, laEquivalentWindow, marksAgreeing, meanOf,
  METAX_TRAINING, metaxRatios, nonDecreasing, nonIncreasing, recoveryPct, relativeDropPct, REPORT_COVERAGE, rowOf,
  SFT, sourceOf, speedupReadings, spikingClaims, TABLE1, TABLE10, TABLE11_ACCURACY, TABLE11_SPARSITY, TABLE12,
  TABLE13, TABLE2, TABLE3, TABLE4, TABLE5, TABLE6, TABLE7, TABLE8, table8Latency, TABLE9, TEXT_5_1, TEXT_5_2,
  TEXT_5_5, TEXT_A7, TEXT_BITWISE, TEXT_MEAN_ABS, TOPOLOGY, trainingClaims, uncoveredItems, type CoverageItem,
  type DrawnTrain, type LatencyCell, type MarkedTable, type ReportLocation, type ScoreTable, type Table12Row,
  type Table13Row
} from './report/index.js';

// results/: data-file envelope, schema, rounding, the claims ledger
export {
  assertEnvelope, CHECK_RULES, checkPasses, claim, CLAIM_STATUSES, claimsMarkdown, compareClaims, judgeStatus,
  markdownCell, markdownTable, roundDeep, roundTo, stripVolatile, validateClaim, validateEnvelope, wilsonInterval,
  type Align, type Claim, type ClaimCheck, type ClaimInput, type ClaimStatus, type DataEnvelope, type RunMode
} from './results/index.js';

// plots/: figure functions on plain rows (Observable Plot)
export {
  attentionHeatmap, groupedHistogram, HEATMAP_COLOURS, integerTicks, linesBySeries, rasterRows, recallHeatmap, SPIKE_COLOURS,
  spikeRaster, type HeatmapOptions, type HistogramOptions, type HistogramRow, type LinesOptions, type RasterOptions,
  type RasterRow, type RecallCell, type RecallHeatmapOptions, type SeriesRow
} from './plots/index.js';

// util/: seeded random numbers and bit helpers
export { mulberry32, uniformIntegers, normalSamples, type Rng } from './util/random.js';
export { popcount32 } from './util/bits.js';
export { median, maxRelativeDeviation } from './util/stats.js';
export { checkInteger, checkNumber, checkOneOf, checkObject } from './util/validate.js';

// text/: the Brown corpus without tags, its fixed split, a byte-level tokenizer, token windows
export {
  ByteTokenizer, evaluationWindows, joinDocuments, parseBrownCategories, splitCorpus, stripBrownTags, trainingBatch,
  type BrownDocument, type CorpusSplit, type TokenizerJSON
} from './text/index.js';

// training/: training loop, evaluation, checkpoints, conversion, needle recall, real-activation spiking, MoE upcycling
export {
  answerWeights, checkpointEntry, convertModel, cosineLearningRate, evaluateLoss, formatProgress, measureSpiking,
  passkeyPrompts, passkeyRecall, perplexity, projectionType, scoreSniah, sha256Hex, SNIAH_KEY_SETS, SNIAH_VARIANTS,
  sniahClaim, sniahDocument, sniahDocuments, sniahGrid, sniahKeyNames, sniahMinLength, sniahPooled, sniahText,
  sniahTrainingBatch, sniahTrainingExamples, TABLE12_SNIAH, trainLoop, verifyCheckpoint, weightedLoss,
  weightedTrainStep, SNIAH_FORMATS, sniahHaystack, sniahAnswerLoss, sniahCurriculumMax, trainSniah,
  type SniahFormat, type SniahTrainOptions, type SniahTrainResult, type CheckpointEntry, type CheckpointManifest, type Conversion, type CosineSchedule,
  type CountStats, type PasskeyOptions, type PasskeyPrompt, type Progress, type RealSpikingResult, type SniahCell,
  type SniahClaimOptions, type SniahDocument, type SniahDocumentOptions, type SniahGrid, type SniahGridOptions,
  type SniahKeys, type SniahMixtureOptions, type SniahScore, type SniahSetOptions, type SniahVariant,
  type TrainLoopOptions, type TrainLoopResult
} from './training/index.js';

// live/: token-by-token decoding with spike statistics, energy and caches per layer (the live page)
export {
  klDivergence, layerMemory, layerTokenStats, LIVE_DEFAULT_PROMPT, LIVE_FILLER, LIVE_MODELS, LIVE_SCHEME, liveExamples, LiveSession,
  parseProjectionName, projectionTokenStats, softmaxRow, tokenEnergy, topK, totalVariation, type LayerMemory,
  type LayerTokenStats, type LiveExample, type LiveLayerKind, type LiveSessionOptions, type ProjectionTokenStats,
  type Raster, type TokenEnergy, type TokenReport, type TopToken
} from './live/index.js';

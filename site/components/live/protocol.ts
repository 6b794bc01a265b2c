/**
 * Messages between the live page and its worker (issue 15). The worker owns tfjs and the models; the
 * page only draws what each token report says, so its main thread never runs a kernel.
 */
import type { AttentionView, LiveExample, TokenReport } from '../../../lib/live/index';

export type BackendChoice = 'auto' | 'webgpu' | 'webgl' | 'wasm' | 'cpu';

export type ToWorker =
  | { type: 'load'; backend: BackendChoice }
  | { type: 'generate'; prompt: string; tokens: number; w8aspike: boolean }
  | { type: 'w8aspike'; on: boolean }
  | { type: 'stop' };

export interface ModelInfo {
  key: string;
  description: string;
  validationLoss: number;
  bytes: number;
  parameters: number;
}

export type FromWorker =
  | { type: 'status'; text: string }
  | {
      type: 'ready';
      backend: string;
      tried: string[];
      hybrid: ModelInfo;
      base: ModelInfo;
      layerKinds: string[];
      window: number | null;
      loadMs: number;
    }
  | { type: 'token'; index: number; text: string; promptTokens: number; report: TokenReport }
  | { type: 'attention'; w8aspike: boolean; hybrid: AttentionView; base: AttentionView | null; ms: number }
  | { type: 'done'; reason: 'complete' | 'stopped' | 'context full'; generated: number }
  | { type: 'error'; message: string };

export type { AttentionView, LiveExample, TokenReport };

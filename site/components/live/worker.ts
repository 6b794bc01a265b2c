/**
 * The live page's worker (issue 15): loads tfjs and the checkpoints of the registry when the reader
 * asks, checks each file against its manifest sha256, and decodes token by token with lib/live's
 * session, posting one report per token. Backends in order: webgpu (tried only when navigator.gpu
 * exists), webgl (unless the CPU draws it), then wasm; `?backend=` on the page forces one. The wasm
 * binaries come from the built site (setWasmPaths), so the page works offline.
 */
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
// static, not import(): the site builds workers as one file (worker.format iife), so a dynamic import cannot split;
// registering a backend only records its factory, which runs when setBackend('webgpu') asks for it
import '@tensorflow/tfjs-backend-webgpu';
import wasmPlain from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreaded from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import { LiveSession } from '../../../lib/live/session';
import { ByteTokenizer } from '../../../lib/text/tokenizer';
import { verifyCheckpoint, type CheckpointEntry } from '../../../lib/training/checkpoint';
import { LIVE_CHECKPOINTS, LIVE_MANIFEST } from './checkpoints';
import type { BackendChoice, FromWorker, ModelInfo, ToWorker } from './protocol';

const post = (m: FromWorker) => (self as unknown as Worker).postMessage(m);
const tok = new ByteTokenizer();
let session: LiveSession | null = null;
let running = false;
let stopRequested = false;

setWasmPaths({
  'tfjs-backend-wasm.wasm': wasmPlain,
  'tfjs-backend-wasm-simd.wasm': wasmSimd,
  'tfjs-backend-wasm-threaded-simd.wasm': wasmThreaded,
});

/** The webgpu backend is registered by its import above; it starts only when navigator.gpu exists. */
async function webgpuAvailable(): Promise<string | null> {
  if (!(navigator as { gpu?: unknown }).gpu) return 'navigator.gpu is missing (no WebGPU in this browser)';
  return null;
}

/**
 * The renderer behind WebGL when the CPU draws it (SwiftShader, llvmpipe: a browser without a usable
 * GPU). tfjs on such a context decoded 2 tokens in about 50 s here, far slower than wasm, so the
 * automatic order skips it; `?backend=webgl` still forces it.
 */
function softwareWebgl(): string | null {
  try {
    const gl = new OffscreenCanvas(1, 1).getContext('webgl2') as WebGL2RenderingContext | null;
    if (!gl) return null; // no context at all: setBackend says so
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    const renderer = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
    return /swiftshader|llvmpipe|softpipe|software/i.test(renderer) ? renderer : null;
  } catch {
    return null;
  }
}

async function pickBackend(choice: BackendChoice): Promise<{ backend: string; tried: string[] }> {
  // auto: webgpu, then webgl, then wasm; a forced GPU backend that cannot start falls back to wasm and says so
  const order =
    choice === 'auto' ? ['webgpu', 'webgl', 'wasm', 'cpu'] : choice === 'webgpu' || choice === 'webgl' ? [choice, 'wasm'] : [choice];
  const tried: string[] = [];
  for (const name of order) {
    try {
      const missing = name === 'webgpu' ? await webgpuAvailable() : null;
      if (missing) {
        tried.push(`webgpu: ${missing}`);
        continue;
      }
      const software = name === 'webgl' && choice === 'auto' ? softwareWebgl() : null;
      if (software) {
        tried.push(`webgl: drawn by the CPU (${software}), slower than wasm`);
        continue;
      }
      if (await tf.setBackend(name)) {
        await tf.ready();
        // a backend that initialises but cannot run a kernel (webgl without a GPU context) is skipped
        tf.tidy(() => tf.add(tf.scalar(1), tf.scalar(1)).dataSync());
        return { backend: tf.getBackend(), tried };
      }
      tried.push(`${name}: not available`);
    } catch (e) {
      tried.push(`${name}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  throw new Error(`no tfjs backend started (${tried.join('; ')})`);
}

function entry(key: string): CheckpointEntry {
  const e = (LIVE_MANIFEST.checkpoints as Record<string, CheckpointEntry>)[key];
  if (!e) throw new Error(`checkpoint "${key}" is not in the manifest`);
  return e;
}

async function fetchChecked(key: string, url: string): Promise<Uint8Array> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${key}: HTTP ${res.status} for ${url}`);
  const bytes = new Uint8Array(await res.arrayBuffer());
  verifyCheckpoint(entry(key), bytes);
  return bytes;
}

async function load(choice: BackendChoice): Promise<void> {
  const t0 = performance.now();
  post({ type: 'status', text: 'Starting tfjs…' });
  const { backend, tried } = await pickBackend(choice);
  post({ type: 'status', text: `Backend ${backend}: fetching the checkpoints…` });
  const { hybrid, base } = LIVE_CHECKPOINTS;
  const [hb, bb] = await Promise.all([fetchChecked(hybrid.key, hybrid.url), fetchChecked(base.key, base.url)]);
  post({ type: 'status', text: `Backend ${backend}: building the models…` });
  session?.dispose();
  session = LiveSession.fromSafetensors(hb, bb, { topK: 5 });
  const info = (key: string, params: number): ModelInfo => {
    const e = entry(key);
    return { key, description: e.description, validationLoss: e.validationLoss, bytes: e.bytes, parameters: params };
  };
  const s = session;
  const kinds = s.start([tok.id('.')]).layers.map((l) => l.memory.kind);
  post({
    type: 'ready',
    backend,
    tried,
    layerKinds: kinds,
    window: s.config.sliding_window,
    hybrid: info(hybrid.key, s.parameterCounts().hybrid),
    base: info(base.key, s.parameterCounts().base),
    loadMs: performance.now() - t0,
  });
}

const yieldToMessages = () => new Promise<void>((r) => setTimeout(r, 0));

async function generate(prompt: string, tokens: number, w8aspike: boolean): Promise<void> {
  if (!session) throw new Error('the model is not loaded');
  if (running) throw new Error('already generating');
  const ids = tok.encode(prompt);
  running = true;
  stopRequested = false;
  session.w8aspike = w8aspike;
  let generated = 0;
  let reason: 'complete' | 'stopped' | 'context full' = 'complete';
  try {
    let report = session.start(ids);
    for (;;) {
      post({ type: 'token', index: generated, text: tok.decode([report.next]), promptTokens: ids.length, report });
      if (generated === 0) {
        // the maps of the prompt's last token (the query that answers), once per prompt, here and not on the page
        const t0 = performance.now();
        const v = session.attention();
        post({ type: 'attention', w8aspike: session.w8aspike, hybrid: v.hybrid, base: v.base, ms: performance.now() - t0 });
      }
      generated++;
      if (generated >= tokens) break;
      await yieldToMessages();
      if (stopRequested) {
        reason = 'stopped';
        break;
      }
      if (session.context.length >= session.maxContext) {
        reason = 'context full';
        break;
      }
      report = session.step();
    }
  } finally {
    running = false;
  }
  post({ type: 'done', reason, generated });
}

self.addEventListener('message', (ev: MessageEvent<ToWorker>) => {
  const m = ev.data;
  const fail = (e: unknown) => post({ type: 'error', message: e instanceof Error ? e.message : String(e) });
  if (m.type === 'load') load(m.backend).catch(fail);
  else if (m.type === 'generate') generate(m.prompt, m.tokens, m.w8aspike).catch(fail);
  else if (m.type === 'w8aspike') {
    if (session) session.w8aspike = m.on;
  } else if (m.type === 'stop') stopRequested = true;
});

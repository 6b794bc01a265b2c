/**
 * The live page's main-thread code (issue 15): a custom element that starts the worker only when the
 * reader presses Generate, sends it the prompt, and draws each token report (token strip, next-token
 * distribution with W8ASpike on and off, per-layer spike rasters with text summaries, energy, caches).
 * No tfjs here: the page's on-load JavaScript stays small, and no kernel runs on the main thread.
 */
import { showAttention } from './attention-map';
import { drawRaster } from './raster';
import type { BackendChoice, FromWorker, ToWorker, TokenReport } from './protocol';
import { bytesText, distributionSummary, energyText, KIND_LABEL, layerSummary, memoryText, pct, rasterSummary, showToken } from './summary';

const BACKENDS: BackendChoice[] = ['auto', 'webgpu', 'webgl', 'wasm', 'cpu'];
const h = <K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, text?: string): HTMLElementTagNameMap[K] => {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  if (text !== undefined) el.textContent = text;
  return el;
};

class LiveModel extends HTMLElement {
  private worker: Worker | null = null;
  private ready = false;
  private generating = false;
  private reports: TokenReport[] = [];
  private texts: string[] = [];
  private selected = -1;
  private frame = 0;
  /** counts raster paints: a newer token report stops the layers an older one had not painted yet */
  private rasterJob = 0;
  private maps: Extract<FromWorker, { type: 'attention' }> | null = null;
  private colours: { bg: [number, number, number]; pos: [number, number, number]; neg: [number, number, number] } | null = null;

  connectedCallback(): void {
    const form = this.querySelector('form')!;
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      this.generate();
    });
    this.button('stop').addEventListener('click', () => this.send({ type: 'stop' }));
    const example = form.elements.namedItem('example') as HTMLSelectElement;
    example.addEventListener('change', () => {
      const opt = example.selectedOptions[0];
      if (opt?.dataset.text !== undefined) (form.elements.namedItem('prompt') as HTMLTextAreaElement).value = opt.dataset.text;
    });
    addEventListener('resize', () => this.maps && showAttention(this, this.maps));
    const toggle = form.elements.namedItem('w8aspike') as HTMLInputElement;
    toggle.addEventListener('change', () => {
      this.send({ type: 'w8aspike', on: toggle.checked });
    });
  }

  private out(name: string): HTMLElement {
    return this.querySelector<HTMLElement>(`[data-out="${name}"]`)!;
  }

  private button(act: string): HTMLButtonElement {
    return this.querySelector<HTMLButtonElement>(`button[data-act="${act}"]`)!;
  }

  private send(m: ToWorker): void {
    this.worker?.postMessage(m);
  }

  private fail(message: string): void {
    const err = this.out('error');
    err.textContent = message;
    err.hidden = false;
    this.setGenerating(false);
  }

  private setGenerating(on: boolean): void {
    this.generating = on;
    this.button('generate').disabled = on;
    this.button('stop').disabled = !on;
    this.setAttribute('aria-busy', String(on));
  }

  private backendChoice(): BackendChoice {
    const raw = new URLSearchParams(location.search).get('backend') ?? 'auto';
    if (!BACKENDS.includes(raw as BackendChoice)) throw new RangeError(`?backend= must be one of ${BACKENDS.join(', ')}; got "${raw}"`);
    return raw as BackendChoice;
  }

  private generate(): void {
    if (this.generating) return;
    this.out('error').hidden = true;
    const form = this.querySelector('form')!;
    const prompt = (form.elements.namedItem('prompt') as HTMLTextAreaElement).value;
    const tokensRaw = (form.elements.namedItem('tokens') as HTMLInputElement).value.trim();
    const tokens = Number(tokensRaw);
    if (!Number.isInteger(tokens) || tokens < 1 || tokens > 64)
      return this.fail(`Tokens to generate must be an integer in [1, 64], got "${tokensRaw}"`);
    if (prompt.length === 0) return this.fail('The prompt is empty: type some text or pick an example.');
    if (new TextEncoder().encode(prompt).length > 900)
      return this.fail('The prompt must be at most 900 bytes (the models see 1,024 tokens).');
    let backend: BackendChoice;
    try {
      backend = this.backendChoice();
    } catch (e) {
      return this.fail((e as Error).message);
    }
    const w8aspike = (form.elements.namedItem('w8aspike') as HTMLInputElement).checked;
    this.setGenerating(true);
    this.reports = [];
    this.maps = null;
    delete this.dataset.attention;
    this.texts = [];
    this.selected = -1;
    this.out('tokens').replaceChildren();
    this.drawPrompt(prompt);
    const go = () => this.send({ type: 'generate', prompt, tokens, w8aspike });
    if (this.ready) return go();
    this.out('status').textContent = 'Loading tfjs and the models (about 3.4 MB of weights)…';
    this.worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
    this.worker.addEventListener('error', (e) => this.fail(`the worker failed: ${e.message || 'could not start'}`));
    this.worker.addEventListener('message', (ev: MessageEvent<FromWorker>) => this.receive(ev.data, go));
    this.send({ type: 'load', backend });
  }

  private receive(m: FromWorker, onReady: () => void): void {
    if (m.type === 'status') this.out('status').textContent = m.text;
    else if (m.type === 'error') this.fail(m.message);
    else if (m.type === 'ready') {
      this.ready = true;
      this.dataset.backend = m.backend;
      this.out('backend').textContent = `${m.backend}${m.tried.length ? ` (tried first: ${m.tried.join('; ')})` : ''}`;
      this.out('status').textContent =
        `Loaded in ${(m.loadMs / 1000).toFixed(1)} s: ${m.hybrid.key} (${m.hybrid.parameters.toLocaleString('en-US')} parameters, validation loss ${m.hybrid.validationLoss.toFixed(3)}) and ${m.base.key} (validation loss ${m.base.validationLoss.toFixed(3)}).`;
      onReady();
    } else if (m.type === 'token') this.addToken(m.text, m.report);
    else if (m.type === 'attention') {
      this.maps = m;
      requestAnimationFrame(() => showAttention(this, m));
    } else if (m.type === 'done') {
      this.setGenerating(false);
      this.dataset.generated = String(m.generated);
      this.out('status').textContent =
        `Generated ${m.generated} token${m.generated === 1 ? '' : 's'}${m.reason === 'complete' ? '' : ` (${m.reason})`}.`;
    }
  }

  private drawPrompt(prompt: string): void {
    const strip = this.out('tokens');
    const p = h('span', { class: 'prompt' }, prompt);
    strip.append(p);
  }

  private addToken(text: string, rep: TokenReport): void {
    const i = this.reports.length;
    this.reports.push(rep);
    this.texts.push(text);
    const b = h(
      'button',
      {
        type: 'button',
        class: 'tok',
        'data-id': String(rep.next),
        'aria-pressed': 'false',
        'aria-label': `token ${i + 1}: ${JSON.stringify(text)}`,
      },
      showToken(text),
    );
    b.addEventListener('click', () => this.select(i));
    this.out('tokens').append(b);
    this.select(i);
  }

  /** Shows token i's report: drawn once per animation frame, however fast the tokens arrive. */
  private select(i: number): void {
    const prev = this.querySelector(`.tok[aria-pressed="true"]`);
    prev?.setAttribute('aria-pressed', 'false');
    this.querySelectorAll('.tok')[i]?.setAttribute('aria-pressed', 'true');
    this.selected = i;
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.drawReport(this.reports[this.selected]!, this.selected);
    });
  }

  private drawReport(rep: TokenReport, i: number): void {
    const t0 = performance.now();
    const show = (id: number) => JSON.stringify(showToken(String.fromCharCode(id)));
    this.out('which').textContent =
      `token ${i + 1} (position ${rep.position + 1} → chose ${show(rep.next)}), W8ASpike ${rep.w8aspike ? 'on' : 'off'}`;
    // distribution table
    const rows = rep.distribution.on.map((t, k) => {
      const off = rep.distribution.off[k]!;
      const tr = h('tr');
      tr.append(
        h('td', {}, String(k + 1)),
        h('td', {}, show(t.id)),
        h('td', {}, pct(t.p)),
        h('td', {}, show(off.id)),
        h('td', {}, pct(off.p)),
      );
      return tr;
    });
    this.out('dist').replaceChildren(...rows);
    this.out('dist-summary').textContent = distributionSummary(rep, show);
    this.out('energy').textContent =
      `This token's projections: ${energyText(rep.energy.spikingPj)} with spikes (eq. 24) vs ${energyText(rep.energy.int8Pj)} INT8 (${(rep.energy.int8Pj / rep.energy.spikingPj).toFixed(1)}×) vs ${energyText(rep.energy.fp16Pj)} FP16 (${(rep.energy.fp16Pj / rep.energy.spikingPj).toFixed(1)}×). Hybrid caches ${bytesText(rep.hybridCacheBytes)}; step ${rep.ms.toFixed(0)} ms.`;
    this.drawLayers(rep);
    const b = rep.base;
    this.out('base').textContent = b
      ? `Full-attention base on the same ${rep.context} tokens: ${memoryText(b.layers[0]!)} in each of its ${b.layers.length} layers, ${bytesText(b.kvBytes)} in all (the hybrid: ${bytesText(rep.hybridCacheBytes)}). Its most likely next tokens: ${b.top.map((t) => `${show(t.id)} ${pct(t.p)}`).join(', ')}.`
      : '';
    this.dataset.selected = String(i);
    // the main thread's work per token, for the browser test to report (performance.getEntriesByName)
    performance.measure('live-draw', { start: t0 });
  }

  /** Layer panels, built on the first token and updated in place after (no new elements per token). */
  private drawLayers(rep: TokenReport): void {
    const host = this.out('layers');
    const shape = rep.layers.map((l) => l.rasters.length).join(',');
    if (host.dataset.shape !== shape) {
      host.replaceChildren(
        ...rep.layers.map((l) => {
          const sec = h('section', { class: 'layer', 'data-layer': String(l.layer) });
          const grid = h('div', { class: 'rasters' });
          grid.append(
            ...l.rasters.map(() => {
              const fig = h('figure');
              fig.append(h('canvas', { role: 'img' }), h('figcaption'));
              return fig;
            }),
          );
          const bar = h('div', { class: 'mem', 'aria-hidden': 'true' });
          bar.append(h('span'));
          sec.append(h('h4'), bar, grid, h('p', { class: 'summary' }));
          return sec;
        }),
      );
      host.dataset.shape = shape;
    }
    rep.layers.forEach((l, i) => {
      const sec = host.children[i] as HTMLElement;
      sec.dataset.spikes = String(l.spikes);
      sec.dataset.silent = String(l.silentChannels);
      sec.querySelector('h4')!.textContent = `Layer ${l.layer} · ${KIND_LABEL[l.memory.kind] ?? l.memory.kind}`;
      this.memoryBar(sec.querySelector<HTMLElement>('.mem')!, l.memory, rep.context);
      sec.querySelectorAll('figure').forEach((fig, j) => {
        const r = l.rasters[j]!;
        fig.querySelector('canvas')!.setAttribute('aria-label', `spike raster, ${rasterSummary(r)}`);
        fig.querySelector('figcaption')!.textContent =
          `input of ${r.readers.map((n) => n.replace(/^(attn|mlp)\./, '')).join(', ')} · T = ${r.T}`;
      });
      sec.querySelector('.summary')!.textContent = layerSummary(l);
    });
    this.paintRasters(host, rep);
  }

  /**
   * Paints the rasters one layer per animation frame (all layers in one frame took up to 60 ms of main
   * thread on a CPU-drawn canvas); a newer report cancels the rest of an older one.
   */
  private paintRasters(host: HTMLElement, rep: TokenReport): void {
    const job = ++this.rasterJob;
    const paint = (i: number): void => {
      if (job !== this.rasterJob) return;
      (host.children[i] as HTMLElement).querySelectorAll('figure').forEach((fig, j) => {
        const r = rep.layers[i]!.rasters[j]!;
        const canvas = fig.querySelector('canvas')!;
        drawRaster(canvas, r, this.palette());
        canvas.style.height = `${Math.max(2, r.T) * 9}px`;
      });
      if (i + 1 < rep.layers.length) requestAnimationFrame(() => paint(i + 1));
    };
    paint(0);
  }

  private memoryBar(bar: HTMLElement, m: TokenReport['layers'][number]['memory'], context: number): void {
    bar.className = `mem mem-${m.kind}`;
    const fill = bar.firstElementChild as HTMLElement;
    const swa = m.kind === 'swa' || m.kind === 'hybrid';
    fill.style.left = swa ? `${(100 * m.windowStart) / context}%` : '0';
    fill.style.width = swa ? `${(100 * Math.min(m.window ?? 0, context)) / context}%` : '100%';
  }

  /** The theme's colours as RGB, read once per colour scheme (reading styles per raster forces a style recalculation). */
  private palette(): { bg: [number, number, number]; pos: [number, number, number]; neg: [number, number, number] } {
    if (this.colours) return this.colours;
    const css = getComputedStyle(this);
    const probe = document.createElement('canvas').getContext('2d')!;
    const rgb = (name: string, fallback: string): [number, number, number] => {
      probe.fillStyle = css.getPropertyValue(name).trim() || fallback;
      probe.fillRect(0, 0, 1, 1);
      const d = probe.getImageData(0, 0, 1, 1).data;
      return [d[0]!, d[1]!, d[2]!];
    };
    this.colours = { bg: rgb('--panel', '#f3f3f1'), pos: rgb('--st-analogue', '#0550ae'), neg: rgb('--st-inconsistent', '#a40e26') };
    matchMedia('(prefers-color-scheme: dark)').addEventListener(
      'change',
      () => {
        this.colours = null;
        if (this.selected >= 0) this.select(this.selected);
        if (this.maps) showAttention(this, this.maps);
      },
      { once: true },
    );
    return this.colours;
  }
}

customElements.define('live-model', LiveModel);

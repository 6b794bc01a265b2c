/**
 * The base of the site's interactive explainers (custom elements, no UI framework): a form whose
 * every input recomputes the outputs with the library. Inputs are validated against the limits the
 * widget states before any work; a bad input replaces every readout and chart with the error, so no
 * stale number stays beside it. Charts load Observable Plot on demand (the first state is rendered at
 * build time), which keeps a widget page's JavaScript small. Browser-only.
 */

/** A number field's limits: [min, max], either end open, optionally integers only. */
export interface Limits {
  min: number;
  max: number;
  minOpen?: boolean;
  maxOpen?: boolean;
  integer?: boolean;
}

/** "[0, 1)" / "(0, 100]" / "integers in [1, 1024]". */
export function describeLimits(l: Limits): string {
  const range = `${l.minOpen ? '(' : '['}${l.min.toLocaleString('en-US')}, ${l.max.toLocaleString('en-US')}${l.maxOpen ? ')' : ']'}`;
  return l.integer ? `an integer in ${range}` : `a number in ${range}`;
}

/** The value of a text or number field, checked against its limits; the error names the field. */
export function readNumber(raw: FormDataEntryValue | null, label: string, l: Limits): number {
  const text = String(raw ?? '').trim();
  if (text === '') throw new RangeError(`${label} is empty: enter ${describeLimits(l)}`);
  const v = Number(text);
  if (!Number.isFinite(v)) throw new RangeError(`${label} must be ${describeLimits(l)}; "${text}" is not a number`);
  const low = l.minOpen ? v <= l.min : v < l.min;
  const high = l.maxOpen ? v >= l.max : v > l.max;
  if (low || high || (l.integer && !Number.isInteger(v))) throw new RangeError(`${label} must be ${describeLimits(l)}, got ${text}`);
  return v;
}

export abstract class FormWidget extends HTMLElement {
  /** increases with every refresh: a chart that finishes loading after a newer input is dropped */
  private generation = 0;

  connectedCallback(): void {
    this.querySelector('form')!.addEventListener('input', () => this.refresh());
  }

  /** The form's current values. */
  protected values(): FormData {
    return new FormData(this.querySelector('form')!);
  }

  protected out(name: string): HTMLElement {
    const el = this.querySelector<HTMLElement>(`[data-out="${name}"]`);
    if (!el) throw new Error(`${this.tagName.toLowerCase()}: no [data-out="${name}"] element`);
    return el;
  }

  protected set(name: string, text: string): void {
    this.out(name).textContent = text;
  }

  /** Sets every output named in `cells` (data-out name -> text). */
  protected show(cells: Record<string, string | number>): void {
    for (const [name, text] of Object.entries(cells)) this.set(name, String(text));
  }

  /**
   * Draws a chart once its figure module has loaded; `draw` returns the element. Drawn only if no
   * newer input (or an error) came in meanwhile.
   */
  protected chart<M>(name: string, load: () => Promise<M>, draw: (m: M) => Element): void {
    const generation = this.generation;
    const target = this.out(name);
    target.setAttribute('aria-busy', 'true');
    load()
      .then((m) => {
        if (generation !== this.generation) return;
        target.replaceChildren(draw(m));
        target.removeAttribute('aria-busy');
      })
      .catch((e: unknown) => generation === this.generation && this.fail(e));
  }

  /** Recomputes; any error replaces every readout and chart (inputs echoed with data-keep stay). */
  protected refresh(): void {
    this.generation++;
    const error = this.querySelector<HTMLElement>('[data-out="error"]');
    this.classList.remove('has-error');
    try {
      this.update();
      if (error) {
        error.hidden = true;
        error.textContent = '';
      }
    } catch (e) {
      this.fail(e);
    }
  }

  private fail(e: unknown): void {
    this.generation++;
    const error = this.querySelector<HTMLElement>('[data-out="error"]');
    if (!error) throw e;
    this.classList.add('has-error');
    for (const el of Array.from(this.querySelectorAll<HTMLElement>('[data-out]'))) {
      if (el === error || el.hasAttribute('data-keep')) continue;
      if (el.classList.contains('chart')) {
        el.replaceChildren();
        el.removeAttribute('aria-busy');
      } else el.textContent = '—';
    }
    error.hidden = false;
    error.textContent = (e as Error).message;
  }

  protected abstract update(): void;
}

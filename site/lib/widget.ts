/**
 * The base of the site's interactive explainers (custom elements, no UI framework): a form whose
 * every input recomputes the outputs with the library; outputs are [data-out] elements, and a bad
 * input shows the library's own error message instead of stale numbers. Browser-only.
 */
export abstract class FormWidget extends HTMLElement {
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

  /** Recomputes; an error hides nothing silently: it is shown in the [data-out="error"] element. */
  protected refresh(): void {
    const error = this.querySelector<HTMLElement>('[data-out="error"]');
    try {
      this.update();
      if (error) {
        error.hidden = true;
        error.textContent = '';
      }
    } catch (e) {
      if (!error) throw e;
      error.hidden = false;
      error.textContent = (e as Error).message;
    }
  }

  protected abstract update(): void;
}

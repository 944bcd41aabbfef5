/**
 * Full screen of one element (a chart's figure): the Fullscreen API where the
 * browser offers it, else a fallback that fixes the element over the whole
 * window (the `pseudo-fullscreen` class) until Escape or the button again.
 * The app's one is in the app context (src/app/context.ts).
 */
export class FullscreenState {
  /** The element shown full screen, by either means. */
  element = $state<HTMLElement | null>(null);
  /** True when the fallback is in use (no Fullscreen API, or it refused). */
  fallback = $state(false);
  /** The documents whose full-screen changes this state follows. */
  readonly #following = new WeakSet<Document>();

  enter(el: HTMLElement, doc: Document = document): void {
    this.#follow(doc);
    if (doc.fullscreenEnabled && typeof el.requestFullscreen === 'function') {
      this.fallback = false;
      el.requestFullscreen().then(
        () => (this.element = el),
        () => this.#useFallback(el),
      );
    } else {
      this.#useFallback(el);
    }
  }

  exit(doc: Document = document): void {
    if (this.fallback) {
      this.fallback = false;
      this.element = null;
    } else if (doc.fullscreenElement) {
      void doc.exitFullscreen().catch(() => {});
    }
  }

  toggle(el: HTMLElement, doc: Document = document): void {
    if (this.element === el) this.exit(doc);
    else {
      if (this.element) this.exit(doc);
      this.enter(el, doc);
    }
  }

  #follow(doc: Document): void {
    if (this.#following.has(doc)) return;
    this.#following.add(doc);
    doc.addEventListener('fullscreenchange', () => {
      if (this.fallback) return;
      this.element = (doc.fullscreenElement as HTMLElement | null) ?? null;
    });
  }

  #useFallback(el: HTMLElement): void {
    this.fallback = true;
    this.element = el;
  }
}

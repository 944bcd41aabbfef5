/**
 * Full screen of one element (a chart's figure): the Fullscreen API where the
 * browser offers it, else a fallback that fixes the element over the whole
 * window (the `pseudo-fullscreen` class) until Escape or the button again.
 */
class FullscreenState {
  /** The element shown full screen, by either means. */
  element = $state<HTMLElement | null>(null);
  /** True when the fallback is in use (no Fullscreen API, or it refused). */
  fallback = $state(false);
}

export const fullscreen = new FullscreenState();

let listening = false;

function listen(doc: Document): void {
  if (listening) return;
  listening = true;
  doc.addEventListener('fullscreenchange', () => {
    if (fullscreen.fallback) return;
    fullscreen.element = (doc.fullscreenElement as HTMLElement | null) ?? null;
  });
}

function useFallback(el: HTMLElement): void {
  fullscreen.fallback = true;
  fullscreen.element = el;
}

export function enterFullscreen(el: HTMLElement, doc: Document = document): void {
  listen(doc);
  if (doc.fullscreenEnabled && typeof el.requestFullscreen === 'function') {
    fullscreen.fallback = false;
    el.requestFullscreen().then(
      () => (fullscreen.element = el),
      () => useFallback(el),
    );
  } else {
    useFallback(el);
  }
}

export function exitFullscreen(doc: Document = document): void {
  if (fullscreen.fallback) {
    fullscreen.fallback = false;
    fullscreen.element = null;
  } else if (doc.fullscreenElement) {
    void doc.exitFullscreen().catch(() => {});
  }
}

export function toggleFullscreen(el: HTMLElement, doc: Document = document): void {
  if (fullscreen.element === el) exitFullscreen(doc);
  else {
    if (fullscreen.element) exitFullscreen(doc);
    enterFullscreen(el, doc);
  }
}

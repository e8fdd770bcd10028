/**
 * Svelte action: calls `show` once when the element first comes near the viewport, so a panel below
 * the fold builds its charts only when the reader scrolls to it, or prints the page (at once where
 * IntersectionObserver is missing).
 */
export function whenVisible(node: Element, show: () => void): { destroy(): void } {
  if (typeof IntersectionObserver === 'undefined') {
    show();
    return { destroy() {} };
  }
  const io = new IntersectionObserver(
    (entries) => {
      if (entries.some((e) => e.isIntersecting)) {
        show();
        io.disconnect();
      }
    },
    { rootMargin: '400px 0px' },
  );
  const print = () => show();
  globalThis.addEventListener?.('beforeprint', print);
  io.observe(node);
  return {
    destroy: () => {
      io.disconnect();
      globalThis.removeEventListener?.('beforeprint', print);
    },
  };
}

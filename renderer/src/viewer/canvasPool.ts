/**
 * Canvases for page and thumbnail renders, recycled: a canvas leaving the view gives back its
 * backing store at once (width = height = 0 frees the pixels in Chromium) and waits here to be
 * used for the next page, so memory follows what is on screen, not the page count.
 */
const pool: HTMLCanvasElement[] = [];
const MAX_POOLED = 12;

export function acquireCanvas(className: string): HTMLCanvasElement {
  const canvas = pool.pop() ?? document.createElement('canvas');
  canvas.className = className;
  canvas.setAttribute('aria-hidden', 'true');
  return canvas;
}

export function releaseCanvas(canvas: HTMLCanvasElement | null | undefined): void {
  if (!canvas) return;
  canvas.remove();
  canvas.width = 0;
  canvas.height = 0;
  if (pool.length < MAX_POOLED && !pool.includes(canvas)) pool.push(canvas);
}

export function pooledCanvases(): number {
  return pool.length;
}

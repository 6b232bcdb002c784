/**
 * The PDF viewer's arithmetic: how big a page is drawn, and which pages are drawn at all. Only
 * pages near the screen have a canvas, so memory follows the window, not the page count.
 */

/** CSS pixels per PDF point at 100 %: a PDF point is 1/72 inch, a CSS pixel 1/96. */
export const CSS_PER_POINT = 96 / 72;

/** Zoom steps, as fractions of the page's printed size. */
export const ZOOM_STEPS = [0.5, 0.75, 1, 1.25, 1.5, 2, 3] as const;

export type Zoom = 'fit' | number;

/** CSS pixels per point: "fit" fills the available width with the widest page. */
export function pageScale(zoom: Zoom, availableWidth: number, widestPagePoints: number): number {
	if (zoom !== 'fit') return zoom * CSS_PER_POINT;
	if (!(availableWidth > 0) || !(widestPagePoints > 0)) return CSS_PER_POINT;
	return availableWidth / widestPagePoints;
}

/** The next zoom step above (+1) or below (-1) the current scale (from "fit" too), as a fraction of the printed size. */
export function stepZoom(currentScale: number, direction: 1 | -1): number {
	const current = currentScale / CSS_PER_POINT;
	const steps = direction === 1 ? ZOOM_STEPS.filter((s) => s > current + 0.01) : ZOOM_STEPS.filter((s) => s < current - 0.01).reverse();
	return steps[0] ?? (direction === 1 ? ZOOM_STEPS.at(-1)! : ZOOM_STEPS[0]);
}

/** The most pixels one page's canvas may hold (4 bytes each). */
export const MAX_CANVAS_PIXELS = 8_000_000;

/** Pages within `ahead` of the ones on screen get a canvas. */
export const RENDER_AHEAD = 1;
/** Pages further than this from the screen give their canvas back. */
export const KEEP_WITHIN = 3;

export interface PageWindow {
	/** First and last page to draw (inclusive). */
	render: [number, number];
	/** Pages outside this range are released. */
	keep: [number, number];
}

/** From the pages on screen (1-based), the pages to draw and the pages to keep. */
export function pageWindow(visible: Iterable<number>, pageCount: number): PageWindow | null {
	const pages = [...visible];
	if (pages.length === 0 || pageCount === 0) return null;
	const first = Math.min(...pages);
	const last = Math.max(...pages);
	const clamp = (n: number) => Math.min(pageCount, Math.max(1, n));
	return { render: [clamp(first - RENDER_AHEAD), clamp(last + RENDER_AHEAD)], keep: [clamp(first - KEEP_WITHIN), clamp(last + KEEP_WITHIN)] };
}

export const inRange = (n: number, [from, to]: [number, number]) => n >= from && n <= to;

/**
 * The page the reader is on, from how much of each page on screen shows (page → ratio): the one
 * that shows most, the first of those that tie, but the current page as long as it ties (short
 * pages of text are often all whole on screen, and the one a reader was taken to stays theirs).
 */
export function pageInView(ratios: ReadonlyMap<number, number>, current: number): number | null {
	let best: [number, number] | null = null;
	for (const [n, ratio] of ratios) if (!best || ratio > best[1] || (ratio === best[1] && n < best[0])) best = [n, ratio];
	if (!best) return null;
	return ratios.get(current) === best[1] ? current : best[0];
}

/**
 * The dense view's marks, drawn on a canvas: hundreds of events in view cost one bitmap instead of
 * hundreds of elements.
 */
import type { Category } from '$lib/content/vocabulary';
import type { TimelineItem } from './items';
import { CATEGORY_STYLES, symbolPath2D } from './marks';

export interface CanvasFrame {
	/** The view's start (ms) and its pixels per ms. */
	from: number;
	pxPerMs: number;
	/** Device pixels per CSS pixel. */
	ratio: number;
	/** The marks' size relative to the regular marks. */
	scale: number;
	yOf: (category: Category, row: number) => number;
}

export function drawMarks(ctx: CanvasRenderingContext2D, marks: readonly { item: TimelineItem; row: number }[], frame: CanvasFrame): void {
	const { from, pxPerMs, ratio, scale, yOf } = frame;
	for (const p of marks) {
		const x = (p.item.from - from) * pxPerMs;
		const y = yOf(p.item.category, p.row);
		ctx.fillStyle = ctx.strokeStyle = CATEGORY_STYLES[p.item.category].colour;
		if (p.item.span) ctx.fillRect(x, y - 1.5 * scale, Math.max(2, (p.item.to - p.item.from) * pxPerMs), 3 * scale);
		ctx.setTransform(ratio * scale, 0, 0, ratio * scale, x * ratio, y * ratio);
		if (p.item.approximate) ctx.stroke(symbolPath2D(p.item.category));
		else ctx.fill(symbolPath2D(p.item.category));
		ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
	}
}

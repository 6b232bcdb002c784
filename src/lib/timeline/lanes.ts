/**
 * Lane layout: one lane per category; within a lane, marks are stacked into rows so that no
 * two overlap. The layout is computed once per zoom level (in steps of a quarter power of
 * two) at that level's scale, never per frame. Because distances only grow as one zooms in,
 * a layout made for a scale stays free of overlaps at every larger scale up to the next level.
 */
import { labelUnits } from './text-width';
import type { Category } from '$lib/content/vocabulary';
import type { TimelineItem } from './items';

/** Mark sizes: regular marks with labels, and small marks for views with hundreds of events. */
export interface MarkSize {
	/** Radius of a point mark, px. */
	radius: number;
	/** Minimum free space between two marks in a row, px. */
	gap: number;
}
export const REGULAR_MARKS: MarkSize = { radius: 6, gap: 4 };
export const DENSE_MARKS: MarkSize = { radius: 3, gap: 1 };
export const MARK_RADIUS = REGULAR_MARKS.radius;
export const LABEL_CHAR_WIDTH = 6.6;
export const LABEL_MAX_CHARS = 42;

export interface PlacedItem {
	item: TimelineItem;
	/** Row within the lane, 0 = top. */
	row: number;
	/** True when the title fits to the right of the mark before the next mark in its row. */
	labelFits: boolean;
}

export interface LaneLayout {
	category: Category;
	rows: number;
	/** In the order of `from`. */
	placed: PlacedItem[];
}

/** Pixel extent of a mark at a scale (px per ms), without the gap. */
export function markExtent(item: Pick<TimelineItem, 'from' | 'to' | 'span'>, pxPerMs: number, radius = MARK_RADIUS): [number, number] {
	const x = item.from * pxPerMs;
	if (!item.span) return [x - radius, x + radius];
	return [x - radius / 2, Math.max(item.to * pxPerMs, x + radius)];
}

/** Each title's width is measured once: every mark asks for it again at each step of a zoom. */
const labelWidths = new Map<string, number>();
export function labelWidth(title: string): number {
	let width = labelWidths.get(title);
	if (width === undefined) labelWidths.set(title, (width = Math.min(labelUnits(title), LABEL_MAX_CHARS) * LABEL_CHAR_WIDTH + 8));
	return width;
}

/** Stacks one lane's items (sorted by `from`) into rows: each goes into the first row where it fits. */
export function layoutLane(category: Category, items: readonly TimelineItem[], pxPerMs: number, size: MarkSize = REGULAR_MARKS): LaneLayout {
	const rowEnds: number[] = [];
	const rowLast: (PlacedItem | undefined)[] = [];
	const placed: PlacedItem[] = [];
	for (const item of items) {
		const [start, end] = markExtent(item, pxPerMs, size.radius);
		let row = rowEnds.findIndex((rowEnd) => rowEnd + size.gap <= start);
		if (row === -1) row = rowEnds.length;
		const previous = rowLast[row];
		if (previous) previous.labelFits = size === REGULAR_MARKS && markExtent(previous.item, pxPerMs, size.radius)[1] + labelWidth(previous.item.title) <= start;
		const entry: PlacedItem = { item, row, labelFits: true };
		rowEnds[row] = end;
		rowLast[row] = entry;
		placed.push(entry);
	}
	return { category, rows: Math.max(1, rowEnds.length), placed };
}

/** Zoom levels are quantised to quarter powers of two; a layout is reused within a level. */
export function zoomLevel(k: number): number {
	return Math.floor(Math.log2(k) * 4) / 4;
}

/** Lays out every lane at a scale; categories not in `order` are left out. */
export function layoutLanes(items: readonly TimelineItem[], order: readonly Category[], pxPerMs: number, size: MarkSize = REGULAR_MARKS): LaneLayout[] {
	return order.map((category) => layoutLane(category, items.filter((i) => i.category === category), pxPerMs, size));
}

/** How lanes stack down the chart: a header, the rows, a gap below. */
export interface LaneStacking {
	header: number;
	rowHeight: number;
	pad: number;
}

/** Each lane's top and the chart's height (an empty chart keeps `empty` pixels), for lanes of the given row counts. */
export function stackLanes(rows: readonly number[], { header, rowHeight, pad }: LaneStacking, empty = 40): { tops: number[]; height: number } {
	const tops: number[] = [];
	let y = 0;
	for (const n of rows) {
		tops.push(y);
		y += header + n * rowHeight + pad;
	}
	return { tops, height: rows.length ? y : empty };
}

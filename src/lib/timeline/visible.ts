/**
 * Which placed items are in view. Points are found by binary search on their sorted start;
 * spans (few, and possibly starting long before the view) are checked one by one.
 */
import { bisector } from 'd3';
import type { PlacedItem } from './lanes';

const byFrom = bisector((p: PlacedItem) => p.item.from);

export interface VisibilityIndex {
	points: PlacedItem[];
	spans: PlacedItem[];
}

export function indexForVisibility(placed: readonly PlacedItem[]): VisibilityIndex {
	const sorted = [...placed].sort((a, b) => a.item.from - b.item.from);
	return { points: sorted.filter((p) => !p.item.span), spans: sorted.filter((p) => p.item.span) };
}

/** Items overlapping [from, to] (ms), with `marginMs` of slack on each side for mark radii. */
export function visibleItems(index: VisibilityIndex, from: number, to: number, marginMs: number): PlacedItem[] {
	const lo = byFrom.left(index.points, from - marginMs);
	const hi = byFrom.right(index.points, to + marginMs);
	const out = index.points.slice(lo, hi);
	for (const s of index.spans) if (s.item.from <= to + marginMs && s.item.to >= from - marginMs) out.push(s);
	return out;
}

import { describe, expect, it } from 'vitest';
import type { Category } from '../../../src/lib/content/vocabulary';
import { yearBins, type TimelineItem } from '../../../src/lib/timeline/items';
import { DENSE_MARKS, layoutLane, markExtent, REGULAR_MARKS } from '../../../src/lib/timeline/lanes';
import { CHINESE_TICKS, chooseTickInterval, computeTicks, CHAR_WIDTH, labelUnits } from '../../../src/lib/timeline/ticks';
import { ALL_CATEGORIES, parseView, serializeView, type TimelineView } from '../../../src/lib/timeline/url-state';
import { indexForVisibility, visibleItems } from '../../../src/lib/timeline/visible';

const DAY = 86_400_000;
const YEAR = 365.25 * DAY;
const utc = (y: number, m = 1, d = 1) => Date.UTC(y, m - 1, d);

/** A small seeded generator, so a failing case can be reproduced from its seed. */
function rng(seed: number) {
	let s = seed >>> 0;
	return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

function randomItems(seed: number, n: number): TimelineItem[] {
	const r = rng(seed);
	const items: TimelineItem[] = [];
	for (let i = 0; i < n; i++) {
		const from = utc(1960) + Math.floor(r() * 60 * YEAR);
		const span = r() < 0.2;
		items.push({ id: `e${i}`, title: 'x'.repeat(1 + Math.floor(r() * 50)), category: 'life', from, to: span ? from + Math.floor(r() * 10 * YEAR) : from + DAY, span, ongoing: false, approximate: r() < 0.3, disputed: r() < 0.1, dateLabel: '' });
	}
	return items.sort((a, b) => a.from - b.from);
}

describe('lane layout', () => {
	it('never overlaps two marks in a row, at its scale and at larger ones (random inputs)', () => {
		for (let seed = 1; seed <= 60; seed++) {
			const r = rng(seed * 7919);
			const items = randomItems(seed, 5 + Math.floor(r() * 400));
			const pxPerMs = (200 + r() * 20000) / (60 * YEAR);
			for (const size of [REGULAR_MARKS, DENSE_MARKS]) {
				const layout = layoutLane('life', items, pxPerMs, size);
				for (const scale of [pxPerMs, pxPerMs * 1.19]) {
					const byRow = new Map<number, [number, number][]>();
					for (const p of layout.placed) byRow.set(p.row, [...(byRow.get(p.row) ?? []), markExtent(p.item, scale, size.radius)]);
					for (const extents of byRow.values()) {
						extents.sort((a, b) => a[0] - b[0]);
						for (let i = 1; i < extents.length; i++) expect(extents[i]![0] - extents[i - 1]![1], `seed ${seed}`).toBeGreaterThanOrEqual(size.gap - 1e-6);
					}
				}
				expect(layout.placed).toHaveLength(items.length);
			}
		}
	});

	it('keeps well-separated events in one row, with their labels', () => {
		const items = randomItems(3, 3).map((it, i) => ({ ...it, from: utc(1970 + i * 20), to: utc(1970 + i * 20) + DAY, span: false, title: 'short' }));
		const layout = layoutLane('life', items, 1000 / (60 * YEAR));
		expect(layout.rows).toBe(1);
		expect(layout.placed.every((p) => p.labelFits)).toBe(true);
	});

	it('stacks events of the same day into rows and hides labels that do not fit', () => {
		const items = [0, 1, 2].map((i) => ({ ...randomItems(1, 1)[0]!, id: `s${i}`, from: utc(2002, 6, 27), to: utc(2002, 6, 28), span: false }));
		const layout = layoutLane('detention', items.map((i) => ({ ...i, title: 'A title far too long to fit before anything' })), 1000 / (60 * YEAR));
		expect(layout.placed.map((p) => p.row)).toEqual([0, 1, 2]);
		// 1.2 years apart at 1000 px for 60 years: about 20 px, room for the marks but not for a long title.
		const crowded = layoutLane('life', [0, 1].map((i) => ({ ...items[0]!, id: `c${i}`, title: 'A title far too long to fit before anything', from: utc(2002) + i * 1.2 * YEAR, to: utc(2002) + i * 1.2 * YEAR + DAY })), 1000 / (60 * YEAR));
		expect(crowded.placed.map((p) => [p.row, p.labelFits])).toEqual([
			[0, false],
			[0, true]
		]);
	});
});

describe('visible items', () => {
	it('finds exactly the items overlapping the window, spans included', () => {
		const items = randomItems(11, 500);
		const layout = layoutLane('life', items, 1 / YEAR);
		const index = indexForVisibility(layout.placed);
		const [from, to] = [utc(1990), utc(1995)];
		const expected = items.filter((i) => i.to >= from && i.from <= to).map((i) => i.id).sort();
		expect(visibleItems(index, from, to, 0).map((p) => p.item.id).sort()).toEqual(expected);
	});
});

describe('tick choice', () => {
	const width = 1000;
	it.each([
		[60 * YEAR, '5 years'],
		[30 * YEAR, '2 years'],
		[10 * YEAR, '1 year'],
		[4 * YEAR, '6 months'],
		[2 * YEAR, '3 months'],
		[YEAR, '1 month'],
		[120 * DAY, '1 week'],
		[60 * DAY, '1 week'],
		[30 * DAY, '1 week'],
		[20 * DAY, '1 week'],
		[10 * DAY, '1 day'],
		[60 * YEAR, '10 years', 360],
		[20 * DAY, '1 week', 360]
	])('a span of %d ms gets ticks every %s', (span, name, w = width) => {
		expect(chooseTickInterval(span, w).name).toBe(name);
	});

	it('never lets labels collide, from 60 years down to 10 days, at phone and desktop widths', () => {
		for (const w of [300, 1000, 1600]) {
			for (let span = 60 * YEAR; span >= 10 * DAY; span /= 1.3) {
				const from = utc(1966, 3, 7);
				const { ticks } = computeTicks(from, from + span, w);
				expect(ticks.length, `${span / DAY} days at ${w}px`).toBeGreaterThanOrEqual(1);
				for (let i = 1; i < ticks.length; i++) {
					const gapPx = ((ticks[i]!.value - ticks[i - 1]!.value) / span) * w;
					expect(gapPx).toBeGreaterThanOrEqual(ticks[i - 1]!.label.length * CHAR_WIDTH);
				}
			}
		}
	});

	it('never lets Chinese labels collide either, counting each Chinese character as two', () => {
		for (const w of [300, 1000]) {
			for (let span = 60 * YEAR; span >= 10 * DAY; span /= 1.3) {
				const from = utc(1966, 3, 7);
				const { ticks } = computeTicks(from, from + span, w, CHINESE_TICKS);
				for (let i = 1; i < ticks.length; i++) {
					const gapPx = ((ticks[i]!.value - ticks[i - 1]!.value) / span) * w;
					expect(gapPx, `${ticks[i - 1]!.label} at ${w}px`).toBeGreaterThanOrEqual(labelUnits(ticks[i - 1]!.label) * CHAR_WIDTH);
				}
			}
		}
	});

	it('labels Chinese ticks 2002年1月, 6月 and 6月27日', () => {
		expect(computeTicks(utc(2001, 11, 1), utc(2003, 3, 1), 1000, CHINESE_TICKS).ticks.map((t) => t.label)).toContain('2002年1月');
		const days = computeTicks(utc(2001, 12, 26), utc(2002, 1, 3), 1000, CHINESE_TICKS).ticks.map((t) => t.label);
		expect(days).toEqual(['12月26日', '12月27日', '12月28日', '12月29日', '12月30日', '12月31日', '2002', '1月2日', '1月3日']);
	});

	it('labels months with their year in January and days with their month', () => {
		const { ticks } = computeTicks(utc(2001, 11, 1), utc(2003, 3, 1), 1000);
		expect(ticks.map((t) => t.label)).toContain('Jan 2002');
		const days = computeTicks(utc(2001, 12, 26), utc(2002, 1, 3), 1000).ticks.map((t) => t.label);
		expect(days).toEqual(['26 Dec', '27 Dec', '28 Dec', '29 Dec', '30 Dec', '31 Dec', '2002', '2 Jan', '3 Jan']);
	});
});

describe('URL state', () => {
	const defaults: TimelineView = { from: utc(1966), to: utc(2023), categories: ALL_CATEGORIES, event: null };

	it('reads from, to, cat and event', () => {
		const view = parseView(new URLSearchParams('from=1998&to=2004&cat=legal,detention&event=abduction-in-vietnam'), defaults);
		expect(view).toEqual({ from: utc(1998), to: utc(2005), categories: ['detention', 'legal'], event: 'abduction-in-vietnam' });
	});

	it('falls back to the defaults for missing or unreadable values', () => {
		expect(parseView(new URLSearchParams(''), defaults)).toEqual(defaults);
		expect(parseView(new URLSearchParams('from=abc&to=2004&cat=nonsense&event=<script>'), defaults)).toEqual(defaults);
		expect(parseView(new URLSearchParams('from=2005&to=2004'), defaults)).toEqual(defaults);
	});

	it('round-trips: serialise then parse gives the same view, at each precision', () => {
		const views: TimelineView[] = [
			{ from: utc(1998), to: utc(2005), categories: ['detention', 'legal'], event: 'x-1' },
			{ from: utc(2002, 3), to: utc(2003, 5), categories: ALL_CATEGORIES, event: null },
			{ from: utc(2002, 6, 20), to: utc(2002, 7, 4), categories: ['family'], event: null },
			{ from: utc(1998), to: utc(2005), categories: [], event: null }
		];
		for (const view of views) expect(parseView(serializeView(view), defaults)).toEqual(view);
		expect(serializeView(views[0]!).toString()).toBe('from=1998&to=2004&cat=detention%2Clegal&event=x-1');
	});

	it('rounds an arbitrary window to its precision, and is then stable', () => {
		const r = rng(5);
		for (let i = 0; i < 200; i++) {
			const from = utc(1950) + r() * 70 * YEAR;
			const view = { from, to: from + DAY + r() * 40 * YEAR, categories: ALL_CATEGORIES as Category[], event: null };
			const once = serializeView(view).toString();
			expect(serializeView(parseView(new URLSearchParams(once), defaults)).toString()).toBe(once);
		}
	});
});

describe('the overview histogram', () => {
	it('counts each item once, in the UTC year it starts, a bin for every year the extent touches', () => {
		const items = randomItems(7, 400);
		const extent = { from: utc(1970), to: utc(2000, 6) };
		const bins = yearBins(items, extent);
		expect(bins.map((b) => new Date(b.from).getUTCFullYear())).toEqual(Array.from({ length: 31 }, (_, i) => 1970 + i));
		for (const bin of bins) expect(bin.count).toBe(items.filter((i) => i.from >= bin.from && i.from < bin.to).length);
		expect(bins.reduce((n, b) => n + b.count, 0)).toBe(items.filter((i) => i.from >= utc(1970) && i.from < utc(2001)).length);
	});
});

/**
 * The pure parts of the timeline's layers: how lanes stack, what the canvas layer draws (on a fake
 * context that records its calls), and the zoom transform with its inverse.
 */
import { describe, expect, it } from 'vitest';
import { zoomIdentity } from 'd3';
import { drawMarks } from '../../../src/lib/timeline/canvas';
import type { TimelineItem } from '../../../src/lib/timeline/items';
import { stackLanes } from '../../../src/lib/timeline/lanes';
import { CATEGORY_STYLES } from '../../../src/lib/timeline/marks';
import { baseScale, clampWindow, MIN_SPAN_MS, transformFor, windowFor, zoomWindow } from '../../../src/lib/timeline/zoom';

const DAY = 86_400_000;
const utc = (y: number, m = 1, d = 1) => Date.UTC(y, m - 1, d);

describe('lane stacking', () => {
	it('puts each lane below the last: header, rows, pad', () => {
		expect(stackLanes([2, 0, 3], { header: 18, rowHeight: 20, pad: 8 })).toEqual({ tops: [0, 66, 92], height: 178 });
	});
	it('keeps an empty chart some height, and stacks dense rows tighter', () => {
		expect(stackLanes([], { header: 18, rowHeight: 20, pad: 8 })).toEqual({ tops: [], height: 40 });
		expect(stackLanes([10], { header: 18, rowHeight: 8, pad: 8 }).height).toBe(106);
	});
});

/** A context that records what is drawn, in order. */
function fakeContext() {
	const calls: string[] = [];
	const ctx = {
		set fillStyle(v: string) {
			calls.push(`fillStyle ${v}`);
		},
		set strokeStyle(v: string) {
			calls.push(`strokeStyle ${v}`);
		},
		fillRect: (x: number, y: number, w: number, h: number) => calls.push(`fillRect ${x} ${y} ${w} ${h}`),
		setTransform: (a: number, _b: number, _c: number, d: number, e: number, f: number) => calls.push(`setTransform ${a} ${d} ${e} ${f}`),
		fill: () => calls.push('fill'),
		stroke: () => calls.push('stroke')
	};
	return { ctx: ctx as unknown as CanvasRenderingContext2D, calls };
}

const item = (over: Partial<TimelineItem>): TimelineItem => ({ id: 'e', title: 't', category: 'legal', from: utc(2000), to: utc(2000) + DAY, span: false, ongoing: false, approximate: false, disputed: false, dateLabel: '', ...over });

describe('the canvas layer’s drawing', () => {
	it('draws each mark in its category’s colour where the scale puts it: a filled symbol, an outline when approximate, a bar under a span', () => {
		globalThis.Path2D ??= class {} as unknown as typeof Path2D;
		const { ctx, calls } = fakeContext();
		const from = utc(2000);
		const marks = [
			{ item: item({ id: 'a', category: 'legal', from: from + 10 * DAY }), row: 0 },
			{ item: item({ id: 'b', category: 'family', from: from + 20 * DAY, approximate: true }), row: 1 },
			{ item: item({ id: 'c', category: 'detention', from: from + 30 * DAY, to: from + 40 * DAY, span: true }), row: 0 }
		];
		drawMarks(ctx, marks, { from, pxPerMs: 1 / DAY, ratio: 2, scale: 0.5, yOf: (_c, row) => 100 + row * 10 });
		expect(calls).toEqual([
			`strokeStyle ${CATEGORY_STYLES.legal.colour}`, `fillStyle ${CATEGORY_STYLES.legal.colour}`, 'setTransform 1 1 20 200', 'fill', 'setTransform 2 2 0 0',
			`strokeStyle ${CATEGORY_STYLES.family.colour}`, `fillStyle ${CATEGORY_STYLES.family.colour}`, 'setTransform 1 1 40 220', 'stroke', 'setTransform 2 2 0 0',
			`strokeStyle ${CATEGORY_STYLES.detention.colour}`, `fillStyle ${CATEGORY_STYLES.detention.colour}`, 'fillRect 30 99.25 10 1.5', 'setTransform 1 1 60 200', 'fill', 'setTransform 2 2 0 0'
		]);
	});
	it('draws nothing for no marks', () => {
		const { ctx, calls } = fakeContext();
		drawMarks(ctx, [], { from: 0, pxPerMs: 1, ratio: 1, scale: 1, yOf: () => 0 });
		expect(calls).toEqual([]);
	});
});

describe('the zoom transform and its inverse', () => {
	const period = { from: utc(1966), to: utc(2023) };
	const base = baseScale(period, 1000);
	it('shows the default period with the identity transform', () => {
		expect(transformFor(base, period)).toMatchObject({ k: 1, x: 0, y: 0 });
		expect(windowFor(base, zoomIdentity)).toEqual(period);
	});
	it('gives back the window it was made from, zoomed in or out, anywhere (to the millisecond)', () => {
		for (const window of [{ from: utc(1998), to: utc(2004) }, { from: utc(2002, 6, 1), to: utc(2002, 6, 27) }, { from: utc(1950), to: utc(2030) }]) {
			const back = windowFor(base, transformFor(base, window));
			expect(Math.abs(back.from - window.from)).toBeLessThan(2);
			expect(Math.abs(back.to - window.to)).toBeLessThan(2);
		}
	});
	it('keeps a window inside the extent and no narrower than a week, and zooms about a point', () => {
		expect(clampWindow({ from: utc(2000), to: utc(2000) + DAY }, period).to - clampWindow({ from: utc(2000), to: utc(2000) + DAY }, period).from).toBe(MIN_SPAN_MS);
		expect(clampWindow({ from: utc(1900), to: utc(1910) }, period)).toEqual({ from: period.from, to: period.from + (utc(1910) - utc(1900)) });
		expect(zoomWindow({ from: 0, to: 100 }, 2, 25)).toEqual({ from: 12.5, to: 62.5 });
	});
});

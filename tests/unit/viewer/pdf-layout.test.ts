import { describe, expect, it } from 'vitest';
import { CSS_PER_POINT, inRange, KEEP_WITHIN, pageInView, pageScale, pageWindow, RENDER_AHEAD, stepZoom, ZOOM_STEPS } from '../../../src/lib/viewer/pdf-layout';

describe('constants', () => {
	it('are what the arithmetic below assumes', () => {
		expect(CSS_PER_POINT).toBe(96 / 72);
		expect(ZOOM_STEPS).toEqual([0.5, 0.75, 1, 1.25, 1.5, 2, 3]);
		expect(RENDER_AHEAD).toBe(1);
		expect(KEEP_WITHIN).toBe(3);
	});
});

describe('pageScale', () => {
	it('fills the available width with the widest page when fitting', () => {
		expect(pageScale('fit', 1224, 612)).toBe(2);
		expect(pageScale('fit', 800, 595)).toBeCloseTo(800 / 595, 12);
		expect(pageScale('fit', 300, 600)).toBe(0.5);
	});

	it('multiplies a numeric zoom by CSS_PER_POINT', () => {
		expect(pageScale(1, 1000, 612)).toBe(CSS_PER_POINT);
		expect(pageScale(1.5, 1000, 612)).toBe(2);
		expect(pageScale(0.75, 0, 0)).toBe(1);
		expect(pageScale(3, NaN, NaN)).toBe(4);
	});

	it('falls back to 100% when fitting without a usable width', () => {
		expect(pageScale('fit', 0, 612)).toBe(CSS_PER_POINT);
		expect(pageScale('fit', NaN, 612)).toBe(CSS_PER_POINT);
		expect(pageScale('fit', -50, 612)).toBe(CSS_PER_POINT);
		expect(pageScale('fit', 800, 0)).toBe(CSS_PER_POINT);
		expect(pageScale('fit', 800, NaN)).toBe(CSS_PER_POINT);
	});
});

describe('stepZoom', () => {
	const at = (zoom: number) => zoom * CSS_PER_POINT;

	it('goes to the neighbouring step from 100%', () => {
		expect(stepZoom(at(1), 1)).toBe(1.25);
		expect(stepZoom(at(1), -1)).toBe(0.75);
	});

	it('walks every step up and down', () => {
		for (let i = 0; i < ZOOM_STEPS.length - 1; i++) {
			expect(stepZoom(at(ZOOM_STEPS[i]!), 1)).toBe(ZOOM_STEPS[i + 1]);
			expect(stepZoom(at(ZOOM_STEPS[i + 1]!), -1)).toBe(ZOOM_STEPS[i]);
		}
	});

	it('from a fit scale between steps, goes to the next step in that direction', () => {
		expect(stepZoom(at(1.1), 1)).toBe(1.25);
		expect(stepZoom(at(1.1), -1)).toBe(1);
		expect(stepZoom(at(1.7), 1)).toBe(2);
		expect(stepZoom(at(1.7), -1)).toBe(1.5);
		expect(stepZoom(at(0.6), -1)).toBe(0.5);
		expect(stepZoom(at(0.6), 1)).toBe(0.75);
		expect(stepZoom(1224 / 612, 1)).toBe(2);
	});

	it('clamps at the ends', () => {
		expect(stepZoom(at(3), 1)).toBe(3);
		expect(stepZoom(at(0.5), -1)).toBe(0.5);
		expect(stepZoom(at(5), 1)).toBe(3);
		expect(stepZoom(at(0.2), -1)).toBe(0.5);
	});
});

describe('pageWindow', () => {
	it('draws one page either side of the screen and keeps three', () => {
		expect(pageWindow(new Set([5, 6]), 300)).toEqual({ render: [4, 7], keep: [2, 9] });
		expect(pageWindow([6, 5], 300)).toEqual({ render: [4, 7], keep: [2, 9] });
		expect(pageWindow([150], 300)).toEqual({ render: [149, 151], keep: [147, 153] });
	});

	it('clamps at the first and last page', () => {
		expect(pageWindow([1], 300)).toEqual({ render: [1, 2], keep: [1, 4] });
		expect(pageWindow([2], 300)).toEqual({ render: [1, 3], keep: [1, 5] });
		expect(pageWindow([300], 300)).toEqual({ render: [299, 300], keep: [297, 300] });
		expect(pageWindow([299, 300], 300)).toEqual({ render: [298, 300], keep: [296, 300] });
		expect(pageWindow([1], 1)).toEqual({ render: [1, 1], keep: [1, 1] });
		expect(pageWindow([1, 2], 2)).toEqual({ render: [1, 2], keep: [1, 2] });
	});

	it('gives null with nothing on screen or no pages', () => {
		expect(pageWindow([], 300)).toBeNull();
		expect(pageWindow(new Set(), 300)).toBeNull();
		expect(pageWindow([1], 0)).toBeNull();
	});

	it('keeps a number of pages that does not grow with the page count', () => {
		const size = ([from, to]: [number, number]) => to - from + 1;
		for (const pageCount of [1, 2, 7, 10, 300, 5_000, 100_000, 10_000_000]) {
			for (const visible of [[1], [Math.ceil(pageCount / 2)], [pageCount], [Math.max(1, pageCount - 1), pageCount]]) {
				const w = pageWindow(visible, pageCount)!;
				expect(w).not.toBeNull();
				expect(size(w.keep)).toBeLessThanOrEqual(visible.length + 2 * KEEP_WITHIN);
				expect(size(w.render)).toBeLessThanOrEqual(visible.length + 2 * RENDER_AHEAD);
				expect(w.keep[0]).toBeGreaterThanOrEqual(1);
				expect(w.keep[1]).toBeLessThanOrEqual(pageCount);
				expect(w.keep[0]).toBeLessThanOrEqual(w.render[0]);
				expect(w.keep[1]).toBeGreaterThanOrEqual(w.render[1]);
				for (const p of visible) expect(inRange(p, w.render)).toBe(true);
			}
			// In the middle of a long document the window is exactly two screens' worth of margin wide.
			if (pageCount >= 100) expect(size(pageWindow([50, 51], pageCount)!.keep)).toBe(8);
		}
	});
});

describe('inRange', () => {
	it('includes both ends', () => {
		expect(inRange(2, [2, 9])).toBe(true);
		expect(inRange(9, [2, 9])).toBe(true);
		expect(inRange(5, [2, 9])).toBe(true);
		expect(inRange(1, [2, 9])).toBe(false);
		expect(inRange(10, [2, 9])).toBe(false);
		expect(inRange(3, [3, 3])).toBe(true);
		expect(inRange(4, [3, 3])).toBe(false);
	});
});

describe('pageInView', () => {
	it('is the page that shows most, the first of a tie', () => {
		expect(pageInView(new Map([[3, 0.25], [4, 0.75]]), 1)).toBe(4);
		expect(pageInView(new Map([[5, 1], [4, 1]]), 1)).toBe(4);
		expect(pageInView(new Map(), 1)).toBeNull();
	});
	it('keeps the current page while it shows as much as any other', () => {
		expect(pageInView(new Map([[1, 1], [2, 1], [3, 0.5]]), 2)).toBe(2);
		expect(pageInView(new Map([[1, 1], [2, 0.75]]), 2)).toBe(1);
	});
});

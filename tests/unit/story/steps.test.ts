import { describe, expect, it } from 'vitest';
import { keyMove, moveBy, stepForHash, stripPositions, stripYears, swipeMove } from '../../../src/lib/story/steps';

const none = { altKey: false, ctrlKey: false, metaKey: false, shiftKey: false };

describe('story moves', () => {
	it('opens the step a hash names, or the first with the unknown id', () => {
		expect(stepForHash(['a-1', 'b-2'], '#b-2')).toEqual({ index: 1, unknown: null });
		expect(stepForHash(['a-1', 'b-2'], '')).toEqual({ index: 0, unknown: null });
		expect(stepForHash(['a-1', 'b-2'], '#nope')).toEqual({ index: 0, unknown: 'nope' });
		expect(stepForHash(['a-1'], '#%E0%A4%A')).toEqual({ index: 0, unknown: '%E0%A4%A' });
	});
	it('keeps moves within the story', () => {
		expect(moveBy(0, -1, 3)).toBe(0);
		expect(moveBy(2, 1, 3)).toBe(2);
		expect(moveBy(1, 1, 3)).toBe(2);
	});
	it('places steps on the strip by date, the ends at 2 % and 98 %', () => {
		const [a, b, c] = stripPositions(['2000', '2010-01-01', '2020']);
		expect([a, c]).toEqual([2, 98]);
		expect(b).toBeCloseTo(50, 1);
		expect(stripPositions(['2003-02'])).toEqual([50]);
		expect(stripYears(['1982-11-17', '2022', '1998'])).toEqual([1982, 2022]);
	});
	it('reads swipes and keys', () => {
		expect(swipeMove(-120, 10)).toBe(1);
		expect(swipeMove(120, 10)).toBe(-1);
		expect(swipeMove(-30, 0)).toBe(0);
		expect(swipeMove(-100, 90)).toBe(0);
		expect(keyMove('ArrowRight', none)).toBe(1);
		expect(keyMove('ArrowLeft', none)).toBe(-1);
		expect(keyMove('ArrowLeft', { ...none, altKey: true })).toBe(0);
		expect(keyMove('Enter', none)).toBe(0);
	});
});

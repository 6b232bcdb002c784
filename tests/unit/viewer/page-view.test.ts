import { describe, expect, it } from 'vitest';
import { hasMachineRead, placeAfterSwitch } from '../../../src/lib/viewer/page-view';

describe('hasMachineRead', () => {
	it('is true only when OCR read at least one page', () => {
		expect(hasMachineRead(undefined)).toBe(false);
		expect(hasMachineRead({})).toBe(false);
		expect(hasMachineRead({ 2: [[['word', 0.1, 0.1, 0.1, 0.02]]] })).toBe(true);
	});
});

describe('placeAfterSwitch', () => {
	const places = [{ unit: 1 }, { unit: 2 }, { unit: 2 }];
	it('keeps the page, and the current match when it is on that page', () => {
		expect(placeAfterSwitch(2, 1, places)).toEqual({ page: 2, match: 1 });
		expect(placeAfterSwitch(2, 2, places)).toEqual({ page: 2, match: 2 });
	});
	it('keeps only the page when the current match is elsewhere, or there is none', () => {
		expect(placeAfterSwitch(2, 0, places)).toEqual({ page: 2, match: -1 });
		expect(placeAfterSwitch(3, 0, [])).toEqual({ page: 3, match: -1 });
	});
});

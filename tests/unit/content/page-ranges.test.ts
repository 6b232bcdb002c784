import { describe, expect, it } from 'vitest';
import { pageRuns } from '../../../src/lib/content/page-ranges';

describe('pageRuns', () => {
	it('joins consecutive pages into runs, in order, each page once', () => {
		expect(pageRuns([1, 2, 3, 5])).toEqual([[1, 3], [5, 5]]);
		expect(pageRuns([7, 1, 2, 2])).toEqual([[1, 2], [7, 7]]);
		expect(pageRuns(Array.from({ length: 50 }, (_, i) => i + 1))).toEqual([[1, 50]]);
		expect(pageRuns([])).toEqual([]);
	});
});

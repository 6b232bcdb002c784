import { afterEach, describe, expect, it } from 'vitest';
import { baseLocale, overwriteGetLocale } from '../../../src/lib/paraglide/runtime.js';
import { findStatus } from '../../../src/lib/viewer/find';

describe('findStatus', () => {
	afterEach(() => overwriteGetLocale(() => baseLocale));

	it('says nothing while the box is empty, then counts in English as before', () => {
		overwriteGetLocale(() => 'en');
		expect(findStatus('  ', 0, 3)).toBe('');
		expect(findStatus('wang', 0, 0)).toBe('No matches');
		expect(findStatus('wang', 0, 1)).toBe('1 of 1 match');
		expect(findStatus('wang', 2, 12)).toBe('3 of 12 matches');
	});

	it('counts in the page’s Chinese, one form for one and many', () => {
		overwriteGetLocale(() => 'zh-Hans');
		expect(findStatus('王炳章', 0, 0)).toBe('没有匹配');
		expect(findStatus('王炳章', 0, 1)).toBe('第1处，共1处匹配');
		expect(findStatus('王炳章', 2, 12)).toBe('第3处，共12处匹配');
		overwriteGetLocale(() => 'zh-Hant');
		expect(findStatus('王炳章', 2, 12)).toMatch(/^第3處，共12處/);
	});
});

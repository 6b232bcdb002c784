import { describe, expect, it } from 'vitest';
import { scriptRuns } from '../../../src/lib/content/scripts';

describe('scriptRuns', () => {
	it('marks runs of Chinese characters, with their punctuation, and keeps everything else', () => {
		expect(scriptRuns('Ni Jinbin (倪锦彬) denied')).toEqual([
			{ text: 'Ni Jinbin (', han: false },
			{ text: '倪锦彬', han: true },
			{ text: ') denied', han: false }
		]);
		expect(scriptRuns('2001年1月，王炳章')).toEqual([
			{ text: '2001', han: false },
			{ text: '年', han: true },
			{ text: '1', han: false },
			{ text: '月，王炳章', han: true }
		]);
	});
	it('leaves text without Chinese as one run, and full-width punctuation alone unmarked', () => {
		expect(scriptRuns('Plain English.')).toEqual([{ text: 'Plain English.', han: false }]);
		expect(scriptRuns('（2003）')).toEqual([{ text: '（2003）', han: false }]);
		expect(scriptRuns('')).toEqual([{ text: '', han: false }]);
	});
	it('joins the runs back into the original text', () => {
		const text = '在 (2003)深中法刑一初字第41号, the judgment';
		expect(scriptRuns(text).map((r) => r.text).join('')).toBe(text);
	});
});

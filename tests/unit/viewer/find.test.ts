import { describe, expect, it } from 'vitest';
import { findPattern, markMatches, matchesIn, matchPlaces, pageFromHash, stepMatch } from '../../../src/lib/viewer/find';

/** The matched strings, for readable assertions. */
const found = (text: string, terms: string[], options = {}) => matchesIn(text, findPattern(terms, options)).map(([from, to]) => text.slice(from, to));

describe('findPattern', () => {
	it('matches case-insensitively', () => {
		const text = 'Dr. WANG Bingzhang, dr. wang, Dr. Wang';
		expect(matchesIn(text, findPattern(['dr. wang']))).toEqual([
			[0, 8],
			[20, 28],
			[30, 38]
		]);
		expect(found('ÉTÉ été', ['Été'])).toEqual(['ÉTÉ', 'été']);
	});

	it('lets white space in a term match any run of white space, but not no space', () => {
		const text = 'Working Group\n   on\tArbitrary Detention; WorkingGroup';
		expect(found(text, ['working group on arbitrary'])).toEqual(['Working Group\n   on\tArbitrary']);
		expect(found(text, ['  working   group  '])).toEqual(['Working Group']);
		expect(found('word7alphaand', ['word7alpha and'])).toEqual([]);
	});

	it('with looseSpaces, also lets white space match nothing', () => {
		expect(found('word7alphaand', ['word7alpha and'], { looseSpaces: true })).toEqual(['word7alphaand']);
		expect(found('x word7alpha \n and y', ['word7alpha and'], { looseSpaces: true })).toEqual(['word7alpha \n and']);
		expect(String(findPattern(['a b'], { looseSpaces: true }))).toBe('/a\\s*b/giu');
		expect(String(findPattern(['a b']))).toBe('/a\\s+b/giu');
	});

	it('matches regular-expression metacharacters literally', () => {
		const text = 'judgment (2003)深中法刑一初字第41号 and 2003深中法刑一初字第41号';
		expect(matchesIn(text, findPattern(['(2003)深中法刑一初字第41号']))).toEqual([[9, 26]]);
		expect(text.slice(9, 26)).toBe('(2003)深中法刑一初字第41号');
		expect(found('a.b*c axbbbc a.b*c', ['a.b*c'])).toEqual(['a.b*c', 'a.b*c']);
		expect(matchesIn('axbbbc abc', findPattern(['a.b*c']))).toEqual([]);
		expect(found('[x] x [x]', ['[x]'])).toEqual(['[x]', '[x]']);
		expect(matchesIn('x', findPattern(['[x]']))).toEqual([]);
		expect(found('a|b a b ^$ \\d{2} 12', ['a|b', '^$', '\\d{2}'])).toEqual(['a|b', '^$', '\\d{2}']);
		expect(found('1+1=2 11=2', ['1+1'])).toEqual(['1+1']);
		expect(found('what? wha', ['what?'])).toEqual(['what?']);
	});

	it('prefers the longer of two overlapping terms, whatever their order', () => {
		const text = 'Wang Bingzhang and Wang';
		expect(matchesIn(text, findPattern(['Wang', 'Wang Bingzhang']))).toEqual([
			[0, 14],
			[19, 23]
		]);
		expect(matchesIn(text, findPattern(['Wang Bingzhang', 'Wang']))).toEqual([
			[0, 14],
			[19, 23]
		]);
		expect(found('王炳章 王炳', ['王炳', '王炳章'])).toEqual(['王炳章', '王炳']);
	});

	it('matches any of several terms', () => {
		expect(found('alpha beta gamma beta', ['gamma', 'beta'])).toEqual(['beta', 'gamma', 'beta']);
	});

	it('gives null when there is nothing to find', () => {
		expect(findPattern([])).toBeNull();
		expect(findPattern([''])).toBeNull();
		expect(findPattern(['   ', '\t\n', ''])).toBeNull();
		expect(findPattern(['  '], { looseSpaces: true })).toBeNull();
	});

	it('ignores blank terms among real ones', () => {
		expect(String(findPattern(['', 'wang', '  ']))).toBe('/wang/giu');
	});
});

describe('matchesIn', () => {
	it('gives [start, end) offsets in order', () => {
		expect(matchesIn('abcabc', /bc/g)).toEqual([
			[1, 3],
			[4, 6]
		]);
		expect(matchesIn('中国之春 中国', findPattern(['中国']))).toEqual([
			[0, 2],
			[5, 7]
		]);
	});

	it('gives no matches for a null pattern or text without a match', () => {
		expect(matchesIn('anything', null)).toEqual([]);
		expect(matchesIn('anything', findPattern(['zebra']))).toEqual([]);
		expect(matchesIn('', findPattern(['a']))).toEqual([]);
	});

	it('skips zero-length matches', () => {
		expect(matchesIn('abxxcx', /x*/g)).toEqual([
			[2, 4],
			[5, 6]
		]);
		expect(matchesIn('abc', /(?:)/g)).toEqual([]);
	});

	it('carries no lastIndex state between calls with the same pattern', () => {
		const pattern = findPattern(['wang'])!;
		const first = matchesIn('Wang and wang', pattern);
		expect(first).toEqual([
			[0, 4],
			[9, 13]
		]);
		expect(matchesIn('Wang and wang', pattern)).toEqual(first);
		expect(pattern.test('xx wang')).toBe(true);
		expect(pattern.lastIndex).toBe(7);
		expect(matchesIn('Wang and wang', pattern)).toEqual(first);
		expect(matchesIn('wang', pattern)).toEqual([[0, 4]]);
	});
});

describe('markMatches', () => {
	const joined = (segments: { text: string }[]) => segments.map((s) => s.text).join('');

	it('splits the text into plain and marked segments at the matches', () => {
		const text = 'Wang met wang at the WANG house';
		const segments = markMatches(text, findPattern(['wang']));
		expect(segments).toEqual([
			{ text: 'Wang', mark: true },
			{ text: ' met ', mark: false },
			{ text: 'wang', mark: true },
			{ text: ' at the ', mark: false },
			{ text: 'WANG', mark: true },
			{ text: ' house', mark: false }
		]);
		expect(joined(segments)).toBe(text);
	});

	it('marks exactly the matches, and the segments concatenate back to the text', () => {
		const cases: [string, string[]][] = [
			['alpha beta gamma beta', ['beta', 'gamma']],
			['betabeta', ['beta']],
			['(2003)深中法刑一初字第41号 x', ['(2003)深中法刑一初字第41号']],
			['no hit here', ['zebra']]
		];
		for (const [text, terms] of cases) {
			const pattern = findPattern(terms);
			const segments = markMatches(text, pattern);
			expect(joined(segments)).toBe(text);
			expect(segments.filter((s) => s.mark).map((s) => s.text)).toEqual(matchesIn(text, pattern).map(([a, b]) => text.slice(a, b)));
			expect(segments.every((s) => s.text.length > 0)).toBe(true);
		}
		expect(markMatches('betabeta', findPattern(['beta']))).toEqual([
			{ text: 'beta', mark: true },
			{ text: 'beta', mark: true }
		]);
	});

	it('gives one unmarked segment for text with no match or no pattern', () => {
		expect(markMatches('no hit here', findPattern(['zebra']))).toEqual([{ text: 'no hit here', mark: false }]);
		expect(markMatches('no pattern', null)).toEqual([{ text: 'no pattern', mark: false }]);
	});

	it('gives one empty segment for empty text', () => {
		expect(markMatches('', findPattern(['a']))).toEqual([{ text: '', mark: false }]);
		expect(markMatches('', null)).toEqual([{ text: '', mark: false }]);
	});

	it('handles a match that is the whole text', () => {
		expect(markMatches('Wang', findPattern(['wang']))).toEqual([{ text: 'Wang', mark: true }]);
	});
});

describe('matchPlaces', () => {
	it('numbers units from 1 and matches within each unit from 0, in reading order', () => {
		const units = ['wang wang', 'nothing', '', 'WANG', 'a wang b wang c wang'];
		expect(matchPlaces(units, findPattern(['wang']))).toEqual([
			{ unit: 1, index: 0 },
			{ unit: 1, index: 1 },
			{ unit: 4, index: 0 },
			{ unit: 5, index: 0 },
			{ unit: 5, index: 1 },
			{ unit: 5, index: 2 }
		]);
	});

	it('gives nothing for no units, no matches or no pattern', () => {
		expect(matchPlaces([], findPattern(['wang']))).toEqual([]);
		expect(matchPlaces(['a', 'b'], findPattern(['wang']))).toEqual([]);
		expect(matchPlaces(['wang'], null)).toEqual([]);
	});
});

describe('stepMatch', () => {
	it('steps forward and back', () => {
		expect(stepMatch(0, 1, 5)).toBe(1);
		expect(stepMatch(3, 1, 5)).toBe(4);
		expect(stepMatch(3, -1, 5)).toBe(2);
	});

	it('wraps around both ways', () => {
		expect(stepMatch(4, 1, 5)).toBe(0);
		expect(stepMatch(0, -1, 5)).toBe(4);
		expect(stepMatch(0, 1, 1)).toBe(0);
		expect(stepMatch(0, -1, 1)).toBe(0);
	});

	it('gives 0 when there are no matches', () => {
		expect(stepMatch(0, 1, 0)).toBe(0);
		expect(stepMatch(0, -1, 0)).toBe(0);
		expect(stepMatch(3, -1, 0)).toBe(0);
	});
});

describe('pageFromHash', () => {
	it('reads #page=N', () => {
		expect(pageFromHash('#page=7')).toBe(7);
		expect(pageFromHash('#page=1')).toBe(1);
		expect(pageFromHash('#page=300')).toBe(300);
		expect(pageFromHash('#page=007')).toBe(7);
	});

	it.each(['#page=0', '#page=-1', '#page=abc', '#p-3', '', '#page=7x', '#page=99999999999999999999', '#page=', 'page=7', '#page=7.5', '#page= 7', '#PAGE=7', '#page=7&x=1'])(
		'%j gives null',
		(hash) => {
			expect(pageFromHash(hash)).toBeNull();
		}
	);
});

describe('findPattern keeps full-width characters as typed', () => {
	it('finds a phrase pasted from Chinese text with full-width punctuation', () => {
		expect(matchesIn('两次到泰国，与朱利锋等人会面', findPattern(['泰国，与朱利锋']))).toEqual([[3, 10]]);
		expect(matchesIn('（2003）深中法', findPattern(['（2003）深中法']))).toEqual([[0, 9]]);
	});
});

describe('findPattern and line-end hyphens', () => {
	it('finds a hyphenated word broken at a line end, as the quote check does', () => {
		expect(matchesIn('in coronary-\n        arterial research', findPattern(['coronary-arterial research']))).toEqual([[3, 38]]);
	});
});

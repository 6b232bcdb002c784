import { describe, expect, it } from 'vitest';
import { findQuote, normaliseWhitespace } from '../../../src/lib/content/text';
import { splitParagraphs } from '../../../src/pipeline/paragraphs';

describe('splitParagraphs', () => {
	const text = 'Heading\nline two\n\n1. First para\ncontinued\n2. Second\n(a) sub\n\n\nLast\n';
	it('splits at blank lines by default', () => {
		expect(splitParagraphs(text, { split: 'blank-line' })).toEqual(['Heading\nline two', '1. First para\ncontinued\n2. Second\n(a) sub', 'Last']);
	});
	it('also starts a paragraph at lines matching startPattern', () => {
		expect(splitParagraphs(text, { split: 'blank-line', startPattern: '^(\\d+\\.|\\([a-z]\\)) ' })).toEqual(['Heading\nline two', '1. First para\ncontinued', '2. Second', '(a) sub', 'Last']);
	});
	it('makes every non-empty line a paragraph with split: line', () => {
		expect(splitParagraphs('a\n  b\n\nc\r\nd', { split: 'line' })).toEqual(['a', '  b', 'c', 'd']);
	});
});

describe('findQuote', () => {
	const paragraphs = ['Whereas Dr. Wang received his Ph.D. at McGill University in Canada in coronary-\n        arterial research and is', 'a well-respected leader'];
	it('ignores whitespace differences and joins hyphenated line breaks', () => {
		expect(normaliseWhitespace('in coronary-\n        arterial  research')).toBe('in coronary-arterial research');
		expect(findQuote(paragraphs, 'McGill University in Canada in coronary-arterial research')).toEqual([{ index: 1, spansBreak: false }]);
	});
	it('locates a quote that runs across a paragraph break by where it starts', () => {
		expect(findQuote(paragraphs, 'research and is a well-respected')).toEqual([{ index: 1, spansBreak: true }]);
		expect(findQuote(paragraphs, 'well-respected leader')).toEqual([{ index: 2, spansBreak: false }]);
	});
	it('finds nothing for words that are not there, or an empty quote', () => {
		expect(findQuote(paragraphs, 'Harvard University')).toEqual([]);
		expect(findQuote(paragraphs, '   ')).toEqual([]);
	});
	it('matches whole words only: "lawful" is not found inside "unlawful"', () => {
		const units = ['The detention was unlawful under article 9; a lawful act.'];
		expect(findQuote(units, 'lawful under article 9')).toEqual([]);
		expect(findQuote(units, 'unlawful under article 9')).toEqual([{ index: 1, spansBreak: false }]);
		expect(findQuote(units, 'a lawful act.')).toEqual([{ index: 1, spansBreak: false }]);
		expect(findQuote(['深圳市中级人民法院刑事判决书'], '中级人民法院')).toEqual([{ index: 1, spansBreak: false }]);
	});

	it('reports every occurrence', () => {
		expect(findQuote(['a b', 'c a b'], 'a b').map((f) => f.index)).toEqual([1, 2]);
	});
});

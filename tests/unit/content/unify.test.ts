import { describe, expect, it } from 'vitest';
import { findQuote } from '../../../src/lib/content/text';
import { originalRange, unifiedText, unify } from '../../../src/lib/content/unify';
import { highlightTerms } from '../../../src/lib/search/highlight';
import { matchRanges } from '../../../src/lib/search/query';
import { tokenize } from '../../../src/lib/search/tokenize';
import { findPattern, markMatches, matchesIn } from '../../../src/lib/viewer/find';

/** What pdf.js 5.6 returns for a page Chromium printed with Noto CJK (青年 文化 鸟类). */
const CHROMIUM_PDF_TEXT = '⻘年 ⽂化 ⻦类';

describe('the compared copy of a text', () => {
	it('turns the radicals Chromium-printed PDFs extract into their ideographs', () => {
		expect(unifiedText(CHROMIUM_PDF_TEXT)).toBe('青年 文化 鸟类');
		expect(unify(CHROMIUM_PDF_TEXT).text).toBe('青年 文化 鸟类');
		// Kangxi Radicals (NFKC knows them) and the CJK Radicals Supplement (only EquivalentUnifiedIdeograph does).
		expect(unifiedText('\u2f42')).toBe('文');
		expect(unifiedText('\u2ed8')).toBe('青');
		expect(unifiedText('\u2ee6')).toBe('鸟');
		expect('\u2ed8'.normalize('NFKC')).toBe('\u2ed8');
	});

	it('folds compatibility ideographs and full-width forms', () => {
		expect(unifiedText('\uf900')).toBe('\u8c48');
		expect(unifiedText('ＡＢＣ，１２３：')).toBe('ABC,123:');
		expect(unifiedText('（2003）深中法刑一初字第41号')).toBe('(2003)深中法刑一初字第41号');
	});

	it('leaves ordinary text as it is, and keeps no map for it', () => {
		for (const text of ['王炳章博士于2002年6月在越南被绑架。', 'Wang Bingzhang was abducted in June 2002.', '《中国之春》“为了祖国的春天”——宣言', '']) {
			expect(unifiedText(text)).toBe(text);
			expect(unify(text)).toEqual({ text, starts: null, ends: null });
		}
		// Characters NFKC keeps but the fast path does not know still come out unchanged.
		expect(unify('Café — “quoted”, 1–2').text).toBe('Café — “quoted”, 1–2');
	});

	it('maps a range of the copy back to the original, after … and after ⻘', () => {
		const original = '他说…⻘年⽂化';
		const copy = unify(original);
		expect(copy.text).toBe('他说...青年文化');
		const at = copy.text.indexOf('青年');
		expect(original.slice(...originalRange(copy, at, at + 2))).toBe('⻘年');
		const dots = copy.text.indexOf('.');
		// Part of what one character became is that whole character.
		expect(original.slice(...originalRange(copy, dots + 1, dots + 2))).toBe('…');
		// e and a combining acute accent meet é.
		expect(unify('Cafe\u0301').text).toBe('Café');
		expect(originalRange(unify('Cafe\u0301!'), 3, 4)).toEqual([3, 5]);
	});
});

describe('every comparison reads the copy, every mark falls on the original', () => {
	it("the reader's find: 青年 finds ⻘年, and its mark holds the original characters", () => {
		const pattern = findPattern(['青年']);
		expect(matchesIn('他说…⻘年⽂化', pattern)).toEqual([[3, 5]]);
		expect(markMatches('他说…⻘年⽂化', pattern)).toEqual([
			{ text: '他说…', mark: false },
			{ text: '⻘年', mark: true },
			{ text: '⽂化', mark: false }
		]);
		// And the other way: a term pasted from the PDF finds the ordinary characters.
		expect(matchesIn('青年文化', findPattern(['⻘年']))).toEqual([[0, 2]]);
		expect(matchesIn('Page…Wang', findPattern(['wang']))).toEqual([[5, 9]]);
	});

	it('the quote check: a quote in ordinary characters is found in text of radicals, and width is ignored', () => {
		expect(findQuote([CHROMIUM_PDF_TEXT], '青年 文化')).toEqual([{ index: 1, spansBreak: false }]);
		expect(findQuote(['判决书里写道:“王炳章要求倪锦彬设法搞到枪支,唆使其进行绑架活动。”'], '判决书里写道：“王炳章要求倪锦彬设法搞到枪支，唆使其进行绑架活动。”')).toHaveLength(1);
		expect(findQuote([CHROMIUM_PDF_TEXT], '青年 武化')).toEqual([]);
	});

	it('search: the same tokens from radicals as from ideographs, and snippet marks on the original', () => {
		expect(tokenize(CHROMIUM_PDF_TEXT)).toEqual(tokenize('青年 文化 鸟类'));
		expect(highlightTerms('⻘年')).toContain('青年');
		const text = '见…⻘年⽂化';
		const ranges = matchRanges(text, ['青年'], (t) => t);
		expect(ranges.map(([from, to]) => text.slice(from, to))).toEqual(['⻘年']);
	});
});

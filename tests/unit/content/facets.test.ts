import { afterEach, describe, expect, it } from 'vitest';
import { compareForList, decadeOf, facetLabel, facetOptions, facetTitle, parseFilter, serializeFilter } from '../../../src/lib/content/facets';
import type { DocumentSummary } from '../../../src/lib/content/present';
import { overwriteGetLocale } from '../../../src/lib/paraglide/runtime.js';
import type { Locale } from '../../../src/lib/i18n/locale';

const inLocale = (locale: Locale) => overwriteGetLocale(() => locale);
afterEach(() => inLocale('en'));

const doc = (id: string, title: string, date: string | undefined, extra: Partial<DocumentSummary> = {}): DocumentSummary => ({
	id,
	title,
	titleSupplied: false,
	kind: 'letter',
	primary: true,
	status: 'original',
	date,
	dateApproximate: false,
	issuer: 'Someone',
	...extra
});

describe('facets in the reader’s language', () => {
	it('names the facets and labels the decades in each interface, with the same URL values', () => {
		expect([facetTitle('kind'), facetTitle('decade'), facetLabel('decade', '2000s'), facetLabel('source', 'primary')]).toEqual(['Kind', 'Decade', '2000s', 'Primary source']);
		inLocale('zh-Hans');
		expect([facetTitle('kind'), facetTitle('decade'), facetLabel('decade', '2000s'), facetLabel('source', 'primary')]).toEqual(['类型', '年代', '2000年代', '原始来源']);
		inLocale('zh-Hant');
		expect([facetTitle('kind'), facetTitle('status'), facetLabel('decade', '1960s'), facetLabel('status', 'catalogue')]).toEqual(['類型', '狀態', '1960年代', '目錄記錄（原件未存檔）']);
		// Values (and so URLs) are not translated.
		expect(decadeOf('2003-02-10')).toBe('2000s');
		expect(serializeFilter(parseFilter(new URLSearchParams('decade=2000s&kind=court-judgment')))).toBe('kind=court-judgment&decade=2000s');
	});

	it('gives each option its localized label and keeps the values', () => {
		inLocale('zh-Hans');
		const options = facetOptions([doc('a', 'A', '2003'), doc('b', 'B', '1995', { primary: false })], {});
		expect(options.decade.map((o) => [o.value, o.label])).toEqual([['1990s', '1990年代'], ['2000s', '2000年代']]);
		expect(options.source.map((o) => o.value).sort()).toEqual(['primary', 'secondary']);
	});
});

describe('the archive list’s order', () => {
	const docs = [doc('z', '中国之春', '2003'), doc('b', 'Beta', '2003'), doc('a', 'Alpha', '2003'), doc('u', 'Undated', undefined), doc('old', 'Zulu', '1990'), doc('a2', 'Alpha', '2003'), doc('x', '北京之春', '2003')];
	it('is by date, undated last, then title as the page’s language sorts it, then id', () => {
		expect([...docs].sort(compareForList('en')).map((d) => d.id)).toEqual(['old', 'a', 'a2', 'b', 'z', 'x', 'u']);
		// A Simplified page sorts Chinese titles by pinyin (Běijīng before Zhōngguó), a Traditional one by strokes (中 before 北).
		expect([...docs].sort(compareForList('zh-Hans')).map((d) => d.id)).toEqual(['old', 'x', 'z', 'a', 'a2', 'b', 'u']);
		expect([...docs].sort(compareForList('zh-Hant')).map((d) => d.id)).toEqual(['old', 'z', 'x', 'a', 'a2', 'b', 'u']);
	});
	it('is the same whatever order the documents come in', () => {
		for (const locale of ['en', 'zh-Hans', 'zh-Hant'] as const) expect([...docs].reverse().sort(compareForList(locale))).toEqual([...docs].sort(compareForList(locale)));
	});
});

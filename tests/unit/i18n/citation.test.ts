import { describe, expect, it } from 'vitest';
import { locationParts, quoteOrigin, rendering } from '../../../src/lib/ui/citation';

const text = (parts: { text: string }[]) => parts.map((p) => p.text).join('');

describe('where a citation points, in each interface', () => {
	it('keeps the English as it was: "¶ 10, fourth Whereas clause", "p. 3"', () => {
		expect(text(locationParts({ paragraph: 10, pinpoint: 'fourth Whereas clause' }, 'en'))).toBe('¶ 10, fourth Whereas clause');
		expect(text(locationParts({ page: 3 }, 'en'))).toBe('p. 3');
		expect(text(locationParts({ pinpoint: 'CR H2698-2699' }, 'en'))).toBe('CR H2698-2699');
		expect(locationParts({}, 'en')).toEqual([]);
	});

	it("says the archive's numbering in Chinese and leaves the document's own as it gives it", () => {
		const parts = locationParts({ paragraph: 7, pinpoint: 'para. 5 (a)' }, 'zh-Hans');
		expect(text(parts)).toBe('第7段，para. 5 (a)');
		expect(parts.filter((p) => p.own).map((p) => p.text)).toEqual(['para. 5 (a)']);
		expect(text(locationParts({ page: 12 }, 'zh-Hant'))).toBe('第12頁');
	});
});

describe('where a quote comes from', () => {
	it('is checked when the document is held, whoever else quotes it', () => {
		expect(quoteOrigin({ quotedBy: 'research notes' }, true)).toEqual({ kind: 'checked' });
	});
	it('is the research notes, a named quoter, or other sources when it is not', () => {
		expect(quoteOrigin({ quotedBy: 'research notes, as reported by the Taipei Times, 16 August 2005' }, false)).toEqual({ kind: 'research-notes' });
		expect(quoteOrigin({ quotedBy: 'The research notes (part 2)' }, false)).toEqual({ kind: 'research-notes' });
		expect(quoteOrigin({ quotedBy: 'china.org.cn (PRC state portal)' }, false)).toEqual({ kind: 'quoted-by', who: 'china.org.cn (PRC state portal)' });
		expect(quoteOrigin({}, false)).toEqual({ kind: 'other-sources' });
	});
	it("tells the archive's own translation from a translator's", () => {
		expect(rendering({ renderedBy: 'the archive' })).toEqual({ kind: 'archive' });
		expect(rendering({ renderedBy: 'Yaxue Cao' })).toEqual({ kind: 'translator', who: 'Yaxue Cao' });
		expect(rendering({})).toBeNull();
	});
});

/**
 * The three interfaces: every message in every locale, the Traditional derivation (interface and
 * records), Chinese dates at every precision, and the check that a translation says no more than
 * its English.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatSpanZh, mustParseDate } from '../../../src/lib/content/dates';
import { chineseNumbers, englishNumbers, translationProblems } from '../../../src/lib/content/translation';
import { deriveTraditional, toTraditionalInterface } from '../../../src/lib/i18n/derive';
import { translationPairs } from '../../../src/pipeline/crosscheck';
import { bothScripts } from '../../../src/pipeline/traditional';

const MESSAGES = 'messages';
const LOCALES = ['en', 'zh-Hans', 'zh-Hant'] as const;
const areas = readdirSync(MESSAGES, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);
const read = (area: string, locale: string): Record<string, string> => {
	const { $schema: _, ...messages } = JSON.parse(readFileSync(join(MESSAGES, area, `${locale}.json`), 'utf8')) as Record<string, string>;
	return messages;
};
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('messages', () => {
	const settings = JSON.parse(readFileSync('project.inlang/settings.json', 'utf8')) as { locales: string[]; 'plugin.inlang.messageFormat': { pathPattern: string[] } };

	it('are the three locales, every area listed in the project settings', () => {
		expect(settings.locales).toEqual([...LOCALES]);
		const listed = settings['plugin.inlang.messageFormat'].pathPattern.map((p) => p.split('/')[2]);
		expect(areas.filter((a) => !listed.includes(a))).toEqual([]);
	});

	for (const area of areas) {
		it(`${area}: every key is in every locale, non-empty, with the same placeholders`, () => {
			let en: Record<string, string>;
			try {
				en = read(area, 'en');
			} catch {
				return; // an area with no messages yet
			}
			for (const locale of LOCALES.slice(1)) {
				const other = read(area, locale);
				expect(Object.keys(other).sort(), `${area}/${locale}.json keys`).toEqual(Object.keys(en).sort());
				for (const [key, text] of Object.entries(en)) {
					expect(other[key]!.trim(), `${area}/${locale}.json ${key}`).not.toBe('');
					expect(placeholders(other[key]!), `${area}/${locale}.json ${key} placeholders`).toEqual(placeholders(text));
				}
			}
		});
	}

	it('no two areas define the same key (one compiled namespace)', () => {
		const seen = new Map<string, string>();
		const clashes: string[] = [];
		for (const area of areas) {
			let keys: string[] = [];
			try {
				keys = Object.keys(read(area, 'en'));
			} catch {
				continue;
			}
			for (const key of keys) {
				if (seen.has(key)) clashes.push(`${key} in ${seen.get(key)} and ${area}`);
				seen.set(key, area);
			}
		}
		expect(clashes).toEqual([]);
	});

	it('the Traditional files are what the derivation gives (npm run i18n regenerates them)', () => {
		const overrides = JSON.parse(readFileSync(join(MESSAGES, 'zh-Hant-overrides.json'), 'utf8')) as Record<string, string>;
		for (const area of areas) {
			let hans: Record<string, string>;
			try {
				hans = read(area, 'zh-Hans');
			} catch {
				continue;
			}
			expect(read(area, 'zh-Hant'), area).toEqual(deriveTraditional(hans, overrides));
		}
	});
});

describe('Traditional Chinese, derived with OpenCC', () => {
	it('pins 国家安全局 → 國家安全局 in the interface and in records (twp alone gives 國家安全域性)', () => {
		expect(toTraditionalInterface('台湾国家安全局的答复')).toBe('臺灣國家安全局的答覆');
		expect(bothScripts({ summary: '台湾国家安全局答复了' })['zh-Hant']).toEqual({ summary: '臺灣國家安全局答覆了' });
	});

	it('keeps 文件 ("document") apart from 檔案 ("archive") in the interface', () => {
		expect(toTraditionalInterface('本档案的文件')).toBe('本檔案的文件');
	});

	it('reads interface words as Taiwan does (twp), record fields character by character (tw)', () => {
		expect(toTraditionalInterface('搜索本档案')).toBe('搜尋本檔案');
		expect(toTraditionalInterface('软件信息')).toBe('軟體資訊');
		expect(bothScripts({ summary: '他被绑架并带入中国' })['zh-Hant']).toEqual({ summary: '他被綁架並帶入中國' });
	});

	it('never converts kept words, and removes their marks', () => {
		const both = bothScripts({ summary: '⟪(2003)深中法刑一初字第41号⟫判决书，⟪王炳章⟫' });
		expect(both['zh-Hans']).toEqual({ summary: '(2003)深中法刑一初字第41号判决书，王炳章' });
		expect(both['zh-Hant']).toEqual({ summary: '(2003)深中法刑一初字第41号判決書，王炳章' });
	});

	it('keeps placeholders and takes a reviewed override for a whole message', () => {
		expect(deriveTraditional({ a: '{count}个事件', b: '搜索' }, { b: '檢索' })).toEqual({ a: '{count}個事件', b: '檢索' });
	});
});

describe('Chinese dates, at every precision', () => {
	const span = (start: string, more: { end?: string; ongoing?: boolean; approximate?: boolean } = {}) => ({ start: mustParseDate(start), ...(more.end ? { end: mustParseDate(more.end) } : {}), ongoing: more.ongoing, approximate: more.approximate });
	it.each([
		[span('2002-06-27'), '2002年6月27日', '2002年6月27日'],
		[span('2003-02'), '2003年2月', '2003年2月'],
		[span('2003'), '2003年', '2003年'],
		[span('2003', { approximate: true }), '约2003年', '約2003年'],
		[span('1979', { end: '1982' }), '1979年至1982年', '1979年至1982年'],
		[span('1979-03', { end: '1979-05', approximate: true }), '约1979年3月至5月', '約1979年3月至5月'],
		[span('2003-02-10', { end: '2003-02-12' }), '2003年2月10日至12日', '2003年2月10日至12日'],
		[span('2002-06-26', { end: '2002-07-03' }), '2002年6月26日至7月3日', '2002年6月26日至7月3日'],
		[span('2001-12', { end: '2002-02' }), '2001年12月至2002年2月', '2001年12月至2002年2月'],
		[span('2002', { ongoing: true }), '自2002年起', '自2002年起']
	])('%j is %s (%s)', (date, hans, hant) => {
		expect(formatSpanZh(date, 'zh-Hans')).toBe(hans);
		expect(formatSpanZh(date, 'zh-Hant')).toBe(hant);
	});
});

describe('a translation says no more than its English', () => {
	it('refuses an added date, number or name', () => {
		expect(translationProblems('He was abducted in June 2002.', '他于2002年6月被绑架。')).toEqual([]);
		expect(translationProblems('He was abducted in June 2002.', '他于2002年6月27日被绑架。')).toEqual(['adds the number 27, which the English does not give']);
		expect(translationProblems('Three men were seized.', '四人被抓。')).toEqual(['adds the number 4, which the English does not give']);
		expect(translationProblems('He met others.', '他会见了⟪朱利锋⟫等人。', { 朱利锋: ['Zhu Lifeng'] })).toEqual(['names 朱利锋, whom the English does not name (Zhu Lifeng)']);
		expect(translationProblems('He met Zhu Lifeng.', '他会见了⟪朱利锋⟫。', { 朱利锋: ['Zhu Lifeng'] })).toEqual([]);
		expect(translationProblems('The House passed it.', '⟪H.Con.Res. 326⟫获众议院通过。')).toEqual([expect.stringMatching(/^adds the number 326/), 'adds the word "H.Con.Res", which the English does not hold']);
	});

	it('normalises English number words and Chinese numerals before comparing, both ways', () => {
		// English words → Chinese numerals
		expect(translationProblems('He suffered three strokes.', '他三次中风。')).toEqual([]);
		expect(translationProblems('He suffered three strokes.', '他四次中风。')).toEqual(['adds the number 4, which the English does not give']);
		expect(translationProblems('a sentence of twenty-three years', '二十三年的刑期')).toEqual([]);
		// English digits → Chinese numerals, and English words → Chinese digits
		expect(translationProblems('He served 2 years.', '他服刑两年。')).toEqual([]);
		expect(translationProblems('He served two years.', '他服刑2年。')).toEqual([]);
		expect(translationProblems('He served two years.', '他服刑3年。')).toEqual(['adds the number 3, which the English does not give']);
		expect(translationProblems('Both were released.', '二者均获释。')).toEqual([]);
		expect(translationProblems('10 million people', '一千万人')).toEqual([]);
		expect([...chineseNumbers('二〇〇三年两千人')].sort()).toEqual([2000, 2003]);
		expect([...englishNumbers('1,951 characters dated "2014,08,30"')].sort((a, b) => a - b)).toEqual([8, 30, 1951, 2014]);
	});

	it('pairs nested translations with their English by path and refuses a list of another length', () => {
		const english = { title: 'T', disputes: [{ question: 'Q', versions: [{ statement: 'A' }, { statement: 'B' }] }], sources: [{ note: 'N' }, {}] };
		expect(translationPairs(english, { title: '题', disputes: [{ question: '问', versions: [{ statement: '甲' }, { statement: '乙' }] }], sources: [{ note: '注' }, {}] })).toEqual({
			pairs: [
				['title', 'T', '题'],
				['disputes[0].question', 'Q', '问'],
				['disputes[0].versions[0].statement', 'A', '甲'],
				['disputes[0].versions[1].statement', 'B', '乙'],
				['sources[0].note', 'N', '注']
			],
			shape: []
		});
		const short = translationPairs(english, { disputes: [{ question: '问', versions: [{ statement: '甲' }] }] });
		expect(short.shape).toEqual([{ field: 'disputes[0].versions', problem: 'translates 1 entries, but the record has 2', fix: expect.any(String) }]);
		expect(translationPairs(english, { summary: '摘要' }).pairs).toEqual([['summary', undefined, '摘要']]);
	});
});

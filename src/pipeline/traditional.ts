/**
 * Traditional Chinese derived from the archive's Simplified. Record fields use OpenCC's `tw` table
 * (characters only): its `twp` phrase table rewrites this archive's words wrongly (国家安全局 →
 * 國家安全域性; 文件 → 檔案, 文档 → 文件, so "document" and "archive" collide). Words kept in
 * ⟪…⟫ are never converted, and the marks are removed from what the site shows.
 */
import { Converter } from 'opencc-js/cn2t';
import { convertOutsideKept, shownText } from '../lib/content/translation';

const toTraditional = Converter({ from: 'cn', to: 'tw' });

/** Every string of a value, deep, through `f`. */
function mapStrings<T>(value: T, f: (s: string) => string): T {
	if (typeof value === 'string') return f(value) as T;
	if (Array.isArray(value)) return value.map((v) => mapStrings(v, f)) as T;
	if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mapStrings(v, f)])) as T;
	return value;
}

/** A record's translation in both scripts, as the site shows them: { 'zh-Hans': …, 'zh-Hant': … }, marks removed. */
export function bothScripts<T>(zhHans: T | undefined): { 'zh-Hans'?: T; 'zh-Hant'?: T } {
	if (zhHans === undefined) return {};
	return {
		'zh-Hans': mapStrings(zhHans, shownText),
		'zh-Hant': mapStrings(zhHans, (s) => shownText(convertOutsideKept(s, toTraditional)))
	};
}

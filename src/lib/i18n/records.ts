/**
 * Records in the reader's language: on a Chinese page, the archive's own words (titles,
 * summaries, descriptions, claims) in the Chinese the record carries, in the page's script; where
 * a record has no translation yet, its English, flagged so the page says so and marks it lang="en".
 * Sources' words (quotes, document titles) are never touched.
 */
import type { Locale } from './locale';

/** What a localized record adds: whether its words are the archive's translation, and in which language. */
export interface Localized {
	/** The language of the record's own words as shown: the page's, or "en" where no translation exists. */
	textLang: string;
	/** True when the page is Chinese and the record has no Chinese yet. */
	untranslated: boolean;
}

type Translatable = { 'zh-Hans'?: object; 'zh-Hant'?: object };

/**
 * A document for a Chinese page: its own words localized, and a Chinese document's own Chinese
 * title first (a source's title is shown as the source gives it, never translated).
 */
export function localizeDocument<T extends Translatable & { title: string; titleSupplied: boolean; originalTitle?: { text: string; lang: string } }>(doc: T, locale: Locale): T & Localized & { titleLang?: string } {
	const out = localize(doc, locale);
	if (locale !== 'en' && doc.originalTitle && doc.originalTitle.lang.startsWith('zh')) return { ...out, title: doc.originalTitle.text, titleSupplied: false, titleLang: doc.originalTitle.lang };
	return out;
}

/**
 * The record with its own words replaced by their translation for `locale` (fields the
 * translation lacks keep their English). English pages get the record as it is.
 */
export function localize<T extends Translatable>(record: T, locale: Locale): T & Localized {
	if (locale === 'en') return { ...record, textLang: 'en', untranslated: false };
	const zh = record[locale] as Record<string, unknown> | undefined;
	if (!zh) return { ...record, textLang: 'en', untranslated: true };
	const out = overlay(record, zh) as T;
	return { ...out, textLang: locale, untranslated: false };
}

/**
 * The English record with the translation laid over it: strings replaced, objects merged key by
 * key, lists entry by entry (the check has made each translated list as long as the English).
 */
function overlay(english: unknown, zh: unknown): unknown {
	if (typeof zh === 'string') return zh;
	if (Array.isArray(zh)) return Array.isArray(english) ? english.map((item, i) => (i < zh.length ? overlay(item, zh[i]) : item)) : english;
	if (zh && typeof zh === 'object' && english && typeof english === 'object') {
		const out: Record<string, unknown> = { ...(english as Record<string, unknown>) };
		for (const [key, value] of Object.entries(zh)) if (value !== undefined) out[key] = overlay(out[key], value);
		return out;
	}
	return english;
}

/**
 * The language one of the archive's own strings is in on a page: the page's, or "en" when a Chinese
 * page shows it untranslated. Every translation of the archive's has Chinese characters; an
 * untranslated English string has none (a Chinese name inside an English note is marked and kept
 * as it is, but an English note with one is rare enough to be read as English by the reader).
 */
export function fieldLang(text: string, locale: Locale): string {
	return locale === 'en' || /\p{Script=Han}/u.test(text) ? locale : 'en';
}

/**
 * What the archive list (/archive and its facet pages) loads: every document in the page's
 * language and order, and the script of the Chinese in issuers' names where it is not the page's.
 */
import { compareForList } from '$lib/content/facets';
import { currentLocale, type Locale } from '$lib/i18n/locale';
import { documentSummaries, getManifest } from '$lib/server/archive';

/**
 * The language of the Chinese characters in a document's issuer ("Radio Free Asia (张敏)"), when
 * it differs from the page's: the document's one Chinese script, since the name is written as the
 * document writes it. Null on English pages (Chinese there is marked lang="zh"), when the issuer has
 * no Chinese, and when the document is in both scripts (which one the name is in is not recorded).
 */
export function issuerLanguage(doc: { issuer: string; languages: readonly string[] }, locale: Locale): string | null {
	if (locale === 'en' || !/\p{Script=Han}/u.test(doc.issuer)) return null;
	const scripts = doc.languages.filter((l) => l === 'zh-Hans' || l === 'zh-Hant');
	return scripts.length === 1 && scripts[0] !== locale ? scripts[0]! : null;
}

export function archiveList() {
	const locale = currentLocale();
	const issuerLangs: Record<string, string> = {};
	for (const doc of getManifest().documents) {
		const lang = issuerLanguage(doc, locale);
		if (lang) issuerLangs[doc.id] = lang;
	}
	return { documents: documentSummaries().sort(compareForList(locale)), issuerLangs };
}

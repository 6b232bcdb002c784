import { error } from '@sveltejs/kit';
import { resolve } from '$app/paths';
import type { ManifestDocument, ManifestTable } from '$lib/content/manifest';
import { label } from '$lib/i18n/labels';
import { document_language_undetermined } from '$lib/paraglide/messages';
import { currentLocale, isChinese, localized, type Locale } from '$lib/i18n/locale';
import { localize } from '$lib/i18n/records';
import { getDocument, getManifest, localDocument } from '$lib/server/archive';
import { PageTexts } from '$lib/viewer/page-texts.svelte';
import type { ParagraphClaim } from '$lib/viewer/types';
import type { EntryGenerator, PageServerLoad } from './$types';

export const entries: EntryGenerator = () => getManifest().documents.map((d) => ({ id: d.id }));

/** The claims made in each paragraph of a document (where a claim's allegedIn cites it), for the text's margin, in the page's language. */
function paragraphClaims(id: string, locale: Locale): Record<number, ParagraphClaim[]> {
	const out: Record<number, ParagraphClaim[]> = {};
	const claimsPage = localized(resolve('/claims'), locale);
	for (const claim of getManifest().claims) {
		const paragraphs = new Set(claim.allegedIn.filter((s) => s.document === id && s.paragraph !== undefined).map((s) => s.paragraph!));
		const title = localize(claim, locale).title;
		for (const n of paragraphs) (out[n] ??= []).push({ id: claim.id, title, finding: claim.finding, findingLabel: label('finding', claim.finding), href: `${claimsPage}#${claim.id}` });
	}
	return out;
}

/** Languages by name in the page's language ("英语、简体中文"); English pages keep the tags ("en, zh-Hans"). */
function languageNames(languages: readonly string[], locale: Locale): string | null {
	if (locale === 'en') return null;
	const names = new Intl.DisplayNames([locale], { type: 'language', fallback: 'code' });
	return languages.map((tag) => (tag === 'und' ? document_language_undetermined() : (names.of(tag) ?? tag))).join('、');
}

/**
 * A data record's table with its caption and column labels in the page's language (the record's
 * translation gives them by column); the cells are the record's data and stay as they are.
 */
function localTable(raw: ManifestDocument, locale: Locale): ManifestTable | null {
	const table = raw.table;
	if (!table || locale === 'en') return table;
	const zh = raw[locale]?.table;
	if (!zh) return table;
	const columns = table.columns.map((label, i) => zh.columns?.[i]?.label ?? label);
	const counted = table.columns.indexOf(table.countBy);
	return { ...table, caption: zh.caption ?? table.caption, columns, countBy: counted >= 0 ? columns[counted]! : table.countBy };
}

export const load: PageServerLoad = ({ params }) => {
	const raw = getDocument(params.id);
	const doc = localDocument(params.id);
	if (!raw || !doc) error(404, `No document with the id "${params.id}"`);
	const locale = currentLocale();
	const events = new Map(getManifest().events.map((e) => [e.id, e]));
	// The events citing it, by their titles in the page's language.
	const citedBy = isChinese(locale)
		? doc.citedBy.map((c) => {
				const event = events.get(c.event);
				return event ? { ...c, eventTitle: localize(event, locale).title } : c;
			})
		: doc.citedBy;
	// On a Chinese page a Chinese document's own title heads the page (records.ts); the title it replaced follows it.
	const replaced = doc.title !== raw.title && raw.originalTitle !== undefined && doc.title === raw.originalTitle.text;
	const before = localize(raw, locale);
	const secondTitle = replaced ? { text: before.title, supplied: raw.titleSupplied, untranslated: before.untranslated } : null;
	const { 'zh-Hans': _hans, 'zh-Hant': _hant, ...shown } = doc;
	return {
		// The page texts are in the page's HTML; the hydration data says only how many (PageTexts).
		doc: { ...shown, citedBy, table: localTable(raw, locale), pages: shown.pages && new PageTexts(shown.id, shown.pages.length, shown.pages) } as Omit<ManifestDocument, 'pages'> & { pages: PageTexts | null; textLang: string; untranslated: boolean },
		/** The English title, for the citations that are the same on every interface. */
		citeAs: { title: raw.title, titleSupplied: raw.titleSupplied },
		secondTitle,
		languageNames: languageNames(doc.languages, locale),
		claims: doc.claimant ? paragraphClaims(doc.id, locale) : {}
	};
};

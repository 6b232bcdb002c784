/**
 * What the archive list (/archive and its facet pages) loads: every document in the page's
 * language and order, and how each title is to be marked where the summary alone cannot say it.
 */
import { Converter } from 'opencc-js/cn2t';
import { compareForList } from '$lib/content/facets';
import type { ManifestDocument } from '$lib/content/manifest';
import { currentLocale, type Locale } from '$lib/i18n/locale';
import { documentSummaries, getManifest } from '$lib/server/archive';
import type { TitleRun } from '$lib/ui/ArchiveBrowser.svelte';

const toTraditional = Converter({ from: 'cn', to: 'tw' });

/**
 * The words a Traditional translation kept in Simplified (names and titles kept in ⟪…⟫ in the
 * record, whose marks the manifest no longer has): runs of Chinese characters that are the same in
 * both scripts and hold a character the derivation would have converted. They are the source's
 * words, marked lang="zh-Hans"; the rest is the archive's Traditional.
 */
export function keptRuns(hans: string, hant: string, convert: (text: string) => string = toTraditional): TitleRun[] {
	const h = [...hans];
	const t = [...hant];
	if (h.length !== t.length) return [{ text: hant }];
	const same = t.map((c, i) => c === h[i] && /\p{Script=Han}/u.test(c));
	const runs: TitleRun[] = [];
	const push = (run: TitleRun) => {
		const last = runs.at(-1);
		if (last && !last.source && !run.source) last.text += run.text;
		else runs.push(run);
	};
	for (let i = 0; i < t.length; ) {
		let j = i + 1;
		while (j < t.length && same[j] === same[i]) j++;
		const text = t.slice(i, j).join('');
		push(same[i] && convert(text) !== text ? { text, lang: 'zh-Hans', source: true } : { text });
		i = j;
	}
	return runs;
}

/** Runs of a document's title on a page of `locale`, where they differ from the plain title. */
function titleRuns(doc: ManifestDocument, locale: Locale): TitleRun[] | null {
	if (locale === 'en') return null;
	// A Chinese document's own title, shown first on Chinese pages (localizeDocument), in its own script.
	if (doc.originalTitle?.lang.startsWith('zh')) return [{ text: doc.originalTitle.text, lang: doc.originalTitle.lang, source: true }];
	const hans = doc['zh-Hans']?.title;
	const hant = doc['zh-Hant']?.title;
	if (locale === 'zh-Hant' && doc.titleSupplied && hans && hant) {
		const runs = keptRuns(hans, hant);
		if (runs.some((r) => r.source)) return runs;
	}
	return null;
}

export function archiveList() {
	const locale = currentLocale();
	const titles: Record<string, TitleRun[]> = {};
	for (const doc of getManifest().documents) {
		const runs = titleRuns(doc, locale);
		if (runs) titles[doc.id] = runs;
	}
	return { documents: documentSummaries().sort(compareForList(locale)), titles };
}

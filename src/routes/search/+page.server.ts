import { decadeOf } from '$lib/content/facets';
import { kindLabel } from '$lib/content/document-labels';
import { currentLocale } from '$lib/i18n/locale';
import { localize } from '$lib/i18n/records';
import { getManifest } from '$lib/server/archive';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = () => {
	const { documents, events, claimants, searchIndex } = getManifest();
	const locale = currentLocale();
	const kinds = [...new Set(documents.map((d) => d.kind))].sort().map((kind) => ({ kind, label: kindLabel(kind) }));
	const decades = [...new Set([...documents.map((d) => decadeOf(d.date)), ...events.map((e) => decadeOf(e.start))].filter((d) => d !== null))].sort();
	if (!searchIndex) throw new Error('The manifest names no search index: run `npm run build`, which writes it.');
	// Claim results name whose claim it is, in the reader's language.
	const names = Object.fromEntries(Object.entries(claimants).map(([id, c]) => [id, localize(c, locale).name]));
	return { kinds, decades, searchIndex, claimants: names };
};

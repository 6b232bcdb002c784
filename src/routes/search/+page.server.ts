import { decadeOf } from '$lib/content/facets';
import { kindLabel } from '$lib/content/present';
import { getManifest } from '$lib/server/archive';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = () => {
	const { documents, events, searchIndex } = getManifest();
	const kinds = [...new Set(documents.map((d) => d.kind))].sort().map((kind) => ({ kind, label: kindLabel(kind) }));
	const decades = [...new Set([...documents.map((d) => decadeOf(d.date)), ...events.map((e) => decadeOf(e.start))].filter((d) => d !== null))].sort();
	if (!searchIndex) throw new Error('The manifest names no search index: run `npm run build`, which writes it.');
	return { kinds, decades, searchIndex };
};

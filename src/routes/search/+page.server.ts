import { kindLabel } from '$lib/content/present';
import { getManifest } from '$lib/server/archive';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = () => {
	const { documents, events, searchIndex } = getManifest();
	const kinds = [...new Set(documents.map((d) => d.kind))].sort().map((kind) => ({ kind, label: kindLabel(kind) }));
	const years = [...documents.map((d) => d.date), ...events.map((e) => e.start)].filter((d): d is string => d !== undefined).map((d) => Math.floor(Number(d.slice(0, 4)) / 10) * 10);
	const decades = [...new Set(years)].sort((a, b) => a - b).map((y) => `${y}s`);
	if (!searchIndex) throw new Error('The manifest names no search index: run `npm run build`, which writes it.');
	return { kinds, decades, searchIndex };
};

import { error } from '@sveltejs/kit';
import { FACET_KEYS, facetLabel, facetTitle, facetValue, type FacetKey } from '$lib/content/facets';
import { documentSummaries } from '$lib/server/archive';
import { archive_facet_not_found } from '$lib/paraglide/messages';
import { archiveList } from '../../list.server';
import type { EntryGenerator, PageServerLoad } from './$types';

/** One prerendered page per facet value that some document has (the same values in every interface). */
export const entries: EntryGenerator = () => {
	const docs = documentSummaries();
	return FACET_KEYS.flatMap((facet) => [...new Set(docs.map((d) => facetValue(d, facet)).filter((v): v is string => v !== null))].map((value) => ({ facet, value })));
};

export const load: PageServerLoad = ({ params }) => {
	const facet = params.facet as FacetKey;
	const list = archiveList();
	if (!list.documents.some((d) => facetValue(d, facet) === params.value)) error(404, archive_facet_not_found({ facet: facetTitle(facet).toLowerCase(), value: params.value }));
	return { ...list, facet, value: params.value, label: facetLabel(facet, params.value), facetTitle: facetTitle(facet) };
};

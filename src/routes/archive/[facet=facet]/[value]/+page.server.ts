import { error } from '@sveltejs/kit';
import { FACET_KEYS, facetLabel, facetValue, FACET_TITLES, type FacetKey } from '$lib/content/facets';
import { documentSummaries } from '$lib/server/archive';
import type { EntryGenerator, PageServerLoad } from './$types';

/** One prerendered page per facet value that some document has. */
export const entries: EntryGenerator = () => {
	const docs = documentSummaries();
	return FACET_KEYS.flatMap((facet) => [...new Set(docs.map((d) => facetValue(d, facet)).filter((v): v is string => v !== null))].map((value) => ({ facet, value })));
};

export const load: PageServerLoad = ({ params }) => {
	const facet = params.facet as FacetKey;
	const documents = documentSummaries();
	if (!documents.some((d) => facetValue(d, facet) === params.value)) error(404, `No documents with ${FACET_TITLES[facet].toLowerCase()} "${params.value}"`);
	return { documents, facet, value: params.value, label: facetLabel(facet, params.value), facetTitle: FACET_TITLES[facet] };
};

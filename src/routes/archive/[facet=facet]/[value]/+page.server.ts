import { error } from '@sveltejs/kit';
import { compareDocumentDates, summariseDocument } from '$lib/content/present';
import { FACET_KEYS, facetLabel, facetValue, FACET_TITLES, type FacetKey } from '$lib/content/facets';
import { getManifest } from '$lib/server/archive';
import type { EntryGenerator, PageServerLoad } from './$types';

const summaries = () =>
	getManifest()
		.documents.map(summariseDocument)
		.sort((a, b) => compareDocumentDates(a, b) || a.title.localeCompare(b.title));

/** One prerendered page per facet value that some document has. */
export const entries: EntryGenerator = () => {
	const docs = summaries();
	return FACET_KEYS.flatMap((facet) => [...new Set(docs.map((d) => facetValue(d, facet)).filter((v): v is string => v !== null))].map((value) => ({ facet, value })));
};

export const load: PageServerLoad = ({ params }) => {
	const facet = params.facet as FacetKey;
	const documents = summaries();
	if (!documents.some((d) => facetValue(d, facet) === params.value)) error(404, `No documents with ${FACET_TITLES[facet].toLowerCase()} "${params.value}"`);
	return { documents, facet, value: params.value, label: facetLabel(facet, params.value), facetTitle: FACET_TITLES[facet] };
};

import { compareDocumentDates, summariseDocument } from '$lib/content/present';
import { getManifest } from '$lib/server/archive';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = () => {
	const documents = getManifest()
		.documents.map(summariseDocument)
		.sort((a, b) => compareDocumentDates(a, b) || a.title.localeCompare(b.title));
	return { documents };
};

import { summariseDocument } from '$lib/content/present';
import { compareDates, mustParseDate } from '$lib/content/dates';
import { getManifest } from '$lib/server/archive';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = () => {
	const documents = getManifest()
		.documents.map(summariseDocument)
		.sort((a, b) => compareDates(mustParseDate(a.date), mustParseDate(b.date)) || a.title.localeCompare(b.title));
	return { documents };
};

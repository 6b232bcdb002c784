import { getManifest } from '$lib/server/archive';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = () => {
	const { events, documents } = getManifest();
	return {
		events: events.map(({ id, title, start, end, ongoing, approximate, category, disputes, unverified }) => ({ id, title, start, end, ongoing, approximate, category, disputes, unverified })),
		documentCount: documents.length
	};
};

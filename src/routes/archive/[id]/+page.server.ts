import { error } from '@sveltejs/kit';
import { getDocument, getManifest } from '$lib/server/archive';
import type { EntryGenerator, PageServerLoad } from './$types';

export const entries: EntryGenerator = () => getManifest().documents.map((d) => ({ id: d.id }));

export const load: PageServerLoad = ({ params }) => {
	const doc = getDocument(params.id);
	if (!doc) error(404, `No document with the id "${params.id}"`);
	return { doc };
};

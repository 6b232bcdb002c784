import { error } from '@sveltejs/kit';
import { getEvent, getManifest, summariesFor } from '$lib/server/archive';
import type { EntryGenerator, PageServerLoad } from './$types';

export const entries: EntryGenerator = () => getManifest().events.map((e) => ({ id: e.id }));

export const load: PageServerLoad = ({ params }) => {
	const event = getEvent(params.id);
	if (!event) error(404, `No event with the id "${params.id}"`);
	const events = getManifest().events;
	const index = events.indexOf(event);
	const neighbour = (i: number) => (events[i] ? { id: events[i].id, title: events[i].title } : null);
	return { event, docs: summariesFor([event]), previous: neighbour(index - 1), next: neighbour(index + 1) };
};

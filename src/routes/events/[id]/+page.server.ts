import { error } from '@sveltejs/kit';
import { currentLocale } from '$lib/i18n/locale';
import { localize } from '$lib/i18n/records';
import { getManifest, localEvent, summariesFor } from '$lib/server/archive';
import type { EntryGenerator, PageServerLoad } from './$types';

export const entries: EntryGenerator = () => getManifest().events.map((e) => ({ id: e.id }));

export const load: PageServerLoad = ({ params }) => {
	const event = localEvent(params.id);
	if (!event) error(404, `No event with the id "${params.id}"`);
	const events = getManifest().events;
	const index = events.findIndex((e) => e.id === event.id);
	const locale = currentLocale();
	const neighbour = (i: number) => (events[i] ? { id: events[i].id, title: localize(events[i], locale).title } : null);
	return { event, docs: summariesFor([event]), previous: neighbour(index - 1), next: neighbour(index + 1) };
};

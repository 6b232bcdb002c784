import { timelineEvents, yearSpan } from '$lib/server/timeline';
import type { PageServerLoad } from './$types';

/** Plain HTML, no scripts: the list without JavaScript for an archive too large to list on the timeline's own page. */
export const csr = false;

export const load: PageServerLoad = () => {
	const events = timelineEvents();
	return { events, years: yearSpan(events) };
};

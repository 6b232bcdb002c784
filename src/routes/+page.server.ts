import { error } from '@sveltejs/kit';
import { getEvent, getManifest } from '$lib/server/archive';
import { timelineData } from '$lib/server/timeline';
import type { PageServerLoad } from './$types';

/**
 * The events the home page names as the case in brief, in time order. The words shown are the
 * events' own titles and dates, so the brief says nothing the archive does not source.
 */
const BRIEF = [
	'born-1947',
	'mcgill-1979-1982',
	'china-spring-launch-1982',
	'abduction-2002',
	'arrest-announced-2002',
	'sentenced-2003',
	'appeal-rejected-2003',
	'solitary-confinement',
	'wgad-opinion-adopted-2003',
	'house-passes-2004',
	'claimed-resolutions-2003-2004',
	'thai-statement-2005',
	'thai-document-2009',
	'nsb-reply-2013',
	'letter-to-guterres-2022'
];

export const load: PageServerLoad = () => {
	const brief = BRIEF.map((id) => {
		const event = getEvent(id);
		if (!event) error(500, `The home page's case in brief names "${id}", which is not an event in the archive`);
		return event;
	});
	return { ...timelineData(), brief, documentCount: getManifest().documents.length };
};

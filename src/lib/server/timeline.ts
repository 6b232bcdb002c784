/** What a page with the timeline loads: the headline of every event (details are fetched on selection). */
import { headline } from '$lib/content/present';
import { currentLocale } from '$lib/i18n/locale';
import { localize } from '$lib/i18n/records';
import { getManifest } from './archive';

/** The default window: 1966 to the end of 2022. Earlier and later events are reached by panning. */
export const TIMELINE_PERIOD = { from: Date.UTC(1966, 0, 1), to: Date.UTC(2023, 0, 1) };

export function timelineData() {
	const locale = currentLocale();
	return { events: getManifest().events.map((e) => headline(localize(e, locale))), period: TIMELINE_PERIOD };
}

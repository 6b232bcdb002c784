/**
 * What a page with the timeline loads: the headline of every event (details are fetched on
 * selection), inside the page for an archive of up to a few hundred events, and otherwise the
 * address of the events file, which the browser fetches while the scripts load (see
 * $lib/timeline/data.ts for why).
 */
import { version } from '$app/environment';
import { base } from '$app/paths';
import { headline, type EventHeadline } from '$lib/content/present';
import { currentLocale, localized } from '$lib/i18n/locale';
import { localize } from '$lib/i18n/records';
import { eventsFilePath, shipsInline } from '$lib/timeline/data';
import { getManifest } from './archive';

/** The default window: 1966 to the end of 2022. Earlier and later events are reached by panning. */
export const TIMELINE_PERIOD = { from: Date.UTC(1966, 0, 1), to: Date.UTC(2023, 0, 1) };

/** Every event's headline, in the page's language. */
export const timelineEvents = (): EventHeadline[] => {
	const locale = currentLocale();
	return getManifest().events.map((e) => headline(localize(e, locale)));
};

/** The years the events span ("1971–2024"), for the page's title. */
export function yearSpan(events: readonly Pick<EventHeadline, 'start' | 'end'>[]): string {
	const all = events.flatMap((e) => [e.start, e.end ?? e.start]).map((d) => Number(d.slice(0, 4)));
	return all.length ? `${Math.min(...all)}–${Math.max(...all)}` : '';
}

export function timelineData() {
	const events = timelineEvents();
	const inline = shipsInline(events.length);
	return {
		events: inline ? events : null,
		/** Where the events are when they are not in the page: this interface's file. */
		eventsUrl: inline ? null : localized(base + eventsFilePath(version)),
		count: events.length,
		years: yearSpan(events),
		period: TIMELINE_PERIOD
	};
}

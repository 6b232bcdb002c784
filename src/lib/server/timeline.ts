/** What a page with the timeline loads: every event, and summaries of the documents they cite. */
import { getManifest, summariesFor } from './archive';

/** The default window: 1966 to the end of 2022. Earlier and later events are reached by panning. */
export const TIMELINE_PERIOD = { from: Date.UTC(1966, 0, 1), to: Date.UTC(2023, 0, 1) };

export function timelineData() {
	const { events } = getManifest();
	return { events, docs: summariesFor(events), period: TIMELINE_PERIOD };
}

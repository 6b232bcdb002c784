/**
 * What the timeline's page ships, and when. An archive of up to INLINE_EVENTS events (the real one
 * has about a hundred) is shipped inside the page: its marks are prerendered and its full list is
 * in a <noscript>, a few dozen kilobytes. A larger one would make the page megabytes of inline data
 * and list that the first frame does not need, so its events are a separate file instead: compact
 * (one array per event), named by the site's version (so it can be cached for good), preloaded by a
 * <link> in the page's head and fetched while the scripts load; its list without JavaScript is a
 * page of its own (/timeline/list).
 */
import type { EventHeadline } from '$lib/content/present';
import type { Category } from '$lib/content/vocabulary';

/** Up to this many events, the page carries them (and their list without JavaScript) itself. */
export const INLINE_EVENTS = 300;

export const shipsInline = (count: number) => count <= INLINE_EVENTS;

/** The events file's path (before the locale prefix and the base path) for a site version. */
export const eventsFilePath = (version: string) => `/timeline/events-${version}.json`;

/** An event in the file: id, title, category, start, end ("" for none), flags (FLAGS). */
export type CompactEvent = [string, string, string, string, string, number];
export interface EventsFile {
	/** Bumped when the layout of a row changes. */
	format: 1;
	events: CompactEvent[];
}

const FLAGS = { ongoing: 1, approximate: 2, disputed: 4, unverified: 8 } as const;

export function encodeEvents(events: readonly EventHeadline[]): EventsFile {
	return {
		format: 1,
		events: events.map((e) => [e.id, e.title, e.category, e.start, e.end ?? '', (e.ongoing ? FLAGS.ongoing : 0) | (e.approximate ? FLAGS.approximate : 0) | (e.disputed ? FLAGS.disputed : 0) | (e.unverified ? FLAGS.unverified : 0)])
	};
}

/** The headlines back from the file; a file of another format is refused, with what it was. */
export function decodeEvents(file: unknown): EventHeadline[] {
	const format = (file as Partial<EventsFile> | null)?.format;
	if (format !== 1 || !Array.isArray((file as EventsFile).events)) throw new Error(`the timeline's events file has format ${JSON.stringify(format)}, not 1`);
	return (file as EventsFile).events.map(([id, title, category, start, end, flags]) => ({
		id,
		title,
		category: category as Category,
		start,
		...(end ? { end } : {}),
		ongoing: (flags & FLAGS.ongoing) !== 0,
		approximate: (flags & FLAGS.approximate) !== 0,
		disputed: (flags & FLAGS.disputed) !== 0,
		unverified: (flags & FLAGS.unverified) !== 0
	}));
}

const loading = new Map<string, Promise<EventHeadline[]>>();

/** Fetches the events file once per URL (the promise is kept: the home page and the timeline share it); a failure may be retried. */
export function loadEvents(url: string): Promise<EventHeadline[]> {
	let promise = loading.get(url);
	if (!promise) {
		// The error says only codes and the address, no words, since every interface shows it inside its own sentence.
		promise = fetch(url).then(
			async (response) => {
				if (!response.ok) throw new Error(`HTTP ${response.status}: ${url}`);
				try {
					return decodeEvents(await response.json());
				} catch (cause) {
					// A file that is not the events file: the reader is told its address, the console why.
					console.error(cause);
					throw new Error(url, { cause });
				}
			},
			() => {
				throw new Error(url);
			}
		);
		promise.catch(() => loading.delete(url));
		loading.set(url, promise);
	}
	return promise;
}

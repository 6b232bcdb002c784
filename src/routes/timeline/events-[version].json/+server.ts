/**
 * The timeline's events file, in the reader's interface (/timeline/events-<version>.json,
 * /zh-hans/timeline/events-<version>.json): what a page with the timeline fetches when the archive
 * is too large to ship inside it ($lib/timeline/data.ts). The version in the name changes with the
 * site, so the file can be cached for good. The Chinese files are reached from their pages' preload links.
 */
import { version } from '$app/environment';
import { error } from '@sveltejs/kit';
import { timelineEvents } from '$lib/server/timeline';
import { encodeEvents } from '$lib/timeline/data';
import type { EntryGenerator, RequestHandler } from './$types';

export const prerender = true;

export const entries: EntryGenerator = () => [{ version }];

export const GET: RequestHandler = ({ params }) => {
	if (params.version !== version) error(404, `no events file for version ${params.version}`);
	return new Response(JSON.stringify(encodeEvents(timelineEvents())), { headers: { 'content-type': 'application/json' } });
};

/**
 * /zh-hans/… and /zh-hant/… are the English routes in another interface: the route is found by
 * the URL without its locale prefix, and the locale by the prefix (src/lib/i18n/strategy.ts).
 */
import type { Reroute, Transport } from '@sveltejs/kit';
import { base } from '$app/paths';
import '$lib/i18n/strategy';
import { withoutLocale } from '$lib/i18n/prefixes.js';
import { PageTexts } from '$lib/viewer/page-texts.svelte';

export const reroute: Reroute = ({ url }) => withoutLocale(url.pathname, base);

/**
 * A document's page texts travel in the page's HTML, not again in its hydration data: only their
 * document and count are serialized, and the browser reads the words back (page-texts.svelte.ts).
 */
export const transport: Transport = {
	PageTexts: {
		encode: (value) => value instanceof PageTexts && [value.id, value.count],
		decode: ([id, count]: [string, number]) => PageTexts.received(id, count)
	}
};

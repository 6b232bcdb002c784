/**
 * How Paraglide knows the reader's interface: from the URL's prefix after the base path, on the
 * server (the request being rendered or prerendered) and in the browser (the address bar). A custom
 * strategy instead of Paraglide's URL patterns, which need the base path written into patterns and
 * then ship a URLPattern polyfill (about 15 KB gzipped) with every page.
 * Imported by both hooks files, so it is defined before anything asks for the locale.
 */
import { base } from '$app/paths';
import { defineCustomClientStrategy, defineCustomServerStrategy, isServer, overwriteGetLocale, type Locale } from '$lib/paraglide/runtime';
import { setBasePath } from './locale';
import { localeOfPath } from './prefixes.js';

setBasePath(base);
defineCustomServerStrategy('custom-prefix', { getLocale: (request) => (request ? localeOfPath(new URL(request.url).pathname, base) : undefined) });
defineCustomClientStrategy('custom-prefix', {
	getLocale: () => localeOfPath(location.pathname, base),
	// The interface is changed by following a link to the other address, never in place.
	setLocale: () => {}
});
// Every message asks for the locale when it is called: hundreds of times as the timeline draws its
// marks. Paraglide's own lookup reads the whole address and runs its strategies each time (some
// 60 ms of a first render); in the browser the answer only changes with the path, so it is
// worked out once per path.
if (!isServer) {
	let known: { path: string; locale: Locale } | null = null;
	overwriteGetLocale(() => {
		const path = location.pathname;
		if (known?.path !== path) known = { path, locale: localeOfPath(path, base) };
		return known.locale;
	});
}

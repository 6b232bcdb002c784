/**
 * How Paraglide knows the reader's interface: from the URL's prefix after the base path, on the
 * server (the request being rendered or prerendered) and in the browser (the address bar). A custom
 * strategy instead of Paraglide's URL patterns, which need the base path written into patterns and
 * then ship a URLPattern polyfill (about 15 KB gzipped) with every page.
 * Imported by both hooks files, so it is defined before anything asks for the locale.
 */
import { base } from '$app/paths';
import { defineCustomClientStrategy, defineCustomServerStrategy } from '$lib/paraglide/runtime';
import { setBasePath } from './locale';
import { localeOfPath } from './prefixes.js';

setBasePath(base);
defineCustomServerStrategy('custom-prefix', { getLocale: (request) => (request ? localeOfPath(new URL(request.url).pathname, base) : undefined) });
defineCustomClientStrategy('custom-prefix', {
	getLocale: () => localeOfPath(location.pathname, base),
	// The interface is changed by following a link to the other address, never in place.
	setLocale: () => {}
});

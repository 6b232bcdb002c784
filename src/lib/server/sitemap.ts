/**
 * /sitemap.xml: every prerendered page a reader would land on. A sitemap's addresses must be
 * absolute, so without SITE_URL they use the address `npm start` serves the site at, and say so.
 */
import { FACET_KEYS, facetValue } from '$lib/content/facets';
import type { Manifest } from '$lib/content/manifest';
import { summariseDocument } from '$lib/content/present';
import { LOCALE_PREFIXES } from '$lib/i18n/prefixes.js';

export const LOCAL_ORIGIN = 'http://127.0.0.1:4173';

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Site paths (without the base path) of every page worth listing. */
export function sitemapPaths(manifest: Manifest): string[] {
	const docs = manifest.documents.map(summariseDocument);
	const facets = FACET_KEYS.flatMap((facet) => [...new Set(docs.map((d) => facetValue(d, facet)).filter((v): v is string => v !== null))].sort().map((value) => `/archive/${facet}/${encodeURIComponent(value)}`));
	return ['/', '/timeline', ...(manifest.story ? ['/story'] : []), '/archive', '/claims', '/search', '/about', ...manifest.events.map((e) => `/events/${e.id}`), ...manifest.documents.map((d) => `/archive/${d.id}`), ...facets];
}

/** A path in each interface: /archive, /zh-hans/archive, /zh-hant/archive (the home page: /, /zh-hans, /zh-hant). */
const inLocale = (path: string, prefix: string) => (prefix && path === '/' ? prefix : prefix + path);

/**
 * Every page in every interface, each listing its versions in the others (hreflang alternates,
 * English as the x-default), as search engines read them.
 */
export function sitemapXml(paths: readonly string[], origin: string, base: string, explicit: boolean): string {
	const address = (p: string) => escapeXml(origin + base + (p === '/' && base ? '' : p));
	const locales = Object.entries(LOCALE_PREFIXES);
	const urls = paths.flatMap((p) => {
		const links = [...locales.map(([locale, prefix]) => `<xhtml:link rel="alternate" hreflang="${locale}" href="${address(inLocale(p, prefix))}"/>`), `<xhtml:link rel="alternate" hreflang="x-default" href="${address(p)}"/>`].join('');
		return locales.map(([, prefix]) => `  <url><loc>${address(inLocale(p, prefix))}</loc>${links}</url>`);
	});
	const note = explicit ? '' : `<!-- Built without SITE_URL: addresses are those of \`npm start\`. Set SITE_URL=https://your.host when building for a public address. -->\n`;
	return `<?xml version="1.0" encoding="UTF-8"?>\n${note}<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n${urls.join('\n')}\n</urlset>\n`;
}

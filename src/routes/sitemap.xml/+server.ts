import { base } from '$app/paths';
import { getManifest } from '$lib/server/archive';
import { SITE_URL } from '$lib/server/site';
import { LOCAL_ORIGIN, sitemapPaths, sitemapXml } from '$lib/server/sitemap';

export const prerender = true;

export function GET(): Response {
	return new Response(sitemapXml(sitemapPaths(getManifest()), SITE_URL ?? LOCAL_ORIGIN, base, SITE_URL !== null), { headers: { 'content-type': 'application/xml' } });
}

import { getManifest } from '$lib/server/archive';
import { SITE_URL } from '$lib/server/site';
import { currentLocale } from '$lib/i18n/locale';
import type { LayoutServerLoad } from './$types';

/** On every page: the public address, the site's name and the claimants' names in the page's language (a few words each). */
export const load: LayoutServerLoad = () => {
	const locale = currentLocale();
	const { claimants, siteName } = getManifest();
	return {
		siteUrl: SITE_URL,
		siteName: siteName?.[locale] ?? null,
		// Every interface's, for the one 404 page that serves all three (it picks the reader's in the browser).
		siteNames: siteName ?? null,
		claimants: Object.fromEntries(Object.entries(claimants).map(([id, c]) => [id, (locale !== 'en' ? c[locale]?.name : undefined) ?? c.name]))
	};
};

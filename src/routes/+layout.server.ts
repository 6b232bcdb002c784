import { getManifest } from '$lib/server/archive';
import { SITE_URL } from '$lib/server/site';
import type { LayoutServerLoad } from './$types';

/** On every page: the public address, and the claimants' names (a few words) for notices that name them. */
export const load: LayoutServerLoad = () => ({
	siteUrl: SITE_URL,
	claimants: Object.fromEntries(Object.entries(getManifest().claimants).map(([id, c]) => [id, c.name]))
});

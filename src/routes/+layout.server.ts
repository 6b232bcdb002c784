import { SITE_URL } from '$lib/server/site';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = () => ({ siteUrl: SITE_URL });

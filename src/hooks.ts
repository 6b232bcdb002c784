/**
 * /zh-hans/… and /zh-hant/… are the English routes in another interface: the route is found by
 * the URL without its locale prefix, and the locale by the prefix (Paraglide's URL patterns).
 */
import type { Reroute } from '@sveltejs/kit';
import { deLocalizeUrl } from '$lib/paraglide/runtime';

export const reroute: Reroute = ({ url }) => deLocalizeUrl(url).pathname;

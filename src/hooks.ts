/**
 * /zh-hans/… and /zh-hant/… are the English routes in another interface: the route is found by
 * the URL without its locale prefix, and the locale by the prefix (src/lib/i18n/strategy.ts).
 */
import type { Reroute } from '@sveltejs/kit';
import { base } from '$app/paths';
import '$lib/i18n/strategy';
import { withoutLocale } from '$lib/i18n/prefixes.js';

export const reroute: Reroute = ({ url }) => withoutLocale(url.pathname, base);

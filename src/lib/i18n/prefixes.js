/**
 * Where each interface lives: English at the site's own paths (they are cited, so they never
 * move), Simplified Chinese under /zh-hans/ and Traditional under /zh-hant/, all under the base
 * path a mirror serves the site from. Plain path arithmetic, so that Paraglide needs no URL
 * patterns (custom ones pull a 15 KB URLPattern polyfill into every page) and the pipeline can
 * use it too.
 */

/** The URL prefix of each locale; English has none. */
export const LOCALE_PREFIXES = /** @type {const} */ ({ en: '', 'zh-Hans': '/zh-hans', 'zh-Hant': '/zh-hant' });

/** @typedef {keyof typeof LOCALE_PREFIXES} PrefixedLocale */

/**
 * The path without the base path, or null when the path is outside it.
 * @param {string} pathname @param {string} base
 */
function insideBase(pathname, base) {
	if (base === '') return pathname;
	if (pathname === base) return '/';
	return pathname.startsWith(`${base}/`) ? pathname.slice(base.length) : null;
}

/**
 * The locale a path is in: the prefix after the base path decides; anything else is English.
 * @param {string} pathname @param {string} base
 * @returns {PrefixedLocale}
 */
export function localeOfPath(pathname, base) {
	const path = insideBase(pathname, base);
	if (path === null) return 'en';
	for (const [locale, prefix] of Object.entries(LOCALE_PREFIXES)) {
		if (prefix && (path === prefix || path.startsWith(`${prefix}/`))) return /** @type {PrefixedLocale} */ (locale);
	}
	return 'en';
}

/**
 * The path with its locale prefix removed: /base/zh-hant/archive → /base/archive.
 * @param {string} pathname @param {string} base
 */
export function withoutLocale(pathname, base) {
	const path = insideBase(pathname, base);
	const prefix = path === null ? '' : LOCALE_PREFIXES[localeOfPath(pathname, base)];
	if (path === null || !prefix) return pathname;
	const rest = path.slice(prefix.length) || '/';
	return base + (rest === '/' && base ? '' : rest) || '/';
}

/**
 * A path of this site (with the base path) in a locale's interface: /base/archive → /base/zh-hans/archive,
 * / → /zh-hans. Query and fragment are kept; addresses outside the base path are left alone.
 * @param {string} href @param {PrefixedLocale} locale @param {string} base
 */
export function withLocale(href, locale, base) {
	const [, pathname = '', rest = ''] = /^([^?#]*)(.*)$/.exec(href) ?? [];
	const bare = withoutLocale(pathname, base);
	const path = insideBase(bare, base);
	if (path === null) return href;
	const prefix = LOCALE_PREFIXES[locale];
	const localized = prefix ? (path === '/' ? prefix : prefix + path) : path;
	// The home page of a mirror is /base, not /base/.
	return (localized === '/' && base ? base : base + localized) + rest;
}

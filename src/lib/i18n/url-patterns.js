/**
 * Where each interface lives: English at the site's own paths (they are cited, so they never
 * move), Simplified Chinese under /zh-hans/ and Traditional under /zh-hant/, all under the base
 * path a mirror serves the site from. Paraglide's default patterns ignore the base path, so the
 * patterns are built from it (vite.config.ts passes BASE_PATH).
 * Plain JavaScript: vite.config.ts imports it before any TypeScript is compiled.
 */

/** The URL prefix of each locale; English has none. */
export const LOCALE_PREFIXES = { en: '', 'zh-Hans': '/zh-hans', 'zh-Hant': '/zh-hant' };

/**
 * Paraglide's urlPatterns for a base path ("" or "/mirrors/x"): the Chinese prefixes first, so
 * that English, which matches any path, is the fallback.
 * @param {string} base
 * @returns {{ pattern: string, localized: ['en' | 'zh-Hans' | 'zh-Hant', string][] }[]}
 */
export function urlPatterns(base) {
	const origin = ':protocol://:domain(.*)::port?';
	return [
		{
			pattern: `${origin}${base}/:path(.*)?`,
			localized: [
				['zh-Hans', `${origin}${base}/zh-hans/:path(.*)?`],
				['zh-Hant', `${origin}${base}/zh-hant/:path(.*)?`],
				['en', `${origin}${base}/:path(.*)?`]
			]
		}
	];
}

/**
 * The reader's interface language and the site's addresses in it. The locale is the URL's: English
 * at the site's own paths, Simplified Chinese under /zh-hans/, Traditional under /zh-hant/
 * (src/lib/i18n/strategy.ts; on the server, the request's, held by Paraglide's middleware).
 */
import { getLocale, locales } from '../paraglide/runtime.js';
import { withLocale } from './prefixes.js';

export type Locale = (typeof locales)[number];
export const LOCALES = locales;

/** The locale of the page being rendered or read. */
export const currentLocale = (): Locale => getLocale();

export const isChinese = (locale: Locale = currentLocale()): boolean => locale !== 'en';

/** The site's base path, set once at start (src/lib/i18n/strategy.ts); this module stays free of SvelteKit imports so the pipeline can use it. */
let basePath = '';
export const setBasePath = (base: string) => (basePath = base);

/** An address of this site (with the base path) in the reader's interface, or another's: its query and fragment kept. */
export const localized = (href: string, locale: Locale = currentLocale()): string => withLocale(href, locale, basePath);

/** Each interface's name in its own language, for the language switch. */
export const LOCALE_NAMES: Record<Locale, string> = { en: 'English', 'zh-Hans': '简体中文', 'zh-Hant': '繁體中文' };

/** Open Graph's locale codes. */
export const OG_LOCALES: Record<Locale, string> = { en: 'en_US', 'zh-Hans': 'zh_CN', 'zh-Hant': 'zh_TW' };

/**
 * The reader's interface language and the site's addresses in it. The locale is the URL's: English
 * at the site's own paths, Simplified Chinese under /zh-hans/, Traditional under /zh-hant/
 * (Paraglide's URL strategy; on the server, the request's, held by its middleware).
 */
import { getLocale, localizeHref, locales } from '../paraglide/runtime.js';

export type Locale = (typeof locales)[number];
export const LOCALES = locales;

/** The locale of the page being rendered or read. */
export const currentLocale = (): Locale => getLocale();

export const isChinese = (locale: Locale = currentLocale()): boolean => locale !== 'en';

/** An address of this site (with the base path) in the reader's interface, or another's. */
export const localized = (href: string, locale: Locale = currentLocale()): string => localizeHref(href, { locale });

/** Each interface's name in its own language, for the language switch. */
export const LOCALE_NAMES: Record<Locale, string> = { en: 'English', 'zh-Hans': '简体中文', 'zh-Hant': '繁體中文' };

/** Open Graph's locale codes. */
export const OG_LOCALES: Record<Locale, string> = { en: 'en_US', 'zh-Hans': 'zh_CN', 'zh-Hant': 'zh_TW' };

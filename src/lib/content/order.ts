/**
 * Ordering by code point. `localeCompare` without a locale follows the machine's language
 * settings, so output sorted with it could differ between two builds of the same archive.
 */
export const byCodePoint = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

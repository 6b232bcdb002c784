/**
 * The site's public address, from SITE_URL at build time (e.g. https://example.org, with any base
 * path left to BASE_PATH). Without it, pages give root-relative canonical addresses and citations
 * use the address the page was opened at.
 */
export const SITE_URL: string | null = process.env.SITE_URL?.replace(/\/+$/, '') || null;

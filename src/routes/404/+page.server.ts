import { currentLocale } from '$lib/i18n/locale';
import type { PageServerLoad } from './$types';

/**
 * The language this page was rendered in. A static host serves the one prerendered 404.html for
 * every missing address in every interface, so the page starts from the order it was rendered in
 * and, in the browser, moves the reader's language (the address's prefix) to the top.
 */
export const load: PageServerLoad = () => ({ renderedLocale: currentLocale() });

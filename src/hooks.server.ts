/**
 * Every page is rendered in the locale its URL names: Paraglide's middleware holds it for the
 * request (so concurrent prerendered pages never mix), and <html lang> is set from it.
 */
import type { Handle } from '@sveltejs/kit';
import '$lib/i18n/strategy';
import { paraglideMiddleware } from '$lib/paraglide/server';

export const handle: Handle = ({ event, resolve }) =>
	paraglideMiddleware(event.request, ({ request, locale }) => {
		event.request = request;
		return resolve(event, { transformPageChunk: ({ html }) => html.replace('%lang%', locale) });
	});

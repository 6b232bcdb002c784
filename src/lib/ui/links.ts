/**
 * Permanent URLs, with the base path, in the reader's interface: /archive/<id>, /events/<id>
 * (/zh-hans/archive/<id> on a Simplified page), and archived files, which are the same for all.
 */
import { asset, resolve } from '$app/paths';
import { sourceFragment } from '$lib/content/present';
import type { SourceRef } from '$lib/content/schema';
import { localized } from '$lib/i18n/locale';

/** A page of the site, in the reader's interface: pageHref('/timeline'). */
export const pageHref = (route: '/' | '/timeline' | '/timeline/list' | '/archive' | '/claims' | '/about' | '/search' | '/story') => localized(resolve(route));
export const documentHref = (id: string, fragment = '') => localized(resolve('/archive/[id]', { id })) + fragment;
export const eventHref = (id: string) => localized(resolve('/events/[id]', { id }));
export const fileHref = (path: string) => asset(path);
/**
 * The exact place a source points at: /archive/<id>#p-<n> or #page=<n>, with ?quote=<words>
 * when it quotes, so that the reader marks the quoted words there.
 */
export function sourceHref(source: Pick<SourceRef, 'document' | 'page' | 'paragraph' | 'quote'>): string {
	const fragment = sourceFragment(source);
	const quote = source.quote && fragment ? `?quote=${encodeURIComponent(source.quote)}` : '';
	return documentHref(source.document, quote + fragment);
}

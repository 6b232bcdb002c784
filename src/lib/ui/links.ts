/** Permanent URLs, with the base path: /archive/<id>, /events/<id>, /files/<id>/<name>. */
import { asset, resolve } from '$app/paths';
import { sourceFragment } from '$lib/content/present';
import type { SourceRef } from '$lib/content/schema';

export const documentHref = (id: string, fragment = '') => resolve('/archive/[id]', { id }) + fragment;
export const eventHref = (id: string) => resolve('/events/[id]', { id });
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

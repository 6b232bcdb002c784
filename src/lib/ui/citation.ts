/**
 * How a source's citation is put into words, in the reader's language: where in the document
 * ("¶ 10, fourth Whereas clause", 第10段，fourth Whereas clause: the document's own numbering
 * stays as it gives it), and where its quoted words come from. Pure: the components place what
 * these return.
 */
import { claims_location_page, claims_location_paragraph, claims_location_separator } from '../paraglide/messages.js';
import type { CitedSource } from '../content/manifest';
import type { Locale } from '../i18n/locale';

/** One piece of a location: the archive's numbering (in the reader's language), the document's own (as it gives it), or a separator. */
export interface LocationPart {
	text: string;
	/** True for the document's own pinpoint ("para. 6"), which is shown as the document gives it. */
	own?: boolean;
}

/** Where in the document: its page or paragraph in the archived text, then its own pinpoint; empty when the citation names no place. */
export function locationParts(source: Pick<CitedSource, 'page' | 'paragraph' | 'pinpoint'>, locale?: Locale): LocationPart[] {
	const options = locale ? { locale } : {};
	const parts: LocationPart[] = [];
	if (source.page !== undefined) parts.push({ text: claims_location_page({ page: source.page }, options) });
	if (source.paragraph !== undefined) parts.push({ text: claims_location_paragraph({ paragraph: source.paragraph }, options) });
	if (source.pinpoint) parts.push({ text: source.pinpoint, own: true });
	return parts.flatMap((part, i) => (i === 0 ? [part] : [{ text: claims_location_separator({}, options) }, part]));
}

/** Where the quoted words of a citation come from, for its provenance line. */
export type QuoteOrigin =
	| { kind: 'checked' }
	| { kind: 'research-notes' }
	| { kind: 'quoted-by'; who: string }
	| { kind: 'other-sources' };

/** Checked against the archived text when the document is held; otherwise as whoever quotes it (the pipeline's quotedBy). */
export function quoteOrigin(source: Pick<CitedSource, 'quotedBy'>, held: boolean): QuoteOrigin {
	if (held) return { kind: 'checked' };
	if (!source.quotedBy) return { kind: 'other-sources' };
	return /^(the )?research notes/i.test(source.quotedBy) ? { kind: 'research-notes' } : { kind: 'quoted-by', who: source.quotedBy };
}

/** Whose words a quote in translation is: the archive's own translation, or a named translator's. */
export type Rendering = { kind: 'archive' } | { kind: 'translator'; who: string } | null;

export function rendering(source: Pick<CitedSource, 'renderedBy'>): Rendering {
	if (!source.renderedBy) return null;
	return /^the archive$/i.test(source.renderedBy) ? { kind: 'archive' } : { kind: 'translator', who: source.renderedBy };
}

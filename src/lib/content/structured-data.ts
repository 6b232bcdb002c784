/**
 * schema.org data (JSON-LD) for events and documents, so that search engines and reference
 * tools read what a page is about, with the document's identifiers and file hashes.
 */
import type { ManifestDocument, ManifestEvent } from './manifest';
import { displayTitle, eventDateLabel } from './present';

/** JSON safe inside a <script> element: no "<", ">" or "&" can close it or start markup. */
export function jsonLdText(value: object): string {
	return JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
}

export function eventJsonLd(event: ManifestEvent, url: string, documentUrl: (id: string) => string, titles: Record<string, string>): object {
	return {
		'@context': 'https://schema.org',
		'@type': 'Event',
		name: event.title,
		// schema.org has no way to say a date is approximate: such a date is given in words, never as startDate.
		description: event.approximate ? `${eventDateLabel(event)} (approximate date). ${event.summary}` : event.summary,
		...(event.approximate ? {} : { startDate: event.start, ...(event.end ? { endDate: event.end } : {}) }),
		url,
		about: { '@type': 'Person', name: 'Wang Bingzhang' },
		subjectOf: [...new Set(event.sources.map((s) => s.document))].map((id) => ({ '@type': 'CreativeWork', name: titles[id] ?? id, url: documentUrl(id) }))
	};
}

export function documentJsonLd(doc: Omit<ManifestDocument, 'pages'>, url: string, fileUrl: (path: string) => string): object {
	return {
		'@context': 'https://schema.org',
		'@type': doc.files.length > 0 ? 'DigitalDocument' : 'CreativeWork',
		name: displayTitle(doc),
		...(doc.originalTitle ? { alternateName: doc.originalTitle.text } : {}),
		// An approximate date would read as exact here; the page states it with its precision.
		...(doc.date && !doc.dateApproximate ? { dateCreated: doc.date } : {}),
		creator: doc.issuer,
		inLanguage: doc.languages,
		description: doc.description,
		url,
		identifier: [
			{ '@type': 'PropertyValue', propertyID: 'Archive id', value: doc.id },
			...doc.identifiers.map((i) => ({ '@type': 'PropertyValue', propertyID: i.scheme, value: i.value }))
		],
		...(doc.files.length > 0
			? { encoding: doc.files.map((f) => ({ '@type': 'MediaObject', name: f.name, contentUrl: fileUrl(f.path), encodingFormat: f.mediaType, contentSize: `${f.bytes} bytes`, sha256: f.sha256 })) }
			: {})
	};
}

/**
 * The file formats the archive accepts, with the extensions their files carry. The schema, the
 * pipeline's format gate (src/pipeline/formats.ts), archive:add and the static server's headers
 * all read this one table. To admit a new format, add it here, give it a check in the gate, and
 * teach the site to show it.
 */
export const ACCEPTED_FORMATS = {
	'text/plain': { label: 'plain UTF-8 text', extensions: ['.txt'] },
	'application/pdf': { label: 'PDF', extensions: ['.pdf'] },
	'application/json': { label: 'JSON data', extensions: ['.json'] },
	'text/tab-separated-values': { label: 'machine-read words (Tesseract TSV)', extensions: ['.tsv'] }
} as const;

export type ArchivedMediaType = keyof typeof ACCEPTED_FORMATS;

export const ACCEPTED_MEDIA_TYPES = Object.keys(ACCEPTED_FORMATS) as [ArchivedMediaType, ...ArchivedMediaType[]];

/** ".pdf" from "Judgment.PDF"; "" when the name has none. */
export const extensionOf = (name: string): string => {
	const dot = name.lastIndexOf('.');
	return dot > 0 ? name.slice(dot).toLowerCase() : '';
};

/** The media type a file name's extension stands for, if the archive accepts it. */
export function mediaTypeForName(name: string): ArchivedMediaType | undefined {
	const ext = extensionOf(name);
	return ACCEPTED_MEDIA_TYPES.find((type) => (ACCEPTED_FORMATS[type].extensions as readonly string[]).includes(ext));
}

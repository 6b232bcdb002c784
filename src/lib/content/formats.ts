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
	'text/tab-separated-values': { label: 'machine-read words (Tesseract TSV)', extensions: ['.tsv'] },
	'image/jpeg': { label: 'JPEG image', extensions: ['.jpg', '.jpeg'] },
	'image/png': { label: 'PNG image', extensions: ['.png'] },
	'image/tiff': { label: 'TIFF image (one page or several)', extensions: ['.tif', '.tiff'] }
} as const;

export type ArchivedMediaType = keyof typeof ACCEPTED_FORMATS;

export const ACCEPTED_MEDIA_TYPES = Object.keys(ACCEPTED_FORMATS) as [ArchivedMediaType, ...ArchivedMediaType[]];

/** The image formats a scan or a photograph may come as: its pages are shown through a PDF made from them. */
export const IMAGE_MEDIA_TYPES = ['image/jpeg', 'image/png', 'image/tiff'] as const satisfies readonly ArchivedMediaType[];
export type ImageMediaType = (typeof IMAGE_MEDIA_TYPES)[number];
export const isImageType = (type: string): type is ImageMediaType => (IMAGE_MEDIA_TYPES as readonly string[]).includes(type);

/** Formats a phone or a scanner gives that the archive refuses, with the command that converts them. */
export const CONVERTIBLE_FORMATS: Readonly<Record<string, { label: string; fix: (name: string) => string }>> = {
	'.heic': { label: 'HEIC (a phone’s High Efficiency image)', fix: (name) => `convert it to JPEG, which keeps its EXIF orientation: \`heif-convert ${name} ${name.replace(/\.[^.]+$/, '')}.jpg\` (Debian's libheif-examples), then add the JPEG` },
	'.heif': { label: 'HEIF', fix: (name) => `convert it to JPEG: \`heif-convert ${name} ${name.replace(/\.[^.]+$/, '')}.jpg\` (Debian's libheif-examples), then add the JPEG` }
};

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

/**
 * The viewer's first-page image: page 1 of each archived PDF, rendered at build time by pdf.js in
 * Node, as a WebP the width the reader shows it. The document page's HTML holds it as an <img> in
 * page 1's box, so the page is painted with the HTML, before pdf.js (about 1.5 MB with its worker)
 * has loaded, and without JavaScript at all; pdf.js's canvas then takes the same box. A
 * derivative of the site, not of the archive: it is made again on every build, never kept in
 * archive/, and its name carries a hash of its bytes (which are the same on every build).
 */
import { createHash } from 'node:crypto';
import { renderPdfPages } from './ocr';

/** CSS pixels across the image: about the width the reader draws a portrait page at 1280×800 (the box scales it to its own size). */
export const PAGE_IMAGE_WIDTH = 800;

export interface PageImage {
	/** WebP bytes. */
	bytes: Uint8Array;
	width: number;
	height: number;
}

/** Page 1 of a PDF, PAGE_IMAGE_WIDTH pixels wide. Throws as pdf.js does on a PDF it cannot draw. */
export async function renderFirstPage(pdf: Uint8Array, sizePoints: readonly [number, number]): Promise<PageImage> {
	const images = await renderPdfPages(pdf, [1], { scale: (width) => PAGE_IMAGE_WIDTH / width, format: 'webp' });
	const bytes = images.get(1)!;
	const [w, h] = sizePoints;
	return { bytes, width: PAGE_IMAGE_WIDTH, height: Math.round((PAGE_IMAGE_WIDTH * h) / w) };
}

/** Where the site serves a document's first-page image: named by its content, so a browser never shows a stale one. */
export function pageImagePath(documentId: string, image: PageImage): string {
	return `/page-images/${documentId}/page-1.${createHash('sha256').update(image.bytes).digest('hex').slice(0, 12)}.webp`;
}

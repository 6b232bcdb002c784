import { browser } from '$app/environment';
import { loadPdfjs } from '$lib/viewer/pdf-loader';
import type { PageLoad } from './$types';

/**
 * Runs in the browser before the page hydrates: a document shown as a PDF starts pdf.js and its
 * worker here, the earliest moment the page's code runs, since most of the wait for a first page
 * is pdf.js starting up.
 */
export const load: PageLoad = ({ data }) => {
	if (browser && data.doc.files.some((f) => f.mediaType === 'application/pdf') && data.doc.pages) void loadPdfjs().catch(() => {});
	return data;
};

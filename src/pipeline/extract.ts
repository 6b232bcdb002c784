/**
 * Stage 4, extract: the text of each document, in the units its anchors use: numbered
 * paragraphs for text files (#p-<n>), pages for PDFs (#page=<n>). A PDF that pdf.js cannot
 * open is a problem, not a warning.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { splitParagraphs } from '../lib/content/text';
import type { HashedDocument, HashedFile } from './hash';
import type { Problem } from './problems';

export interface ExtractedDocument extends HashedDocument {
	/** Paragraphs of the archived text file, if there is one. */
	paragraphs: string[] | null;
	/** Text of each page of the archived PDF, if there is one. */
	pages: string[] | null;
	/** Each page's size in PDF points, as shown (rotation applied): the viewer lays pages out before pdf.js has loaded. */
	pageSizes: [number, number][] | null;
}

const pdfjsRoot = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));

/** Text of each page, lines kept (pdf.js marks line ends with hasEOL). */
export async function extractPdfPages(data: Uint8Array): Promise<string[]> {
	return (await extractPdf(data)).pages;
}

/** Each page's text (lines kept) and size in points. */
export async function extractPdf(data: Uint8Array): Promise<{ pages: string[]; sizes: [number, number][] }> {
	const { getDocument, VerbosityLevel } = await import('pdfjs-dist/legacy/build/pdf.mjs');
	const task = getDocument({
		data: new Uint8Array(data),
		standardFontDataUrl: join(pdfjsRoot, 'standard_fonts') + '/',
		cMapUrl: join(pdfjsRoot, 'cmaps') + '/',
		cMapPacked: true,
		isEvalSupported: false,
		stopAtErrors: true,
		verbosity: VerbosityLevel.ERRORS
	});
	try {
		const pdf = await task.promise;
		const pages: string[] = [];
		const sizes: [number, number][] = [];
		for (let n = 1; n <= pdf.numPages; n++) {
			const page = await pdf.getPage(n);
			const { width, height } = page.getViewport({ scale: 1 });
			sizes.push([Math.round(width * 100) / 100, Math.round(height * 100) / 100]);
			const content = await page.getTextContent();
			let text = '';
			for (const item of content.items) {
				if (!('str' in item)) continue;
				text += item.str + (item.hasEOL ? '\n' : '');
			}
			pages.push(text.trim());
			page.cleanup();
		}
		return { pages, sizes };
	} finally {
		await task.destroy();
	}
}

async function extractOne(doc: HashedDocument, problems: Problem[]): Promise<ExtractedDocument> {
	if (!doc.intact) return { ...doc, paragraphs: null, pages: null, pageSizes: null };
	const byType = (type: HashedFile['mediaType']) => doc.files.filter((f) => f.mediaType === type);
	const texts = byType('text/plain');
	const pdfs = byType('application/pdf');
	for (const extra of [...texts.slice(1), ...pdfs.slice(1)]) {
		problems.push({ file: doc.source.metaPath, field: 'files', problem: `holds more than one ${extra.mediaType} file ("${extra.name}")`, fix: 'archive one text file and at most one PDF per document; put other versions in their own document folder' });
	}
	const text = texts[0];
	let paragraphs: string[] | null = null;
	if (text) {
		try {
			paragraphs = splitParagraphs(new TextDecoder('utf-8', { fatal: true }).decode(text.content), doc.meta.paragraphs);
		} catch {
			problems.push({ file: text.path, field: '(file)', problem: 'is not valid UTF-8 text', fix: 'convert the transcription to UTF-8 (e.g. `iconv -f GB18030 -t UTF-8`), then update its sha256' });
			return { ...doc, intact: false, paragraphs: null, pages: null, pageSizes: null };
		}
	}
	if (text && paragraphs?.length === 0) {
		problems.push({ file: text.path, field: '(file)', problem: 'the text file is empty', fix: 'archive the document’s text, or remove the file and its entry' });
	}
	let pages: string[] | null = null;
	let pageSizes: [number, number][] | null = null;
	let intact = true;
	const pdf = pdfs[0];
	if (pdf) {
		try {
			({ pages, sizes: pageSizes } = await extractPdf(pdf.content));
		} catch (error) {
			intact = false;
			problems.push({ file: pdf.path, field: '(file)', problem: `cannot be read as a PDF (${(error as Error).message})`, fix: 'the file is damaged: replace it with an intact copy of the original and update its sha256' });
		}
	}
	return { ...doc, intact, paragraphs, pages, pageSizes };
}

export async function extractTexts(documents: readonly HashedDocument[]): Promise<{ documents: ExtractedDocument[]; problems: Problem[] }> {
	const problems: Problem[] = [];
	const extracted: ExtractedDocument[] = [];
	for (const doc of documents) extracted.push(await extractOne(doc, problems));
	return { documents: extracted, problems };
}

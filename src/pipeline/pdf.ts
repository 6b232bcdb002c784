/**
 * Reading an archived PDF with pdf.js (legacy build, in Node): each page's text and size, and
 * the active features a PDF reader might act on (JavaScript, an action run on opening, a Launch
 * action, embedded files, encryption). The site's viewer never runs any of them (pdf.js's
 * display layer has no scripting, and the viewer sets isEvalSupported: false); the archive
 * records them so the document page can say so, because a reader who downloads the file may
 * open it in a program that does.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { PdfFeature } from '../lib/content/manifest';
import { MAX_PDF_PAGES, MAX_TEXT_CHARS } from './limits';

const pdfjsRoot = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));

export interface PdfReading {
	/** Text of each page, lines kept (pdf.js marks line ends with hasEOL). */
	pages: string[];
	/** Each page's size in PDF points, as shown (rotation applied). */
	sizes: [number, number][];
	/** Active features found, sorted. */
	features: PdfFeature[];
	/** Pages (1-based) that are scans: a full-page image, and next to no text of their own. */
	scannedPages: number[];
}

/**
 * A page with fewer letters than this of its own text, that paints an image over most of it, is a
 * scan: a stamp, a page number or a scanner's label does not make it born-digital.
 */
export const SCANNED_PAGE_CHARS = 20;

/** Whether the page paints one image over at least half of its area (tracking the transforms it applies). */
async function paintsFullPageImage(page: { getOperatorList(): Promise<{ fnArray: number[]; argsArray: unknown[] }>; view: number[] }, OPS: Record<string, number>): Promise<boolean> {
	const [x0 = 0, y0 = 0, x1 = 0, y1 = 0] = page.view;
	const pageArea = Math.abs((x1 - x0) * (y1 - y0));
	if (pageArea === 0) return false;
	const { fnArray, argsArray } = await page.getOperatorList();
	type Matrix = [number, number, number, number, number, number];
	let ctm: Matrix = [1, 0, 0, 1, 0, 0];
	const stack: Matrix[] = [];
	const images = new Set([OPS.paintImageXObject, OPS.paintInlineImageXObject, OPS.paintImageXObjectRepeat]);
	for (let i = 0; i < fnArray.length; i++) {
		const fn = fnArray[i];
		if (fn === OPS.save) stack.push(ctm);
		else if (fn === OPS.restore) ctm = stack.pop() ?? [1, 0, 0, 1, 0, 0];
		else if (fn === OPS.transform) {
			const [a, b, c, d, e, f] = argsArray[i] as Matrix;
			const [A, B, C, D, E, F] = ctm;
			ctm = [a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D, e * A + f * C + E, e * B + f * D + F];
		} else if (images.has(fn!) && Math.abs(ctm[0] * ctm[3] - ctm[1] * ctm[2]) >= pageArea / 2) return true;
	}
	return false;
}

/** Why a PDF cannot be archived as it is. */
export class PdfRefusal extends Error {
	constructor(
		readonly reason: 'encrypted' | 'damaged' | 'too-many-pages' | 'too-much-text',
		message: string
	) {
		super(message);
	}
}

/** A PDF name as a pattern that also matches its #xx-escaped spellings ("/J#61vaScript"). */
function namePattern(name: string): string {
	const chars = [...name].map((c) => `(?:${c}|#${c.charCodeAt(0).toString(16)}|#${c.charCodeAt(0).toString(16).toUpperCase()})`).join('');
	return `/${chars}(?![A-Za-z0-9#])`;
}

const RAW_NAMES: [PdfFeature, RegExp][] = [
	['launch', new RegExp(namePattern('Launch'))],
	['javascript', new RegExp(`${namePattern('JavaScript')}|${namePattern('JS')}`)],
	['embedded-files', new RegExp(namePattern('EmbeddedFile'))]
];
const OPEN_ACTION = new RegExp(`${namePattern('OpenAction')}\\s*(<<|\\[|(\\d+)\\s+(\\d+)\\s+R)`, 'g');

/**
 * Features visible in the file's uncompressed bytes. Objects inside compressed object streams
 * are not seen here; pdf.js's own account of the document (below) covers those it parses.
 */
function rawFeatures(bytes: Uint8Array): Set<PdfFeature> {
	const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
	const found = new Set<PdfFeature>();
	for (const [feature, pattern] of RAW_NAMES) if (pattern.test(text)) found.add(feature);
	for (const match of text.matchAll(OPEN_ACTION)) {
		// "[" is a destination (open at a page), which is harmless; "<<" is an action.
		if (match[1] === '<<') found.add('open-action');
		else if (match[2] !== undefined) {
			const object = new RegExp(`(?:^|\\s)${match[2]}\\s+${match[3]}\\s+obj\\s*(<<|\\[)`).exec(text);
			if (object?.[1] === '<<') found.add('open-action');
		}
	}
	return found;
}

/**
 * Reads a PDF's text, page sizes and active features; throws PdfRefusal when it cannot be archived
 * as it is. The bytes are handed to pdf.js, which may take them over: do not use them afterwards.
 */
export async function readPdf(bytes: Uint8Array): Promise<PdfReading> {
	const features = rawFeatures(bytes);
	const { getDocument, OPS, VerbosityLevel } = await import('pdfjs-dist/legacy/build/pdf.mjs');
	const task = getDocument({
		// The caller's bytes themselves, not a copy: pdf.js takes them over (the caller is done with them).
		data: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength),
		standardFontDataUrl: join(pdfjsRoot, 'standard_fonts') + '/',
		cMapUrl: join(pdfjsRoot, 'cmaps') + '/',
		cMapPacked: true,
		isEvalSupported: false,
		stopAtErrors: true,
		verbosity: VerbosityLevel.ERRORS
	});
	try {
		let pdf;
		try {
			pdf = await task.promise;
		} catch (error) {
			const e = error as Error;
			if (e.name === 'PasswordException') throw new PdfRefusal('encrypted', 'is encrypted: it opens only with a password');
			throw new PdfRefusal('damaged', `cannot be read as a PDF (${e.message})`);
		}
		if (pdf.numPages > MAX_PDF_PAGES) throw new PdfRefusal('too-many-pages', `has ${pdf.numPages} pages, over the limit of ${MAX_PDF_PAGES}`);
		const info = (await pdf.getMetadata()).info as { EncryptFilterName?: string };
		if (info.EncryptFilterName) features.add('encrypted');
		const js = (await pdf.getJSActions()) as Record<string, unknown> | null;
		if (js && Object.keys(js).length > 0) features.add('javascript');
		if (js && 'OpenAction' in js) features.add('open-action');
		const open = (await pdf.getOpenAction()) as { action?: string } | null;
		if (open?.action) features.add('open-action');
		const attachments = (await pdf.getAttachments()) as Record<string, unknown> | null;
		if (attachments && Object.keys(attachments).length > 0) features.add('embedded-files');
		const pages: string[] = [];
		const sizes: [number, number][] = [];
		const scannedPages: number[] = [];
		let chars = 0;
		for (let n = 1; n <= pdf.numPages; n++) {
			const page = await pdf.getPage(n);
			const { width, height } = page.getViewport({ scale: 1 });
			sizes.push([Math.round(width * 100) / 100, Math.round(height * 100) / 100]);
			for (const annotation of (await page.getAnnotations()) as { annotationType?: number; actions?: Record<string, unknown> }[]) {
				if (annotation.annotationType === 17) features.add('embedded-files'); // FILEATTACHMENT
				if (annotation.actions && Object.keys(annotation.actions).length > 0) features.add('javascript');
			}
			const content = await page.getTextContent();
			let text = '';
			for (const item of content.items) {
				if (!('str' in item)) continue;
				text += item.str + (item.hasEOL ? '\n' : '');
			}
			chars += text.length;
			if (chars > MAX_TEXT_CHARS) throw new PdfRefusal('too-much-text', `holds more than ${MAX_TEXT_CHARS.toLocaleString('en')} characters of text (the limit is reached on page ${n})`);
			pages.push(text.trim());
			// Only a page with next to no text is looked at for an image (the operator list costs time).
			if ((text.match(/[\p{L}\p{N}]/gu)?.length ?? 0) < SCANNED_PAGE_CHARS && (await paintsFullPageImage(page, OPS as unknown as Record<string, number>))) scannedPages.push(n);
			page.cleanup();
		}
		return { pages, sizes, features: [...features].sort(), scannedPages };
	} finally {
		await task.destroy();
	}
}

/** Text of each page, lines kept. */
export async function extractPdfPages(data: Uint8Array): Promise<string[]> {
	return (await readPdf(new Uint8Array(data))).pages;
}

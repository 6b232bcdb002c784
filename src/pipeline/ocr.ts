/**
 * Machine-reading scanned pages, once, when a document is added (archive:add, archive:ocr): each
 * page is rendered at 300 dpi by pdf.js and read by Debian's Tesseract; the words, their boxes and
 * confidences are kept in the archive as a TSV file, a declared derivative of the PDF. The build
 * never runs OCR: it reads what the archive holds, so builds stay fast and identical.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { linesText, type OcrBox } from '../lib/content/ocr-text';

/** The record's languages (BCP 47, as `languages` holds them) → Tesseract's language packs. */
export const OCR_LANGUAGES: Readonly<Record<string, readonly string[]>> = {
	en: ['eng'],
	'zh-Hans': ['chi_sim'],
	'zh-Hant': ['chi_tra'],
	zh: ['chi_sim', 'chi_tra'],
	th: ['tha'],
	fr: ['fra']
};

/** Debian's package for each of Tesseract's language packs. */
export const LANGUAGE_PACKAGES: Readonly<Record<string, string>> = { eng: 'tesseract-ocr-eng', chi_sim: 'tesseract-ocr-chi-sim', chi_tra: 'tesseract-ocr-chi-tra', tha: 'tesseract-ocr-tha', fra: 'tesseract-ocr-fra' };

export class OcrRefusal extends Error {
	constructor(
		readonly field: string,
		message: string,
		readonly fix: string
	) {
		super(message);
	}
}

/**
 * The language packs to read a document with, from its record's languages. A Chinese model reads
 * the Latin words of a page too, while Tesseract 5.3's fast models given `chi_sim+eng` lose the
 * Chinese lines of a mixed page (measured on a generated page: every Chinese character lost, every
 * English word read by chi_sim alone): so where a Chinese model is asked for, English is read by it.
 */
export function tesseractLanguages(languages: readonly string[]): string[] {
	if (languages.length === 0) throw new OcrRefusal('languages', 'is empty: OCR needs to know the language of the text', 'list the document’s languages in meta.yaml (en, zh-Hans, zh-Hant, zh, th, fr)');
	const packs: string[] = [];
	for (const language of languages) {
		const known = OCR_LANGUAGES[language];
		if (!known) {
			const fix = language === 'und' ? 'name the language of the text (en, zh-Hans, zh-Hant, zh, th, fr); OCR cannot read a text of unknown language' : `use a language OCR can read: ${Object.keys(OCR_LANGUAGES).join(', ')}`;
			throw new OcrRefusal('languages', `holds "${language}", which the OCR cannot read`, fix);
		}
		for (const pack of known) if (!packs.includes(pack)) packs.push(pack);
	}
	return packs.some((p) => p.startsWith('chi_')) ? packs.filter((p) => p !== 'eng') : packs;
}

/** One word Tesseract read, with its box in the rendered page's pixels. */
export interface OcrWord {
	page: number;
	text: string;
	/** 0 to 100. */
	confidence: number;
	left: number;
	top: number;
	width: number;
	height: number;
	/** Block, paragraph and line: words of one line share it. */
	line: string;
}

/** Words of a page in Tesseract's TSV (level 5 rows), in reading order. */
export function parseTsv(tsv: string): OcrWord[] {
	const rows = tsv.split('\n').map((line) => line.split('\t'));
	const header = rows[0] ?? [];
	const col = (name: string) => header.indexOf(name);
	const [level, page, block, par, line, left, top, width, height, conf, text] = ['level', 'page_num', 'block_num', 'par_num', 'line_num', 'left', 'top', 'width', 'height', 'conf', 'text'].map(col);
	if ([level, conf, text].some((i) => i === -1)) throw new Error('not Tesseract TSV: its header lacks level, conf or text');
	const words: OcrWord[] = [];
	for (const row of rows.slice(1)) {
		if (row[level!] !== '5') continue;
		const word = (row[text!] ?? '').trim();
		if (!word) continue;
		words.push({ page: Number(row[page!]), text: word, confidence: Number(row[conf!]), left: Number(row[left!]), top: Number(row[top!]), width: Number(row[width!]), height: Number(row[height!]), line: `${row[block!]}.${row[par!]}.${row[line!]}` });
	}
	return words;
}

/**
 * A page's text from its words: a line's words joined by spaces, except between Chinese
 * characters, which Tesseract gives as words of their own (泰国 警方 称) and which a Chinese text
 * writes without spaces; one line of text per line read.
 */
export function pageText(words: readonly OcrWord[]): string {
	return linesText(pageLines(words).map((line) => line.map((w) => w.text)));
}

/** A page's words grouped in lines, in reading order. */
export function pageLines(words: readonly OcrWord[]): OcrWord[][] {
	const lines: OcrWord[][] = [];
	let lineKey: string | null = null;
	for (const word of words) {
		if (word.line !== lineKey) {
			lines.push([]);
			lineKey = word.line;
		}
		lines.at(-1)!.push(word);
	}
	return lines;
}

/** A page's lines of word boxes, as fractions of the rendered page (width and height in pixels at OCR_DPI), for the reader to lay over the scan. */
export function pageBoxes(words: readonly OcrWord[], size: [number, number]): OcrBox[][] {
	const [w, h] = size;
	const round = (v: number) => Math.round(v * 10000) / 10000;
	return pageLines(words).map((line) => line.map((word): OcrBox => [word.text, round(word.left / w), round(word.top / h), round(word.width / w), round(word.height / h)]));
}

/** The mean of the words' confidences (0 to 100), one decimal; null for a page with no word. */
export function meanConfidence(words: readonly OcrWord[]): number | null {
	const known = words.filter((w) => w.confidence >= 0);
	if (known.length === 0) return null;
	return Math.round((known.reduce((n, w) => n + w.confidence, 0) / known.length) * 10) / 10;
}

/** Tesseract's version ("5.3.0"), or an OcrRefusal saying how to install it. */
export function tesseractVersion(): string {
	const run = spawnSync('tesseract', ['--version'], { encoding: 'utf8' });
	if (run.error || run.status !== 0) throw new OcrRefusal('(ocr)', 'needs Tesseract, which is not installed', 'install it: sudo apt-get install tesseract-ocr (npm test installs it on Debian as root)');
	return /tesseract\s+v?(\d+\.\d+\.\d+)/i.exec(`${run.stdout}${run.stderr}`)?.[1] ?? 'unknown';
}

/** Refuses a pack that is not installed, naming the Debian package that brings it. */
export function checkLanguagePacks(packs: readonly string[]): void {
	const listed = execFileSync('tesseract', ['--list-langs'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).split('\n').slice(1).map((l) => l.trim());
	const missing = packs.filter((p) => !listed.includes(p));
	if (missing.length > 0) throw new OcrRefusal('languages', `needs Tesseract's language pack${missing.length > 1 ? 's' : ''} ${missing.join(', ')}, not installed`, `install ${missing.map((p) => LANGUAGE_PACKAGES[p] ?? `tesseract-ocr-${p}`).join(' ')} (sudo apt-get install …), then run the command again`);
}

/** Reads one page image (PNG bytes) with Tesseract: its TSV. */
export function readImage(png: Uint8Array, packs: readonly string[]): string {
	const run = spawnSync('tesseract', ['stdin', 'stdout', '-l', packs.join('+'), '--dpi', String(OCR_DPI), 'tsv'], { input: png, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
	if (run.error || run.status !== 0) throw new OcrRefusal('(ocr)', `Tesseract failed: ${(run.stderr || run.error?.message || '').trim().split('\n').at(-1)}`, 'check that the page image is readable; run the command again');
	return run.stdout;
}

export const OCR_DPI = 300;

/** WebP quality of the viewer's page images: text stays sharp at the size shown, at a fraction of a PNG's bytes. */
export const PAGE_IMAGE_QUALITY = 80;

const require = createRequire(import.meta.url);
const pdfjsRoot = join(require.resolve('pdfjs-dist/package.json'), '..');

/** How a rendered page is drawn and encoded: OCR reads a lossless PNG at OCR_DPI; the viewer's page image is a WebP at the width it is shown. */
export interface RenderOptions {
	/** Pixels per PDF point for a page (by its width in points). */
	scale?: (widthPoints: number) => number;
	format?: 'png' | 'webp';
}

/** Renders each listed page (1-based) of a PDF (at OCR_DPI unless told otherwise), on white, as PNG bytes (or WebP). */
export async function renderPdfPages(bytes: Uint8Array, pages: readonly number[], options: RenderOptions = {}): Promise<Map<number, Uint8Array>> {
	const { createCanvas } = await import('@napi-rs/canvas');
	const { getDocument, VerbosityLevel } = await import('pdfjs-dist/legacy/build/pdf.mjs');
	const task = getDocument({ data: new Uint8Array(bytes), standardFontDataUrl: join(pdfjsRoot, 'standard_fonts') + '/', cMapUrl: join(pdfjsRoot, 'cmaps') + '/', cMapPacked: true, isEvalSupported: false, verbosity: VerbosityLevel.ERRORS });
	const out = new Map<number, Uint8Array>();
	try {
		const pdf = await task.promise;
		for (const n of pages) {
			const page = await pdf.getPage(n);
			const viewport = page.getViewport({ scale: options.scale ? options.scale(page.getViewport({ scale: 1 }).width) : OCR_DPI / 72 });
			const canvas = createCanvas(Math.round(viewport.width), Math.round(viewport.height));
			// @napi-rs/canvas stands in for the browser's canvas, which pdf.js's types name.
			await page.render({ canvas: canvas as unknown as HTMLCanvasElement, canvasContext: canvas.getContext('2d') as unknown as CanvasRenderingContext2D, viewport, background: 'rgb(255,255,255)' }).promise;
			out.set(n, new Uint8Array(options.format === 'webp' ? canvas.toBuffer('image/webp', PAGE_IMAGE_QUALITY) : canvas.toBuffer('image/png')));
			page.cleanup();
		}
	} finally {
		await task.destroy();
	}
	return out;
}

/** The TSV of several pages as one file: each page's rows with its page number, under one header. */
export function joinPageTsv(pages: ReadonlyMap<number, string>): string {
	let header = '';
	const rows: string[] = [];
	for (const [n, tsv] of [...pages].sort((a, b) => a[0] - b[0])) {
		const lines = tsv.split('\n').filter((l) => l.length > 0);
		header ||= lines[0] ?? '';
		const pageCol = (lines[0] ?? '').split('\t').indexOf('page_num');
		for (const line of lines.slice(1)) {
			const cells = line.split('\t');
			if (pageCol >= 0) cells[pageCol] = String(n);
			rows.push(cells.join('\t'));
		}
	}
	return `${header}\n${rows.join('\n')}\n`;
}

/**
 * Stage 4, extract: the text of each document, in the units its anchors use: numbered
 * paragraphs for text files (#p-<n>), pages for PDFs (#page=<n>). A PDF that pdf.js cannot
 * open is a problem, not a warning; one that is encrypted is called encrypted. The files' bytes
 * are released here, so a large PDF is never held twice for long.
 */
import type { MachineRead, ManifestTable, PdfFeature } from '../lib/content/manifest';
import { readTable } from './data-table';
import { formatBytes, MAX_TEXT_CHARS } from './limits';
import { splitParagraphs } from './paragraphs';
import { meanConfidence, OCR_DPI, pageBoxes, pageText, parseTsv, type OcrWord } from './ocr';
import type { Correction } from '../lib/content/schema';
import { readPdf, PdfRefusal } from './pdf';
import { renderFirstPage, type PageImage } from './page-image';
import type { HashedDocument, HashedFile } from './hash';
import type { Problem } from './problems';

export { extractPdfPages } from './pdf';

export interface ExtractedDocument extends HashedDocument {
	/** Paragraphs of the archived text file, if there is one. */
	paragraphs: string[] | null;
	/** Text of each page of the archived PDF, if there is one. */
	pages: string[] | null;
	/** Each page's size in PDF points, as shown (rotation applied): the viewer lays pages out before pdf.js has loaded. */
	pageSizes: [number, number][] | null;
	/** Active features of the archived PDF (JavaScript, OpenAction, Launch, embedded files, encryption). */
	pdfFeatures: PdfFeature[];
	/** The data record's table, read from its JSON as meta.yaml declares. */
	table: ManifestTable | null;
	/** The pages whose text is the OCR file's words (scanned pages), when there are any. */
	machineRead: MachineRead | null;
	/** Page 1 of the archived PDF as an image, for the reader to show before pdf.js has loaded (page-image.ts). */
	firstPage: PageImage | null;
}

/** What the archive holds of a PDF's machine-read words: OCR's output, and a person's corrections of it if any. */
interface ReadWords {
	ocr: OcrWord[];
	tool: string;
	checks: readonly { pages: number[]; by: string; date: string }[];
	/** The corrected words (a copy of the OCR file with words changed), and the record of each corrected page. */
	corrected?: { words: OcrWord[]; corrections: readonly Correction[] };
}

/** Pages whose text the corrected words change, against OCR's own. */
export function changedPages(ocr: readonly OcrWord[], corrected: readonly OcrWord[]): number[] {
	const pages = [...new Set([...ocr, ...corrected].map((w) => w.page))].sort((a, b) => a - b);
	const onPage = (words: readonly OcrWord[], n: number) => words.filter((w) => w.page === n);
	return pages.filter((n) => pageText(onPage(ocr, n)) !== pageText(onPage(corrected, n)));
}

/** Scanned pages get the words OCR read (as a person corrected them, where one did); pages with their own text keep it. */
function withMachineRead(pages: string[], sizes: readonly [number, number][], scannedPages: readonly number[], read: ReadWords): { pages: string[]; machineRead: MachineRead | null } {
	const words = read.corrected?.words ?? read.ocr;
	const readPages: number[] = [];
	const boxes: MachineRead['boxes'] = {};
	const out = [...pages];
	for (const n of scannedPages) {
		const onPage = words.filter((w) => w.page === n);
		if (onPage.length === 0) continue;
		out[n - 1] = pageText(onPage);
		// The image OCR read was the page rendered at OCR_DPI: its pixels, from the page's size in points.
		const [w, h] = sizes[n - 1] ?? [0, 0];
		boxes[n] = pageBoxes(onPage, [Math.round((w * OCR_DPI) / 72), Math.round((h * OCR_DPI) / 72)]);
		readPages.push(n);
	}
	if (readPages.length === 0) return { pages, machineRead: null };
	const checked: MachineRead['checked'] = {};
	for (const check of read.checks) for (const n of check.pages) if (readPages.includes(n)) checked[n] = { by: check.by, date: check.date };
	const corrected: MachineRead['corrected'] = {};
	for (const c of read.corrected?.corrections ?? []) if (readPages.includes(c.page)) corrected[c.page] = { by: c.by, date: c.date, reason: c.reason };
	return { pages: out, machineRead: { pages: readPages, tool: read.tool, meanConfidence: meanConfidence(read.ocr.filter((w) => readPages.includes(w.page))), boxes, checked, corrected } };
}

/** The OCR file and corrected words of the PDF, read and checked against each other: what the archive holds, and the problems with it. */
function readWords(doc: HashedDocument, pdfName: string, problems: Problem[]): ReadWords | null {
	const ocrEntry = doc.meta.files.find((f) => f.role === 'ocr' && f.derivedFrom?.[0] === pdfName);
	const ocrFile = ocrEntry && doc.files.find((f) => f.name === ocrEntry.name);
	if (!ocrEntry || !ocrFile?.content) return null;
	const parse = (file: HashedFile, fix: string): OcrWord[] | null => {
		try {
			return parseTsv(new TextDecoder('utf-8').decode(file.content!));
		} catch (error) {
			problems.push({ file: file.path, field: '(file)', problem: `cannot be read as Tesseract's TSV (${(error as Error).message})`, fix });
			return null;
		}
	};
	// The OCR file's own fault, not the PDF's.
	const ocr = parse(ocrFile, `write it again: npm run archive:ocr -- ${doc.meta.id}`);
	if (!ocr) return null;
	const read: ReadWords = { ocr, tool: ocrEntry.tool ?? 'OCR', checks: ocrEntry.checked ?? [] };
	const correctedEntry = doc.meta.files.find((f) => f.role === 'corrected' && f.derivedFrom?.[0] === ocrEntry.name);
	const correctedFile = correctedEntry && doc.files.find((f) => f.name === correctedEntry.name);
	if (correctedEntry && correctedFile?.content) {
		const words = parse(correctedFile, `start again from a copy of ${ocrEntry.name} and change only the text column of the words to correct`);
		if (words) {
			const field = `files.${correctedEntry.name}.corrections`;
			const changed = changedPages(ocr, words);
			const recorded = (correctedEntry.corrections ?? []).map((c) => c.page);
			const silent = changed.filter((n) => !recorded.includes(n));
			const idle = recorded.filter((n) => !changed.includes(n));
			// A correction no record names would be a silent edit of the source's words.
			if (silent.length > 0) problems.push({ file: doc.source.metaPath, field, problem: `names no correction of page${silent.length > 1 ? 's' : ''} ${silent.join(', ')}, whose words ${correctedEntry.name} changes from OCR's`, fix: 'record each corrected page ({ page, date, by, reason }), or undo the change' });
			if (idle.length > 0) problems.push({ file: doc.source.metaPath, field, problem: `records a correction of page${idle.length > 1 ? 's' : ''} ${idle.join(', ')}, where ${correctedEntry.name} has the same words as OCR`, fix: 'make the correction in the file, or remove its record' });
			read.corrected = { words, corrections: correctedEntry.corrections ?? [] };
		}
	}
	return read;
}

const PDF_FIXES: Record<PdfRefusal['reason'], string> = {
	encrypted: 'archive a decrypted copy (e.g. `qpdf --decrypt --password=<password> in.pdf out.pdf`), say in provenance that the original is encrypted, and update its sha256',
	damaged: 'the file is damaged: replace it with an intact copy of the original and update its sha256',
	'too-many-pages': 'split it into volumes, one document each',
	'too-much-text': 'split it into volumes, one document each'
};

async function extractOne(doc: HashedDocument, problems: Problem[], pageImages: boolean): Promise<ExtractedDocument> {
	const release = () => doc.files.forEach((f) => (f.content = null));
	const none = { paragraphs: null, pages: null, pageSizes: null, pdfFeatures: [], table: null, machineRead: null, firstPage: null };
	if (!doc.intact) {
		release();
		return { ...doc, ...none };
	}
	const byType = (type: HashedFile['mediaType']) => doc.files.filter((f) => f.mediaType === type);
	const texts = byType('text/plain');
	const pdfs = byType('application/pdf');
	const jsons = byType('application/json');
	for (const extra of [...texts.slice(1), ...pdfs.slice(1), ...jsons.slice(1)]) {
		problems.push({ file: doc.source.metaPath, field: 'files', problem: `holds more than one ${extra.mediaType} file ("${extra.name}")`, fix: 'archive one text file, at most one PDF and at most one data file per document; put other versions in their own document folder' });
	}
	let table: ManifestTable | null = null;
	const json = jsons[0];
	if (json?.content && doc.meta.table) {
		// The format gate has checked it parses.
		const read = readTable(JSON.parse(new TextDecoder('utf-8').decode(json.content)), doc.meta.table);
		table = read.table;
		for (const p of read.problems) problems.push({ file: doc.source.metaPath, field: p.field, problem: p.problem, fix: p.fix });
	} else if (json && !doc.meta.table) {
		problems.push({ file: doc.source.metaPath, field: 'table', problem: `is missing: "${json.name}" is a data record, and the site shows one only as the table its meta.yaml declares`, fix: 'declare the table (rows, columns, countBy, anchor; see archive/README.md, "Data records")' });
	}
	let intact = true;
	let paragraphs: string[] | null = null;
	const text = texts[0];
	if (text?.content) {
		// The format gate has checked the bytes are UTF-8.
		paragraphs = splitParagraphs(new TextDecoder('utf-8').decode(text.content), doc.meta.paragraphs);
		const chars = paragraphs.reduce((n, p) => n + p.length, 0);
		if (paragraphs.length === 0) problems.push({ file: text.path, field: '(file)', problem: 'the text file is empty', fix: 'archive the document’s text, or remove the file and its entry' });
		if (chars > MAX_TEXT_CHARS) {
			problems.push({ file: text.path, field: '(file)', problem: `holds ${chars.toLocaleString('en')} characters, over the limit of ${MAX_TEXT_CHARS.toLocaleString('en')} (${formatBytes(MAX_TEXT_CHARS)})`, fix: 'split the transcription into several documents' });
			intact = false;
		}
	}
	let pages: string[] | null = null;
	let pageSizes: [number, number][] | null = null;
	let pdfFeatures: PdfFeature[] = [];
	let machineRead: MachineRead | null = null;
	let firstPage: PageImage | null = null;
	const pdf = pdfs[0];
	if (pdf?.content) {
		const bytes = pdf.content;
		pdf.content = null; // handed to pdf.js
		// pdf.js may take the bytes it reads: the image is drawn from a copy, once the PDF has been read.
		const forImage = pageImages ? new Uint8Array(bytes) : null; // a copy (a Buffer's slice() would share its memory)
		try {
			let scannedPages: number[];
			({ pages, sizes: pageSizes, features: pdfFeatures, scannedPages } = await readPdf(bytes));
			if (forImage && pageSizes[0]) firstPage = await renderFirstPage(forImage, pageSizes[0]);
			const read = readWords(doc, pdf.name, problems);
			if (read) {
				({ pages, machineRead } = withMachineRead(pages, pageSizes, scannedPages, read));
				const ocrName = doc.meta.files.find((f) => f.role === 'ocr' && f.derivedFrom?.[0] === pdf.name)!.name;
				const notRead = read.checks.flatMap((c) => c.pages).filter((n) => !machineRead?.pages.includes(n));
				if (notRead.length > 0) problems.push({ file: doc.source.metaPath, field: `files.${ocrName}.checked`, problem: `names page${notRead.length > 1 ? 's' : ''} ${notRead.join(', ')} as checked, but OCR read no such page`, fix: 'name only pages OCR read (they are listed on the document page)' });
			}
			const unread = scannedPages.filter((n) => !machineRead?.pages.includes(n));
			if (unread.length > 0) {
				problems.push({ file: pdf.path, field: '(file)', problem: `page${unread.length > 1 ? 's' : ''} ${unread.join(', ')} ${unread.length > 1 ? 'are scans' : 'is a scan'} (a full-page image with next to no text of its own), and the archive holds no machine-read text for ${unread.length > 1 ? 'them' : 'it'}: search, find and quote checks would not reach ${unread.length > 1 ? 'them' : 'it'}`, fix: `read it with OCR: npm run archive:ocr -- ${doc.meta.id}` });
			}
		} catch (error) {
			intact = false;
			// Anything pdf.js throws on the way through a page means the file is damaged too.
			const refusal = error instanceof PdfRefusal ? error : new PdfRefusal('damaged', `cannot be read as a PDF (${(error as Error).message})`);
			problems.push({ file: pdf.path, field: '(file)', problem: refusal.message, fix: PDF_FIXES[refusal.reason] });
		}
	}
	release();
	return intact ? { ...doc, paragraphs, pages, pageSizes, pdfFeatures, table, machineRead, firstPage } : { ...doc, intact, ...none };
}

/**
 * `pageImages`: also draw each PDF's first page for the viewer (page-image.ts). Only a build
 * writes them; a check or an add, which runs the whole archive through here each time, need not
 * draw them.
 */
export async function extractTexts(documents: readonly HashedDocument[], options: { pageImages?: boolean } = {}): Promise<{ documents: ExtractedDocument[]; problems: Problem[] }> {
	const problems: Problem[] = [];
	const extracted: ExtractedDocument[] = [];
	for (const doc of documents) extracted.push(await extractOne(doc, problems, options.pageImages ?? false));
	return { documents: extracted, problems };
}

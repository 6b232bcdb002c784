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
import { meanConfidence, OCR_DPI, pageBoxes, pageText, parseTsv } from './ocr';
import { readPdf, PdfRefusal } from './pdf';
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
}

/** Scanned pages get the words OCR read; pages with their own text keep it. */
function withMachineRead(pages: string[], sizes: readonly [number, number][], scannedPages: readonly number[], tsv: string, tool: string, checks: readonly { pages: number[]; by: string; date: string }[]): { pages: string[]; machineRead: MachineRead | null } {
	const words = parseTsv(tsv);
	const read: number[] = [];
	const boxes: MachineRead['boxes'] = {};
	const out = [...pages];
	for (const n of scannedPages) {
		const onPage = words.filter((w) => w.page === n);
		if (onPage.length === 0) continue;
		out[n - 1] = pageText(onPage);
		// The image OCR read was the page rendered at OCR_DPI: its pixels, from the page's size in points.
		const [w, h] = sizes[n - 1] ?? [0, 0];
		boxes[n] = pageBoxes(onPage, [Math.round((w * OCR_DPI) / 72), Math.round((h * OCR_DPI) / 72)]);
		read.push(n);
	}
	if (read.length === 0) return { pages, machineRead: null };
	const checked: MachineRead['checked'] = {};
	for (const check of checks) for (const n of check.pages) if (read.includes(n)) checked[n] = { by: check.by, date: check.date };
	return { pages: out, machineRead: { pages: read, tool, meanConfidence: meanConfidence(words.filter((w) => read.includes(w.page))), boxes, checked } };
}

const PDF_FIXES: Record<PdfRefusal['reason'], string> = {
	encrypted: 'archive a decrypted copy (e.g. `qpdf --decrypt --password=<password> in.pdf out.pdf`), say in provenance that the original is encrypted, and update its sha256',
	damaged: 'the file is damaged: replace it with an intact copy of the original and update its sha256',
	'too-many-pages': 'split it into volumes, one document each',
	'too-much-text': 'split it into volumes, one document each'
};

async function extractOne(doc: HashedDocument, problems: Problem[]): Promise<ExtractedDocument> {
	const release = () => doc.files.forEach((f) => (f.content = null));
	const none = { paragraphs: null, pages: null, pageSizes: null, pdfFeatures: [], table: null, machineRead: null };
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
	const pdf = pdfs[0];
	if (pdf?.content) {
		const bytes = pdf.content;
		pdf.content = null; // handed to pdf.js
		try {
			let scannedPages: number[];
			({ pages, sizes: pageSizes, features: pdfFeatures, scannedPages } = await readPdf(bytes));
			const ocrEntry = doc.meta.files.find((f) => f.role === 'ocr' && f.derivedFrom === pdf.name);
			const ocr = ocrEntry && doc.files.find((f) => f.name === ocrEntry.name);
			if (ocr?.content) {
				try {
					({ pages, machineRead } = withMachineRead(pages, pageSizes, scannedPages, new TextDecoder('utf-8').decode(ocr.content), ocrEntry!.tool ?? 'OCR', ocrEntry!.checked ?? []));
					const notRead = (ocrEntry!.checked ?? []).flatMap((c) => c.pages).filter((n) => !machineRead?.pages.includes(n));
					if (notRead.length > 0) problems.push({ file: doc.source.metaPath, field: `files.${ocrEntry!.name}.checked`, problem: `names page${notRead.length > 1 ? 's' : ''} ${notRead.join(', ')} as checked, but OCR read no such page`, fix: 'name only pages OCR read (they are listed on the document page)' });
				} catch (error) {
					// The OCR file's own fault, not the PDF's.
					problems.push({ file: ocr.path, field: '(file)', problem: `cannot be read as Tesseract's TSV (${(error as Error).message})`, fix: `write it again: npm run archive:ocr -- ${doc.meta.id}` });
				}
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
	return intact ? { ...doc, paragraphs, pages, pageSizes, pdfFeatures, table, machineRead } : { ...doc, intact, ...none };
}

export async function extractTexts(documents: readonly HashedDocument[]): Promise<{ documents: ExtractedDocument[]; problems: Problem[] }> {
	const problems: Problem[] = [];
	const extracted: ExtractedDocument[] = [];
	for (const doc of documents) extracted.push(await extractOne(doc, problems));
	return { documents: extracted, problems };
}

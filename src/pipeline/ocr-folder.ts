/**
 * OCR applied to a document folder: its PDF's scanned pages read by Tesseract, the words written
 * beside the PDF as `<pdf>.ocr.tsv` and declared in meta.yaml as a derivative (role ocr, the PDF it
 * was read from, the engine, version, languages and resolution, the mean confidence). Used by
 * archive:add on the folder it prepares, and by `archive:ocr <id>` on a copy of a document's
 * folder that replaces it only once the whole archive checks.
 */
import { cpSync, existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { sha256Hex } from './hash';
import { checkLanguagePacks, joinPageTsv, meanConfidence, OCR_DPI, OcrRefusal, parseTsv, readImage, renderPdfPages, tesseractLanguages, tesseractVersion } from './ocr';
import { PdfRefusal, readPdf } from './pdf';
import { formatProblem } from './problems';
import { runPipeline } from './run';
import { STAGING_FOLDER } from './discover';

interface ListedFile {
	name: string;
	mediaType: string;
	role?: string;
	derivedFrom?: string;
}

/** What OCR did to a folder: the pages read and how sure it was; null when it had nothing to read. */
export interface OcrOutcome {
	file: string;
	pages: number[];
	meanConfidence: number | null;
	tool: string;
}

/**
 * Reads the scanned pages of the folder's PDF and records the words. Returns null when no page is
 * a scan (nothing to read). Throws OcrRefusal (with the field and the fix) when it cannot.
 */
export async function ocrFolder(dir: string): Promise<OcrOutcome | null> {
	const metaPath = join(dir, 'meta.yaml');
	const meta = parseDocument(readFileSync(metaPath, 'utf8'));
	const files = (meta.toJS().files ?? []) as ListedFile[];
	const languages = (meta.toJS().languages ?? []) as string[];
	const pdf = files.find((f) => f.mediaType === 'application/pdf');
	if (!pdf) throw new OcrRefusal('files', 'lists no PDF: OCR reads the scanned pages of a PDF', 'archive the scan as a PDF (images are not accepted yet)');
	const bytes = new Uint8Array(readFileSync(join(dir, pdf.name)));
	let scannedPages: number[];
	try {
		({ scannedPages } = await readPdf(new Uint8Array(bytes)));
	} catch (error) {
		// A PDF that cannot be read is the check's to report, with its own fix.
		if (error instanceof PdfRefusal) return null;
		throw error;
	}
	if (scannedPages.length === 0) return null;
	const packs = tesseractLanguages(languages);
	const version = tesseractVersion();
	checkLanguagePacks(packs);
	const images = await renderPdfPages(bytes, scannedPages);
	const tsv = joinPageTsv(new Map([...images].map(([n, png]) => [n, readImage(png, packs)])));
	const words = parseTsv(tsv);
	if (words.length === 0) throw new OcrRefusal('(ocr)', `read no text on page${scannedPages.length > 1 ? 's' : ''} ${scannedPages.join(', ')}`, 'check that the scan is legible and that `languages` names its language; a page with no words at all is an image, not a text');
	const name = `${pdf.name.replace(/\.pdf$/i, '')}.ocr.tsv`;
	const tool = `tesseract ${version} (${packs.join('+')}, ${OCR_DPI} dpi)`;
	const confidence = meanConfidence(words);
	const entry = { name, mediaType: 'text/tab-separated-values', sha256: sha256Hex(Buffer.from(tsv, 'utf8')), role: 'ocr', derivedFrom: pdf.name, tool, ...(confidence === null ? {} : { meanConfidence: confidence }) };
	const kept = files.filter((f) => !(f.role === 'ocr' && f.derivedFrom === pdf.name));
	meta.set('files', meta.createNode([...kept, entry]));
	writeFileSync(join(dir, name), tsv);
	writeFileSync(metaPath, meta.toString({ lineWidth: 0 }));
	return { file: name, pages: scannedPages, meanConfidence: confidence, tool };
}

/**
 * `archive:ocr <id>`: reads a document's scanned pages in a copy of its folder, checks the whole
 * archive with the copy in its place, and only then swaps the copy in (one rename each way). On
 * any problem the document is left as it was.
 */
export async function ocrInArchive(id: string, archiveDir: string): Promise<{ ok: boolean; errors: string[]; notes: string[] }> {
	const dir = join(archiveDir, 'documents', id);
	if (!id || !existsSync(join(dir, 'meta.yaml'))) return { ok: false, errors: [`${dir}: (folder): no document "${id}" in the archive (give the id of a document folder: npm run archive:ocr -- <id>)`], notes: [] };
	const staged = join(archiveDir, STAGING_FOLDER, `${id}-ocr-${process.pid}`);
	const old = join(archiveDir, STAGING_FOLDER, `${id}-before-ocr-${process.pid}`);
	rmSync(staged, { recursive: true, force: true });
	cpSync(dir, staged, { recursive: true });
	try {
		let outcome: OcrOutcome | null;
		try {
			outcome = await ocrFolder(staged);
		} catch (error) {
			if (error instanceof OcrRefusal) return { ok: false, errors: [formatProblem({ file: join(dir, 'meta.yaml'), field: error.field, problem: error.message, fix: error.fix }), 'Nothing was changed.'], notes: [] };
			throw error;
		}
		if (!outcome) return { ok: true, errors: [], notes: [`${id}: no page of its PDF is a scan; nothing to read.`] };
		const result = await runPipeline({ archiveDir, pending: { id, dir: staged, replaces: true } });
		const mine = result.problems.filter((p) => p.file.startsWith(staged));
		if (mine.length > 0) return { ok: false, errors: [...mine.map((p) => formatProblem({ ...p, file: dir + p.file.slice(staged.length) })), 'Nothing was changed.'], notes: [] };
		renameSync(dir, old);
		renameSync(staged, dir);
		rmSync(old, { recursive: true, force: true });
		const confidence = outcome.meanConfidence === null ? '' : `, mean confidence ${outcome.meanConfidence}`;
		return { ok: true, errors: [], notes: [`Read page${outcome.pages.length > 1 ? 's' : ''} ${outcome.pages.join(', ')} of ${id} with ${outcome.tool}${confidence}: ${join(dir, outcome.file)}. The text is machine-read; the site says so until a person has checked it.`] };
	} finally {
		rmSync(staged, { recursive: true, force: true });
	}
}

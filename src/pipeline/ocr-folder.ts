/**
 * The derivatives of a document folder, made once: for image originals, the page PDF the site
 * shows them through (upright, without metadata); for a PDF's scanned pages, the words OCR read,
 * written beside the PDF as `<pdf>.ocr.tsv`. Each is declared in meta.yaml with its role, its
 * sources, the tool that made it and its hash. Used by archive:add on the folder it prepares, by
 * `archive:ocr <id>` on a copy of a document's folder that replaces it only once the whole
 * archive checks, and by `archive:ocr <id> --verify`, which makes them again in a temporary
 * folder and compares their hashes with the recorded ones.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { isImageType } from '../lib/content/formats';
import { sha256Hex } from './hash';
import { imageTool, ImageRefusal, pageImages, pagesPdf } from './images';
import { checkLanguagePacks, joinPageTsv, meanConfidence, OCR_DPI, OcrRefusal, parseTsv, readImage, renderPdfPages, tesseractLanguages, tesseractVersion } from './ocr';
import { PdfRefusal, readPdf } from './pdf';
import { formatProblem } from './problems';
import { runPipeline } from './run';
import { STAGING_FOLDER } from './discover';

interface ListedFile {
	name: string;
	mediaType: string;
	sha256?: string;
	role?: string;
	unpublished?: boolean;
	derivedFrom?: string | string[];
	tool?: string;
}

/** The name of the page PDF made from a document's image originals. */
export const PAGES_PDF = 'pages.pdf';

const sourcesOf = (f: ListedFile): string[] => (f.derivedFrom === undefined ? [] : Array.isArray(f.derivedFrom) ? f.derivedFrom : [f.derivedFrom]);

/** What was made in a folder: the page PDF (if any), and the pages OCR read and how sure it was (if any). */
export interface OcrOutcome {
	pages: { file: string; count: number; turned: number[] } | null;
	read: { file: string; pages: number[]; meanConfidence: number | null; tool: string } | null;
}

/** A derivative as made, before it is written: its bytes and its entry in meta.yaml. */
interface Made {
	bytes: Uint8Array;
	entry: Record<string, unknown> & { name: string; sha256: string };
}

/** The page PDF of the folder's image originals, in their listed order. Unpublished originals are not in the folder: `held` gives their bytes (archive:add has them). */
async function makePages(dir: string, files: readonly ListedFile[], held: ReadonlyMap<string, Uint8Array>): Promise<(Made & { count: number; turned: number[] }) | null> {
	const images = files.filter((f) => f.role === 'original' && isImageType(f.mediaType));
	if (images.length === 0) return null;
	const originals = images.map((f) => {
		const bytes = held.get(f.name) ?? (existsSync(join(dir, f.name)) ? new Uint8Array(readFileSync(join(dir, f.name))) : null);
		if (!bytes) throw new OcrRefusal(`files.${f.name}`, 'is an unpublished original, not in the folder: its pages cannot be made again here', 'the page PDF of an unpublished original is made when it is added (archive:add --unpublished); keep the recorded page PDF');
		return { name: f.name, bytes };
	});
	let pages;
	try {
		pages = await pageImages(originals, { osd: true });
	} catch (error) {
		if (error instanceof ImageRefusal) throw new OcrRefusal(`files.${error.file}`, error.message, error.fix);
		throw error;
	}
	const bytes = await pagesPdf(pages);
	const turned = pages.map((p, i) => (p.turned ? i + 1 : 0)).filter(Boolean);
	return { bytes, count: pages.length, turned, entry: { name: PAGES_PDF, mediaType: 'application/pdf', sha256: sha256Hex(bytes), role: 'pages', derivedFrom: images.map((f) => f.name), tool: imageTool(turned.length > 0) } };
}

/** The words OCR reads on the PDF's scanned pages; null when no page is a scan. Throws OcrRefusal when it cannot read them. */
async function readScans(pdf: { name: string; bytes: Uint8Array }, languages: readonly string[]): Promise<(Made & { pages: number[]; meanConfidence: number | null; tool: string }) | null> {
	let scannedPages: number[];
	try {
		({ scannedPages } = await readPdf(new Uint8Array(pdf.bytes)));
	} catch (error) {
		// A PDF that cannot be read is the check's to report, with its own fix.
		if (error instanceof PdfRefusal) return null;
		throw error;
	}
	if (scannedPages.length === 0) return null;
	const packs = tesseractLanguages(languages);
	const version = tesseractVersion();
	checkLanguagePacks(packs);
	const images = await renderPdfPages(pdf.bytes, scannedPages);
	const tsv = joinPageTsv(new Map([...images].map(([n, png]) => [n, readImage(png, packs)])));
	const words = parseTsv(tsv);
	if (words.length === 0) throw new OcrRefusal('(ocr)', `read no text on page${scannedPages.length > 1 ? 's' : ''} ${scannedPages.join(', ')}`, 'check that the scan is legible and that `languages` names its language; a page with no words at all is an image, not a text');
	const tool = `tesseract ${version} (${packs.join('+')}, ${OCR_DPI} dpi)`;
	const confidence = meanConfidence(words);
	const bytes = new Uint8Array(Buffer.from(tsv, 'utf8'));
	const name = `${pdf.name.replace(/\.pdf$/i, '')}.ocr.tsv`;
	return { bytes, pages: scannedPages, meanConfidence: confidence, tool, entry: { name, mediaType: 'text/tab-separated-values', sha256: sha256Hex(bytes), role: 'ocr', derivedFrom: pdf.name, tool, ...(confidence === null ? {} : { meanConfidence: confidence }) } };
}

function readMeta(dir: string) {
	const meta = parseDocument(readFileSync(join(dir, 'meta.yaml'), 'utf8'));
	const js = meta.toJS() as { files?: ListedFile[]; languages?: string[] };
	return { meta, files: js.files ?? [], languages: js.languages ?? [] };
}

/**
 * Makes the folder's derivatives and records them in its meta.yaml: the page PDF of its image
 * originals (when there are some and it has none), then the words of its PDF's scanned pages
 * (replacing an earlier OCR file). Throws OcrRefusal (with the field and the fix) when it cannot.
 */
export async function ocrFolder(dir: string, held: ReadonlyMap<string, Uint8Array> = new Map()): Promise<OcrOutcome> {
	const { meta, files, languages } = readMeta(dir);
	let listed = [...files];
	const outcome: OcrOutcome = { pages: null, read: null };
	if (!listed.some((f) => f.role === 'pages')) {
		const pages = await makePages(dir, listed, held);
		if (pages) {
			writeFileSync(join(dir, PAGES_PDF), pages.bytes);
			listed.push(pages.entry as unknown as ListedFile);
			outcome.pages = { file: PAGES_PDF, count: pages.count, turned: pages.turned };
		}
	}
	const pdf = listed.find((f) => f.mediaType === 'application/pdf' && !f.unpublished);
	if (!pdf) throw new OcrRefusal('files', 'lists no PDF and no image: OCR reads the scanned pages of a PDF, or of images', 'archive the scan as a PDF, or as JPEG, PNG or TIFF images');
	const read = await readScans({ name: pdf.name, bytes: new Uint8Array(readFileSync(join(dir, pdf.name))) }, languages);
	if (read) {
		writeFileSync(join(dir, read.entry.name), read.bytes);
		listed = [...listed.filter((f) => !(f.role === 'ocr' && sourcesOf(f)[0] === pdf.name)), read.entry as unknown as ListedFile];
		outcome.read = { file: read.entry.name, pages: read.pages, meanConfidence: read.meanConfidence, tool: read.tool };
	}
	if (outcome.pages || outcome.read) {
		meta.set('files', meta.createNode(listed));
		writeFileSync(join(dir, 'meta.yaml'), meta.toString({ lineWidth: 0 }));
	}
	return outcome;
}

/** What `archive:ocr <id>` says it made. */
function outcomeNotes(id: string, dir: string, outcome: OcrOutcome): string[] {
	const notes: string[] = [];
	if (outcome.pages) notes.push(`Made ${join(dir, outcome.pages.file)}: the ${outcome.pages.count} page${outcome.pages.count > 1 ? 's' : ''} of its images, upright, without metadata${outcome.pages.turned.length ? ` (page${outcome.pages.turned.length > 1 ? 's' : ''} ${outcome.pages.turned.join(', ')} turned by Tesseract's orientation detection)` : ''}.`);
	if (outcome.read) {
		const confidence = outcome.read.meanConfidence === null ? '' : `, mean confidence ${outcome.read.meanConfidence}`;
		notes.push(`Read page${outcome.read.pages.length > 1 ? 's' : ''} ${outcome.read.pages.join(', ')} of ${id} with ${outcome.read.tool}${confidence}: ${join(dir, outcome.read.file)}. The text is machine-read; the site says so until a person has checked it.`);
	}
	return notes;
}

/**
 * `archive:ocr <id>`: makes a document's derivatives in a copy of its folder, checks the whole
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
		let outcome: OcrOutcome;
		try {
			outcome = await ocrFolder(staged);
		} catch (error) {
			if (error instanceof OcrRefusal) return { ok: false, errors: [formatProblem({ file: join(dir, 'meta.yaml'), field: error.field, problem: error.message, fix: error.fix }), 'Nothing was changed.'], notes: [] };
			throw error;
		}
		if (!outcome.pages && !outcome.read) return { ok: true, errors: [], notes: [`${id}: no page of its PDF is a scan; nothing to read.`] };
		const result = await runPipeline({ archiveDir, pending: { id, dir: staged, replaces: true } });
		const mine = result.problems.filter((p) => p.file.startsWith(staged));
		if (mine.length > 0) return { ok: false, errors: [...mine.map((p) => formatProblem({ ...p, file: dir + p.file.slice(staged.length) })), 'Nothing was changed.'], notes: [] };
		renameSync(dir, old);
		renameSync(staged, dir);
		rmSync(old, { recursive: true, force: true });
		return { ok: true, errors: [], notes: outcomeNotes(id, dir, outcome) };
	} finally {
		rmSync(staged, { recursive: true, force: true });
	}
}

/** One derivative remade: the recorded hash and the one made again (null when it could not be made again, with why). */
export interface Remade {
	name: string;
	recorded: string;
	remade: string | null;
	note?: string;
}

/**
 * `archive:ocr <id> --verify`: makes the document's derivatives again from its originals, in a
 * temporary folder (the archive is only read), and compares each with its recorded hash. Words a
 * person corrected are not made by a tool, and are not remade.
 */
export async function verifyDerivatives(id: string, archiveDir: string): Promise<{ ok: boolean; errors: string[]; notes: string[]; remade: Remade[] }> {
	const dir = join(archiveDir, 'documents', id);
	if (!id || !existsSync(join(dir, 'meta.yaml'))) return { ok: false, errors: [`${dir}: (folder): no document "${id}" in the archive (give the id of a document folder: npm run archive:ocr -- <id> --verify)`], notes: [], remade: [] };
	const { files, languages } = readMeta(dir);
	const remade: Remade[] = [];
	const scratch = mkdtempSync(join(tmpdir(), `verify-${id}-`));
	try {
		const pagesEntry = files.find((f) => f.role === 'pages');
		if (pagesEntry) {
			try {
				const pages = await makePages(dir, files, new Map());
				if (pages) writeFileSync(join(scratch, pagesEntry.name), pages.bytes);
				remade.push({ name: pagesEntry.name, recorded: pagesEntry.sha256 ?? '', remade: pages ? pages.entry.sha256 : null });
			} catch (error) {
				if (!(error instanceof OcrRefusal)) throw error;
				remade.push({ name: pagesEntry.name, recorded: pagesEntry.sha256 ?? '', remade: null, note: `${error.field}: ${error.message}` });
			}
		}
		for (const ocr of files.filter((f) => f.role === 'ocr')) {
			const from = sourcesOf(ocr)[0] ?? '';
			// The words are read again from the recorded PDF, so that a page PDF that changed is told apart from OCR that did.
			const read = await readScans({ name: from, bytes: new Uint8Array(readFileSync(join(dir, from))) }, languages);
			if (read) writeFileSync(join(scratch, ocr.name), read.bytes);
			remade.push({ name: ocr.name, recorded: ocr.sha256 ?? '', remade: read ? read.entry.sha256 : null, ...(read ? {} : { note: `no page of ${from} is a scan` }) });
		}
	} catch (error) {
		rmSync(scratch, { recursive: true, force: true });
		if (error instanceof OcrRefusal) return { ok: false, errors: [formatProblem({ file: join(dir, 'meta.yaml'), field: error.field, problem: error.message, fix: error.fix })], notes: [], remade };
		throw error;
	}
	const differ = remade.filter((r) => r.remade !== null && r.remade !== r.recorded);
	// What was made differently stays, to be compared with the archived file; the rest goes.
	if (differ.length === 0) rmSync(scratch, { recursive: true, force: true });
	if (remade.length === 0) return { ok: true, errors: [], notes: [`${id}: it has no derivative made by a tool; nothing to verify.`], remade };
	const notes = remade.map((r) => (r.remade === null ? `${r.name}: not made again (${r.note})` : r.remade === r.recorded ? `${r.name}: made again, the same bytes (sha256 ${r.recorded})` : `${r.name}: made again, DIFFERENT bytes: recorded ${r.recorded}, made ${r.remade} (kept in ${join(scratch, r.name)})`));
	const errors = differ.length > 0 ? [`${join(dir, 'meta.yaml')}: files: ${differ.map((r) => r.name).join(', ')} ${differ.length > 1 ? 'are' : 'is'} not what the recorded tools make from the originals (fix: find out what changed: the tool's version (see its tool field), or the file; to replace it deliberately, run npm run archive:ocr -- ${id} after removing its entry)`] : [];
	return { ok: differ.length === 0, errors, notes, remade };
}

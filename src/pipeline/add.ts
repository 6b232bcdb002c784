/**
 * `npm run archive:add -- <file or folder> --id <id> --title "<title>" --date <YYYY[-MM[-DD]]> --kind <kind>
 * [--page <image> …] [--issuer "<issuer>"] [--language <code>] [--secondary] [--unpublished]`:
 * copies an original (a PDF, a text, or the page images of a scan or a photograph) into a new
 * document folder, hashes it, makes its derivatives (a page PDF for images; OCR of scanned
 * pages) and writes a meta.yaml that the check accepts. Fields the command cannot know (rights,
 * description) are written as visibly unfinished, for the archivist to fill in.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, join, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { stringify } from 'yaml';
import { ACCEPTED_FORMATS, ACCEPTED_MEDIA_TYPES, CONVERTIBLE_FORMATS, extensionOf, isImageType, mediaTypeForName } from '../lib/content/formats';
import { checkFormat } from './formats';
import { naturalOrder } from './images';
import { parsePartialDate } from '../lib/content/dates';
import { DOCUMENT_KINDS, SLUG_PATTERN } from '../lib/content/schema';
import { sha256Hex } from './hash';
import { OcrRefusal } from './ocr';
import { ocrFolder, type OcrOutcome } from './ocr-folder';
import { formatProblem } from './problems';
import { runPipeline } from './run';

export { STAGING_FOLDER } from './discover';
import { STAGING_FOLDER } from './discover';

export interface AddRequest {
	/** The original's files, in page order: one file, the pages given by --page, or a folder's images in natural order of their names. */
	files: string[];
	id: string;
	title: string;
	date: string;
	kind: string;
	issuer?: string;
	language?: string;
	secondary?: boolean;
	/** Record the originals by hash only, and publish only what is made from them. */
	unpublished?: boolean;
}

const USAGE = 'usage: npm run archive:add -- <file or folder of page images> --id <id> --title "<title>" --date <YYYY[-MM[-DD]]> --kind <kind> [--page <image> …] [--issuer "<issuer>"] [--language <code>] [--secondary] [--unpublished]';

/** A folder's page images in natural order of their names (page-2 before page-10); hidden files are skipped. */
export function folderPages(folder: string): string[] {
	return naturalOrder(readdirSync(folder).filter((name) => !name.startsWith('.'))).map((name) => join(folder, name));
}

export function parseAddArgs(argv: string[]): AddRequest {
	const { values, positionals } = parseArgs({
		args: argv,
		allowPositionals: true,
		options: {
			id: { type: 'string' },
			title: { type: 'string' },
			date: { type: 'string' },
			kind: { type: 'string' },
			page: { type: 'string', multiple: true },
			issuer: { type: 'string' },
			language: { type: 'string' },
			secondary: { type: 'boolean' },
			unpublished: { type: 'boolean' }
		}
	});
	const given = [...positionals, ...(values.page ?? [])];
	const files = given.length === 1 && existsSync(given[0]!) && statSync(given[0]!).isDirectory() ? folderPages(given[0]!) : given;
	const missing = (['id', 'title', 'date', 'kind'] as const).filter((k) => !values[k]);
	if (given.length === 0 || missing.length > 0) {
		throw new Error(`${USAGE}${given.length === 0 ? '\nmissing: the file to add' : ''}${missing.length ? `\nmissing: ${missing.map((m) => `--${m}`).join(', ')}` : ''}`);
	}
	return { files, id: values.id!, title: values.title!, date: values.date!, kind: values.kind!, issuer: values.issuer, language: values.language, secondary: values.secondary, unpublished: values.unpublished };
}

const ACCEPTED_LIST = ACCEPTED_MEDIA_TYPES.filter((t) => t !== 'text/tab-separated-values').map((t) => `${ACCEPTED_FORMATS[t].extensions.join('/')} (${ACCEPTED_FORMATS[t].label})`).join(', ');

/** The name a file is archived under: its own, made plain. */
const archivedName = (file: string) => basename(file).replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[^A-Za-z0-9]+/, '') || 'original';

/** Checks the request before anything is written; returns every problem found. */
export function checkAddRequest(request: AddRequest, archiveDir: string): string[] {
	const errors: string[] = [];
	if (request.files.length === 0) errors.push('(file): the folder holds no file (give the file to add, or a folder of its page images)');
	const names = new Set<string>();
	for (const file of request.files) {
		const convertible = CONVERTIBLE_FORMATS[extensionOf(file)];
		if (!existsSync(file)) errors.push(`${file}: (file): does not exist (give the path of the file to add)`);
		else if (statSync(file).isDirectory()) errors.push(`${file}: (file): is a folder (give one folder of page images, or the files with --page)`);
		else if (convertible) errors.push(`${file}: (file): is ${convertible.label}, which the archive does not take, because most browsers cannot show it (${convertible.fix(basename(file))})`);
		else if (!mediaTypeForName(file) || mediaTypeForName(file) === 'text/tab-separated-values') errors.push(`${file}: (file): the archive accepts ${ACCEPTED_LIST}; other formats are refused because the site cannot show them, or because a browser would run them (HTML, SVG) (convert the file, e.g. print a web page to PDF, or archive it as a catalogue record)`);
		else if (request.files.length > 1 && !isImageType(mediaTypeForName(file)!)) errors.push(`${file}: (file): only images make a document of several files, one page or more each (add a PDF or a text on its own)`);
		if (names.has(archivedName(file))) errors.push(`${file}: (file): another page has the same name once made plain (${archivedName(file)}) (rename one of them)`);
		names.add(archivedName(file));
	}
	if (request.unpublished && request.files.some((f) => !isImageType(mediaTypeForName(f) ?? ''))) errors.push('--unpublished: only image originals can be held unpublished: the site shows a page PDF made from them, without their metadata');
	if (!SLUG_PATTERN.test(request.id)) errors.push(`--id: "${request.id}" is not a slug (use lower-case letters, digits and single hyphens)`);
	else if (existsSync(join(archiveDir, 'documents', request.id))) errors.push(`--id: "${request.id}" is already in the archive (choose another id; ids are permanent URLs)`);
	const date = parsePartialDate(request.date);
	if (!date.ok) errors.push(`--date: ${date.error} (give YYYY, YYYY-MM or YYYY-MM-DD)`);
	if (!(request.kind in DOCUMENT_KINDS)) errors.push(`--kind: unknown kind "${request.kind}" (use one of: ${Object.keys(DOCUMENT_KINDS).join(', ')})`);
	return errors;
}

/** The images of the request through the format gate, by their bytes: an image that is not one is refused before anything is made from it (other files meet the gate in the archive's check). */
async function gateImages(request: AddRequest): Promise<string[]> {
	const errors: string[] = [];
	for (const file of request.files.filter((f) => isImageType(mediaTypeForName(f) ?? ''))) {
		for (const p of await checkFormat(basename(file), mediaTypeForName(file)!, new Uint8Array(readFileSync(file)))) errors.push(formatProblem({ file, field: p.at === '(file)' ? '(file)' : p.at, problem: p.problem, fix: p.fix }));
	}
	return errors;
}

/**
 * Writes the document's folder at `dir` (a staging folder): the files, copied byte for byte (or,
 * unpublished, recorded by hash and size only), and a meta.yaml. Returns the bytes of the
 * unpublished files, which the page PDF is made from.
 */
export function writeDocumentFolder(request: AddRequest, dir: string): Map<string, Uint8Array> {
	const held = new Map<string, Uint8Array>();
	mkdirSync(dir, { recursive: true });
	const files = request.files.map((file) => {
		const name = archivedName(file);
		const content = new Uint8Array(readFileSync(file));
		if (request.unpublished) held.set(name, content);
		else writeFileSync(join(dir, name), content);
		return { name, mediaType: mediaTypeForName(name) ?? 'application/pdf', sha256: sha256Hex(content), role: 'original', ...(request.unpublished ? { unpublished: true, bytes: content.length } : {}) };
	});
	const meta = {
		id: request.id,
		title: request.title,
		kind: request.kind,
		primary: !request.secondary,
		date: request.date,
		issuer: request.issuer ?? 'Not recorded',
		languages: [request.language ?? 'und'],
		rights: 'Not yet assessed: record the reuse terms before publishing',
		status: 'original',
		description: 'Added with archive:add; the archive’s description has not been written yet.',
		...(request.unpublished ? { provenance: 'Original held unpublished (its metadata or content must not be public): record here who holds it, and how it was obtained.' } : {}),
		files
	};
	writeFileSync(join(dir, 'meta.yaml'), stringify(meta, { lineWidth: 0 }));
	return held;
}

/** Staging folders of earlier runs that were killed outright (their process is gone). */
function removeStaleStaging(stagingRoot: string): void {
	if (!existsSync(stagingRoot)) return;
	for (const name of readdirSync(stagingRoot)) {
		const pid = Number(name.slice(name.lastIndexOf('-') + 1));
		let alive = false;
		try {
			process.kill(pid, 0);
			alive = pid !== process.pid;
		} catch {
			alive = false;
		}
		if (!alive) rmSync(join(stagingRoot, name), { recursive: true, force: true });
	}
}

/**
 * The whole of `archive:add`: checks the request, prepares the folder in archive/.staging/,
 * runs the full check on the archive with it, and only then moves it into documents/<id> in one
 * rename. On any problem, error or interruption (Ctrl-C, a signal) nothing of it remains.
 */
export async function addToArchive(request: AddRequest, archiveDir: string): Promise<{ added: boolean; errors: string[]; notes: string[] }> {
	const errors = checkAddRequest(request, archiveDir);
	if (errors.length > 0) return { added: false, errors, notes: [] };
	const stagingRoot = join(archiveDir, STAGING_FOLDER);
	removeStaleStaging(stagingRoot);
	const staged = join(stagingRoot, `${request.id}-${process.pid}`);
	const cleanUp = () => {
		rmSync(staged, { recursive: true, force: true });
		try {
			rmdirSync(stagingRoot);
		} catch {
			// not empty: another add is running
		}
	};
	const onSignal = (signal: NodeJS.Signals) => {
		cleanUp();
		process.exit(signal === 'SIGINT' ? 130 : 143);
	};
	process.once('SIGINT', onSignal);
	process.once('SIGTERM', onSignal);
	try {
		const gate = await gateImages(request);
		if (gate.length > 0) return { added: false, errors: [...gate, 'Nothing was added.'], notes: [] };
		const held = writeDocumentFolder(request, staged);
		// Images get their page PDF, and scanned pages are machine-read, now, once: the build only reads what the archive holds.
		let ocr: OcrOutcome | null = null;
		const type = mediaTypeForName(request.files[0]!) ?? '';
		try {
			if (type === 'application/pdf' || isImageType(type)) ocr = await ocrFolder(staged, held);
		} catch (error) {
			if (!(error instanceof OcrRefusal)) throw error;
			// A field of a file names the file given; languages is the --language option.
			const named = error.field.startsWith('files.') ? request.files.find((f) => archivedName(f) === error.field.slice(6)) : undefined;
			const field = error.field === 'languages' ? '--language' : named ? '(file)' : error.field;
			return { added: false, errors: [formatProblem({ file: named ?? request.files[0]!, field, problem: error.message, fix: error.fix }), 'Nothing was added.'], notes: [] };
		}
		const result = await runPipeline({ archiveDir, pending: { id: request.id, dir: staged } });
		const mine = result.problems.filter((p) => p.file === staged || p.file.startsWith(staged + sep));
		if (mine.length > 0) {
			const target = join(archiveDir, 'documents', request.id);
			// Name the files where they would have been, not in the staging folder that is about to go.
			const shown = mine.map((p) => formatProblem({ ...p, file: target + p.file.slice(staged.length) }));
			return { added: false, errors: [...shown, 'Nothing was added.'], notes: [] };
		}
		const dir = join(archiveDir, 'documents', request.id);
		if (existsSync(dir)) return { added: false, errors: [`--id: "${request.id}" was added to the archive by something else meanwhile (choose another id)`, 'Nothing was added.'], notes: [] };
		renameSync(staged, dir);
		const notes = [`Added ${join(dir, 'meta.yaml')}. Fill in rights and description, then run \`npm run archive:check\`.`];
		if (ocr?.pages) notes.push(`Its ${ocr.pages.count} page${ocr.pages.count > 1 ? 's' : ''} ${ocr.pages.count > 1 ? 'are' : 'is'} shown through ${ocr.pages.file}, made from the image${request.files.length > 1 ? 's' : ''} upright and without metadata${ocr.pages.turned.length ? ` (page${ocr.pages.turned.length > 1 ? 's' : ''} ${ocr.pages.turned.join(', ')} turned by Tesseract's orientation detection: look at ${ocr.pages.turned.length > 1 ? 'them' : 'it'})` : ''}.`);
		if (request.unpublished) notes.push('The original is recorded by its hash and size only, and is not in the archive: keep it safe elsewhere, and say in provenance who holds it.');
		if (ocr?.read) notes.push(`Its scanned page${ocr.read.pages.length > 1 ? 's' : ''} ${ocr.read.pages.join(', ')} ${ocr.read.pages.length > 1 ? 'were' : 'was'} read with ${ocr.read.tool}${ocr.read.meanConfidence === null ? '' : ` (mean confidence ${ocr.read.meanConfidence})`}: the text is machine-read, and the site says so.`);
		if (result.problems.length > 0) notes.push(`Note: the archive has ${result.problems.length} other problem(s); run \`npm run archive:check\`.`);
		return { added: true, errors: [], notes };
	} finally {
		process.off('SIGINT', onSignal);
		process.off('SIGTERM', onSignal);
		cleanUp();
	}
}

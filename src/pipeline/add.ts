/**
 * `npm run archive:add -- <file> --id <id> --title "<title>" --date <YYYY[-MM[-DD]]> --kind <kind>
 * [--issuer "<issuer>"] [--language <code>] [--secondary]`: copies an original into a new
 * document folder, hashes it and writes a meta.yaml that the check accepts. Fields the command
 * cannot know (rights, description) are written as visibly unfinished, for the archivist to fill in.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { stringify } from 'yaml';
import { ACCEPTED_FORMATS, ACCEPTED_MEDIA_TYPES, mediaTypeForName } from '../lib/content/formats';
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
	file: string;
	id: string;
	title: string;
	date: string;
	kind: string;
	issuer?: string;
	language?: string;
	secondary?: boolean;
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
			issuer: { type: 'string' },
			language: { type: 'string' },
			secondary: { type: 'boolean' }
		}
	});
	const file = positionals[0];
	const missing = (['id', 'title', 'date', 'kind'] as const).filter((k) => !values[k]);
	if (!file || missing.length > 0) {
		throw new Error(`usage: npm run archive:add -- <file> --id <id> --title "<title>" --date <YYYY[-MM[-DD]]> --kind <kind> [--issuer "<issuer>"] [--language <code>] [--secondary]${missing.length ? `\nmissing: ${missing.map((m) => `--${m}`).join(', ')}` : ''}`);
	}
	return { file, id: values.id!, title: values.title!, date: values.date!, kind: values.kind!, issuer: values.issuer, language: values.language, secondary: values.secondary };
}

const ACCEPTED_LIST = ACCEPTED_MEDIA_TYPES.map((t) => `${ACCEPTED_FORMATS[t].extensions.join('/')} (${ACCEPTED_FORMATS[t].label})`).join(', ');

/** Checks the request before anything is written; returns every problem found. */
export function checkAddRequest(request: AddRequest, archiveDir: string): string[] {
	const errors: string[] = [];
	if (!existsSync(request.file)) errors.push(`${request.file}: (file): does not exist (give the path of the file to add)`);
	if (!mediaTypeForName(request.file)) errors.push(`${request.file}: (file): the archive accepts ${ACCEPTED_LIST}; other formats are refused because the site cannot show them, or because a browser would run them (HTML, SVG) (convert the file, e.g. print a web page to PDF, or archive it as a catalogue record)`);
	if (!SLUG_PATTERN.test(request.id)) errors.push(`--id: "${request.id}" is not a slug (use lower-case letters, digits and single hyphens)`);
	else if (existsSync(join(archiveDir, 'documents', request.id))) errors.push(`--id: "${request.id}" is already in the archive (choose another id; ids are permanent URLs)`);
	const date = parsePartialDate(request.date);
	if (!date.ok) errors.push(`--date: ${date.error} (give YYYY, YYYY-MM or YYYY-MM-DD)`);
	if (!(request.kind in DOCUMENT_KINDS)) errors.push(`--kind: unknown kind "${request.kind}" (use one of: ${Object.keys(DOCUMENT_KINDS).join(', ')})`);
	return errors;
}

/** Writes the document's folder at `dir` (a staging folder): the file, copied byte for byte, and a meta.yaml. */
export function writeDocumentFolder(request: AddRequest, dir: string): void {
	const name = basename(request.file).replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[^A-Za-z0-9]+/, '') || 'original';
	const content = readFileSync(request.file);
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
		files: [{ name, mediaType: mediaTypeForName(name) ?? 'application/pdf', sha256: sha256Hex(content), role: 'original' }]
	};
	mkdirSync(dir, { recursive: true });
	writeFileSync(join(dir, name), content);
	writeFileSync(join(dir, 'meta.yaml'), stringify(meta, { lineWidth: 0 }));
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
		writeDocumentFolder(request, staged);
		// A scanned PDF is machine-read now, once: the build only reads what the archive holds.
		let ocr: OcrOutcome | null = null;
		if (mediaTypeForName(request.file) === 'application/pdf') {
			try {
				ocr = await ocrFolder(staged);
			} catch (error) {
				if (!(error instanceof OcrRefusal)) throw error;
				const field = error.field === 'languages' ? '--language' : error.field;
				return { added: false, errors: [formatProblem({ file: request.file, field, problem: error.message, fix: error.fix }), 'Nothing was added.'], notes: [] };
			}
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
		if (ocr) notes.push(`Its scanned page${ocr.pages.length > 1 ? 's' : ''} ${ocr.pages.join(', ')} ${ocr.pages.length > 1 ? 'were' : 'was'} read with ${ocr.tool}${ocr.meanConfidence === null ? '' : ` (mean confidence ${ocr.meanConfidence})`}: the text is machine-read, and the site says so.`);
		if (result.problems.length > 0) notes.push(`Note: the archive has ${result.problems.length} other problem(s); run \`npm run archive:check\`.`);
		return { added: true, errors: [], notes };
	} finally {
		process.off('SIGINT', onSignal);
		process.off('SIGTERM', onSignal);
		cleanUp();
	}
}

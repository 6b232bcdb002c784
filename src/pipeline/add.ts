/**
 * `npm run archive:add -- <file> --id <id> --title "<title>" --date <YYYY[-MM[-DD]]> --kind <kind>
 * [--issuer "<issuer>"] [--language <code>] [--secondary]`: copies an original into a new
 * document folder, hashes it and writes a meta.yaml that the check accepts. Fields the command
 * cannot know (rights, description) are written as visibly unfinished, for the archivist to fill in.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, extname, join, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { stringify } from 'yaml';
import { parsePartialDate } from '../lib/content/dates';
import { DOCUMENT_KINDS, SLUG_PATTERN } from '../lib/content/schema';
import { sha256Hex } from './hash';
import { formatProblem } from './problems';
import { runPipeline } from './run';

const MEDIA_TYPES: Record<string, 'application/pdf' | 'text/plain'> = { '.pdf': 'application/pdf', '.txt': 'text/plain' };

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

/** Checks the request before anything is written; returns every problem found. */
export function checkAddRequest(request: AddRequest, archiveDir: string): string[] {
	const errors: string[] = [];
	if (!existsSync(request.file)) errors.push(`${request.file}: (file): does not exist (give the path of the file to add)`);
	if (!MEDIA_TYPES[extname(request.file).toLowerCase()]) errors.push(`${request.file}: (file): only .pdf and .txt files can be archived (convert the file, or archive it as a catalogue record)`);
	if (!SLUG_PATTERN.test(request.id)) errors.push(`--id: "${request.id}" is not a slug (use lower-case letters, digits and single hyphens)`);
	else if (existsSync(join(archiveDir, 'documents', request.id))) errors.push(`--id: "${request.id}" is already in the archive (choose another id; ids are permanent URLs)`);
	const date = parsePartialDate(request.date);
	if (!date.ok) errors.push(`--date: ${date.error} (give YYYY, YYYY-MM or YYYY-MM-DD)`);
	if (!(request.kind in DOCUMENT_KINDS)) errors.push(`--kind: unknown kind "${request.kind}" (use one of: ${Object.keys(DOCUMENT_KINDS).join(', ')})`);
	return errors;
}

/** Writes the folder; returns its path. The caller runs the full check and removes it on failure. */
export function addDocument(request: AddRequest, archiveDir: string): string {
	const dir = join(archiveDir, 'documents', request.id);
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
		files: [{ name, mediaType: MEDIA_TYPES[extname(name).toLowerCase()] ?? 'application/pdf', sha256: sha256Hex(content), role: 'original' }]
	};
	mkdirSync(dir, { recursive: true });
	copyFileSync(request.file, join(dir, name));
	writeFileSync(join(dir, 'meta.yaml'), stringify(meta, { lineWidth: 0 }));
	return dir;
}

/**
 * The whole of `archive:add`: checks the request, writes the folder, runs the full check, and
 * removes the folder again if the new document has any problem (a damaged PDF, say).
 */
export async function addToArchive(request: AddRequest, archiveDir: string): Promise<{ added: boolean; errors: string[]; notes: string[] }> {
	const errors = checkAddRequest(request, archiveDir);
	if (errors.length > 0) return { added: false, errors, notes: [] };
	const dir = addDocument(request, archiveDir);
	const result = await runPipeline({ archiveDir });
	const mine = result.problems.filter((p) => p.file === dir || p.file.startsWith(dir + sep));
	if (mine.length > 0) {
		rmSync(dir, { recursive: true, force: true });
		return { added: false, errors: [...mine.map((p) => formatProblem(p)), 'Nothing was added.'], notes: [] };
	}
	const notes = [`Added ${join(dir, 'meta.yaml')}. Fill in rights and description, then run \`npm run archive:check\`.`];
	if (result.problems.length > 0) notes.push(`Note: the archive has ${result.problems.length} other problem(s); run \`npm run archive:check\`.`);
	return { added: true, errors: [], notes };
}

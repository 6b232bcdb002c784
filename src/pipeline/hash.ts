/**
 * Stage 3, hash: every listed file must exist inside the document folder, be within its size
 * limit, pass the format gate (formats.ts) and match its SHA-256; every file in a document
 * folder must be listed. The hash is how a reader checks the file is the one archived.
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { IMAGE_MEDIA_TYPES, type ArchivedMediaType } from '../lib/content/formats';
import type { FileEntryOutput } from '../lib/content/schema';
import { checkFormat } from './formats';
import { formatBytes, MAX_IMAGE_BYTES, MAX_PDF_BYTES, MAX_TEXT_BYTES } from './limits';
import type { Problem } from './problems';
import { readRegularFile } from './safe-fs';
import type { ValidDocument } from './validate';

export interface HashedFile {
	name: string;
	mediaType: ArchivedMediaType;
	role: FileEntryOutput['role'];
	sha256: string;
	bytes: number;
	path: string;
	/** The verified bytes, held only until text is extracted (extract.ts releases them). */
	content: Buffer | null;
}

export interface HashedDocument extends ValidDocument {
	/** The files that exist, pass the format gate and match their hashes. */
	files: HashedFile[];
	/** False when a listed file is missing, refused or altered: its text cannot be trusted or checked. */
	intact: boolean;
}

export const sha256Hex = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');

const SIZE_LIMITS: Record<ArchivedMediaType, { max: number; fix: string }> = {
	'text/plain': { max: MAX_TEXT_BYTES, fix: `split the transcription into documents under ${formatBytes(MAX_TEXT_BYTES)} each, or archive the original as a PDF` },
	'application/pdf': { max: MAX_PDF_BYTES, fix: `archive a copy under ${formatBytes(MAX_PDF_BYTES)} (e.g. scanned at 300 dpi, or split into volumes, one document each)` },
	'application/json': { max: MAX_TEXT_BYTES, fix: `split the data into records under ${formatBytes(MAX_TEXT_BYTES)} each, one document each` },
	'text/tab-separated-values': { max: MAX_TEXT_BYTES, fix: `split the PDF into volumes, one document each, and read each with \`npm run archive:ocr\`` },
	...Object.fromEntries(IMAGE_MEDIA_TYPES.map((type) => [type, { max: MAX_IMAGE_BYTES, fix: `archive a copy under ${formatBytes(MAX_IMAGE_BYTES)} (e.g. scanned at 300 dpi), or keep the original unpublished and archive a smaller copy` }]))
} as Record<ArchivedMediaType, { max: number; fix: string }>;

/** The file hashed and through the format gate; null when it is not (the problem is said); 'unpublished' for an original rightly not held. */
async function hashOne(doc: ValidDocument, i: number, listed: Set<string>, problems: Problem[]): Promise<HashedFile | null | 'unpublished'> {
	const entry = doc.meta.files[i]!;
	const field = `files[${i}]`;
	if (listed.has(entry.name)) {
		problems.push({ file: doc.source.metaPath, field: `${field}.name`, problem: `"${entry.name}" is listed twice`, fix: 'list each file once' });
		return null;
	}
	listed.add(entry.name);
	if (doc.source.refusedNames.includes(entry.name)) return null; // discover has said why
	const path = join(doc.source.dir, entry.name);
	if (entry.unpublished) {
		if (!doc.source.fileNames.includes(entry.name)) return 'unpublished';
		problems.push({ file: path, field: '(file)', problem: `is marked unpublished in meta.yaml (${field}.unpublished) but is in the document folder, and everything in the archive is published`, fix: 'move it out of the archive to where unpublished originals are kept (its hash and size stay in meta.yaml), or remove `unpublished` to publish it' });
		return null;
	}
	if (!doc.source.fileNames.includes(entry.name)) {
		problems.push({ file: doc.source.metaPath, field: `${field}.name`, problem: `lists "${entry.name}" but the file is missing from the folder`, fix: `restore ${entry.name} from the original source, or remove its entry` });
		return null;
	}
	const limit = SIZE_LIMITS[entry.mediaType];
	const read = readRegularFile(path, limit.max, limit.fix);
	if (!read.ok) {
		problems.push({ file: path, field: '(file)', problem: read.problem, fix: read.fix });
		return null;
	}
	const actual = sha256Hex(read.content);
	if (actual !== entry.sha256) {
		problems.push({ file: doc.source.metaPath, field: `${field}.sha256`, problem: `"${entry.name}" has SHA-256 ${actual}, not the recorded ${entry.sha256}: the file was altered or replaced after it was archived`, fix: 'restore the archived file; if the new file is the right one, record it as a new version and update sha256 deliberately' });
		return null;
	}
	const formatProblems = await checkFormat(entry.name, entry.mediaType, read.content);
	for (const f of formatProblems) {
		if (f.at === '(file)') problems.push({ file: path, field: '(file)', problem: f.problem, fix: f.fix });
		else problems.push({ file: doc.source.metaPath, field: `${field}.${f.at}`, problem: f.problem, fix: f.fix });
	}
	if (formatProblems.length > 0) return null;
	return { name: entry.name, mediaType: entry.mediaType, role: entry.role, sha256: actual, bytes: read.content.length, path, content: read.content };
}

export async function hashDocuments(documents: readonly ValidDocument[]): Promise<{ documents: HashedDocument[]; problems: Problem[] }> {
	const problems: Problem[] = [];
	const hashed: HashedDocument[] = [];
	for (const doc of documents) {
		const files: HashedFile[] = [];
		const listed = new Set<string>();
		let intact = true;
		for (let i = 0; i < doc.meta.files.length; i++) {
			const file = await hashOne(doc, i, listed, problems);
			if (file === 'unpublished') continue;
			if (file) files.push(file);
			else intact = false;
		}
		for (const name of doc.source.fileNames) {
			if (!listed.has(name)) {
				problems.push({ file: join(doc.source.dir, name), field: '(file)', problem: 'is in the document folder but not listed in meta.yaml files', fix: `list it in files with its mediaType and sha256 (run \`sha256sum ${name}\`), or remove it` });
				intact = false;
			}
		}
		hashed.push({ ...doc, files, intact });
	}
	return { documents: hashed, problems };
}

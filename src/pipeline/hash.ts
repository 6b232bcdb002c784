/**
 * Stage 3, hash: every listed file must exist and match its SHA-256, and every file in a
 * document folder must be listed. The hash is how a reader checks the file is the one archived.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Problem } from './problems';
import type { ValidDocument } from './validate';

export interface HashedFile {
	name: string;
	mediaType: 'text/plain' | 'application/pdf';
	role: 'text' | 'original';
	sha256: string;
	bytes: number;
	path: string;
	content: Buffer;
}

export interface HashedDocument extends ValidDocument {
	/** The files that exist and match their hashes. */
	files: HashedFile[];
	/** False when a listed file is missing or altered: its text cannot be trusted or checked. */
	intact: boolean;
}

export const sha256Hex = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');

export function hashDocuments(documents: readonly ValidDocument[]): { documents: HashedDocument[]; problems: Problem[] } {
	const problems: Problem[] = [];
	const hashed: HashedDocument[] = [];
	for (const doc of documents) {
		const files: HashedFile[] = [];
		const listed = new Set<string>();
		const before = problems.length;
		doc.meta.files.forEach((entry, i) => {
			const field = `files[${i}]`;
			if (listed.has(entry.name)) {
				problems.push({ file: doc.source.metaPath, field: `${field}.name`, problem: `"${entry.name}" is listed twice`, fix: 'list each file once' });
				return;
			}
			listed.add(entry.name);
			const path = join(doc.source.dir, entry.name);
			if (!existsSync(path)) {
				problems.push({ file: doc.source.metaPath, field: `${field}.name`, problem: `lists "${entry.name}" but the file is missing from the folder`, fix: `restore ${entry.name} from the original source, or remove its entry` });
				return;
			}
			const content = readFileSync(path);
			const actual = sha256Hex(content);
			if (actual !== entry.sha256) {
				problems.push({ file: doc.source.metaPath, field: `${field}.sha256`, problem: `"${entry.name}" has SHA-256 ${actual}, not the recorded ${entry.sha256}: the file was altered or replaced after it was archived`, fix: 'restore the archived file; if the new file is the right one, record it as a new version and update sha256 deliberately' });
				return;
			}
			files.push({ name: entry.name, mediaType: entry.mediaType, role: entry.role, sha256: actual, bytes: content.length, path, content });
		});
		for (const name of doc.source.fileNames) {
			if (!listed.has(name)) {
				problems.push({ file: join(doc.source.dir, name), field: '(file)', problem: 'is in the document folder but not listed in meta.yaml files', fix: `list it in files with its mediaType and sha256 (run \`sha256sum ${name}\`), or remove it` });
			}
		}
		hashed.push({ ...doc, files, intact: problems.length === before });
	}
	return { documents: hashed, problems };
}

/**
 * Stage 1, discover: walks the archive folder and pairs each document folder with its files.
 * It reads nothing but names and bytes; meaning is the next stage's job. Everything it reads is
 * a regular file or folder inside the archive (see safe-fs.ts), within the size limits.
 */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { MAX_YAML_BYTES } from './limits';
import type { Problem } from './problems';
import { entryAt, LinkCounter, listFolder, readRegularFile, refusal } from './safe-fs';

export const META_FILE = 'meta.yaml';
export const SITE_FILE = 'site.yaml';
export const STORY_FILE = 'story.yaml';

export interface DiscoveredDocument {
	/** The folder name, which must equal the id in meta.yaml. */
	folderId: string;
	dir: string;
	metaPath: string;
	metaText: string;
	/** Every regular file in the folder other than meta.yaml, sorted. */
	fileNames: string[];
	/** Entries of the folder that are not regular files (already reported): not read, not reported again as missing. */
	refusedNames: string[];
}

export interface DiscoveredEvent {
	/** The file name without ".yaml", which must equal the id inside. */
	fileId: string;
	path: string;
	text: string;
}

export interface Discovered {
	archiveDir: string;
	/** archive/claims/<id>.yaml: the verdict's claims and the evidence on them (the folder is optional). */
	claims: DiscoveredEvent[];
	/** archive/site.yaml, if present. */
	site: { path: string; text: string } | null;
	/** archive/story.yaml, if present: the steps of /story. */
	story?: { path: string; text: string } | null;
	documents: DiscoveredDocument[];
	events: DiscoveredEvent[];
}

/** A document folder being added by archive:add, checked as if it were documents/<id>. */
/** Where archive:add and archive:ocr prepare a document folder before moving it into documents/ in one step. */
export const STAGING_FOLDER = '.staging';

export interface PendingDocument {
	id: string;
	dir: string;
	/** Checked in place of the archive's folder of the same id (archive:ocr's new version of it). */
	replaces?: boolean;
}

const YAML_TOO_LARGE = 'a record is a few kilobytes: move long text into the document’s text file';

class Walker {
	readonly problems: Problem[] = [];
	readonly links = new LinkCounter();

	/** The entry's kind if it is the folder expected; otherwise reports it. */
	folder(path: string, field = '(folder)'): boolean {
		const entry = entryAt(path);
		if (entry.kind === 'folder') return true;
		if (entry.kind !== 'missing') this.problems.push({ file: path, field, ...refusal(entry.kind, 'folder') });
		return false;
	}

	/** Reads a YAML record as UTF-8 text, or reports why it cannot be read. */
	yamlText(path: string): string | null {
		const read = readRegularFile(path, MAX_YAML_BYTES, YAML_TOO_LARGE);
		if (!read.ok) {
			this.problems.push({ file: path, field: '(file)', problem: read.problem, fix: read.fix });
			return null;
		}
		this.links.add(path, read.stat);
		const text = decodeUtf8(read.content);
		if (text === null) {
			this.problems.push({ file: path, field: '(file)', problem: 'is not valid UTF-8 text', fix: 'save the file as UTF-8' });
			return null;
		}
		return text;
	}

	/** The <id>.yaml files of a folder (events/, claims/); anything else in it is a problem. */
	yamlFiles(dir: string, what: string): DiscoveredEvent[] {
		const files: DiscoveredEvent[] = [];
		if (!this.folder(dir)) return files;
		for (const name of listFolder(dir)) {
			const path = join(dir, name);
			if (!name.endsWith('.yaml')) {
				this.problems.push({ file: path, field: '(file)', problem: `not a .yaml ${what} file`, fix: `${what}s are archive/${what}s/<id>.yaml; move or remove this file` });
				continue;
			}
			const text = this.yamlText(path);
			if (text !== null) files.push({ fileId: name.slice(0, -'.yaml'.length), path, text });
		}
		return files;
	}

	document(folderId: string, dir: string): DiscoveredDocument | null {
		const entry = entryAt(dir);
		if (entry.kind === 'file') {
			this.problems.push({ file: dir, field: '(file)', problem: 'a file directly under documents/', fix: 'put each document in its own folder: documents/<id>/meta.yaml' });
			return null;
		}
		if (!this.folder(dir)) return null;
		const metaPath = join(dir, META_FILE);
		if (entryAt(metaPath).kind === 'missing') {
			this.problems.push({ file: metaPath, field: '(file)', problem: 'the document folder has no meta.yaml', fix: 'add meta.yaml (see archive/README.md) or remove the folder' });
			return null;
		}
		const metaText = this.yamlText(metaPath);
		const fileNames: string[] = [];
		const refusedNames: string[] = [];
		for (const name of listFolder(dir)) {
			if (name === META_FILE) continue;
			const path = join(dir, name);
			const file = entryAt(path);
			if (file.kind === 'file' && file.stat) {
				this.links.add(path, file.stat);
				fileNames.push(name);
			} else {
				this.problems.push({ file: path, field: '(file)', ...refusal(file.kind, 'file') });
				refusedNames.push(name);
			}
		}
		if (metaText === null) return null;
		return { folderId, dir, metaPath, metaText, fileNames, refusedNames };
	}
}

const isFolder = (path: string) => {
	try {
		return statSync(path).isDirectory();
	} catch {
		return false;
	}
};

function decodeUtf8(bytes: Uint8Array): string | null {
	try {
		return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
	} catch {
		return null;
	}
}

export function discover(archiveDir: string, pending?: PendingDocument): { discovered: Discovered; problems: Problem[] } {
	const walk = new Walker();
	const documents: DiscoveredDocument[] = [];
	const empty = { archiveDir, site: null, documents, events: [], claims: [] };
	// The archive folder itself is what the archivist points at, so it may be reached through a link.
	if (!isFolder(archiveDir)) {
		walk.problems.push({ file: archiveDir, field: '(folder)', problem: 'the archive folder does not exist', fix: 'set ARCHIVE_DIR to a folder holding documents/ and events/' });
		return { discovered: empty, problems: walk.problems };
	}
	const documentsDir = join(archiveDir, 'documents');
	if (walk.folder(documentsDir)) {
		for (const name of listFolder(documentsDir)) {
			if (pending?.replaces && name === pending.id) continue;
			const doc = walk.document(name, join(documentsDir, name));
			if (doc) documents.push(doc);
		}
	}
	if (pending) {
		const doc = walk.document(pending.id, pending.dir);
		if (doc) documents.push(doc);
	}
	const eventsDir = join(archiveDir, 'events');
	if (entryAt(eventsDir).kind === 'missing') {
		walk.problems.push({ file: eventsDir, field: '(folder)', problem: 'the archive has no events/ folder', fix: 'create archive/events/ (it may be empty) and put each event in events/<id>.yaml' });
	}
	const events = walk.yamlFiles(eventsDir, 'event');
	// claims/ is optional: an archive may record no claims.
	const claims = entryAt(join(archiveDir, 'claims')).kind === 'missing' ? [] : walk.yamlFiles(join(archiveDir, 'claims'), 'claim');
	if (documents.length === 0) {
		walk.problems.push({ file: documentsDir, field: '(folder)', problem: 'no documents found', fix: 'an empty archive is an error: add at least one document folder' });
	}
	const sitePath = join(archiveDir, SITE_FILE);
	let site: Discovered['site'] = null;
	if (entryAt(sitePath).kind !== 'missing') {
		const text = walk.yamlText(sitePath);
		if (text !== null) site = { path: sitePath, text };
	}
	const storyPath = join(archiveDir, STORY_FILE);
	let story: Discovered['story'] = null;
	if (entryAt(storyPath).kind !== 'missing') {
		const text = walk.yamlText(storyPath);
		if (text !== null) story = { path: storyPath, text };
	}
	for (const path of walk.links.linkedOutside()) {
		walk.problems.push({ file: path, field: '(file)', problem: 'is a hard link to a file outside the archive', fix: 'replace it with a copy of its own (`cp --remove-destination`), so that a change outside cannot alter the archive' });
	}
	return { discovered: { archiveDir, site, story, documents, events, claims }, problems: walk.problems };
}

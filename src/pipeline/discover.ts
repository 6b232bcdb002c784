/**
 * Stage 1, discover: walks the archive folder and pairs each document folder with its files.
 * It reads nothing but names and bytes; meaning is the next stage's job.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Problem } from './problems';

export const META_FILE = 'meta.yaml';
export const SITE_FILE = 'site.yaml';

export interface DiscoveredDocument {
	/** The folder name, which must equal the id in meta.yaml. */
	folderId: string;
	dir: string;
	metaPath: string;
	metaText: string;
	/** Every file in the folder other than meta.yaml, sorted. */
	fileNames: string[];
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
	documents: DiscoveredDocument[];
	events: DiscoveredEvent[];
}

const listSorted = (dir: string) => (existsSync(dir) ? readdirSync(dir).sort() : []);

/** The <id>.yaml files of a folder (events/, claims/); anything else in it is a problem. */
function yamlFiles(dir: string, what: string, problems: Problem[]): DiscoveredEvent[] {
	const files: DiscoveredEvent[] = [];
	for (const name of listSorted(dir)) {
		const path = join(dir, name);
		if (!name.endsWith('.yaml')) {
			problems.push({ file: path, field: '(file)', problem: `not a .yaml ${what} file`, fix: `${what}s are archive/${what}s/<id>.yaml; move or remove this file` });
			continue;
		}
		files.push({ fileId: name.slice(0, -'.yaml'.length), path, text: readFileSync(path, 'utf8') });
	}
	return files;
}

export function discover(archiveDir: string): { discovered: Discovered; problems: Problem[] } {
	const problems: Problem[] = [];
	const documents: DiscoveredDocument[] = [];
	const events: DiscoveredEvent[] = [];
	if (!existsSync(archiveDir) || !statSync(archiveDir).isDirectory()) {
		problems.push({ file: archiveDir, field: '(folder)', problem: 'the archive folder does not exist', fix: 'set ARCHIVE_DIR to a folder holding documents/ and events/' });
		return { discovered: { archiveDir, site: null, documents, events, claims: [] }, problems };
	}
	const documentsDir = join(archiveDir, 'documents');
	for (const name of listSorted(documentsDir)) {
		const dir = join(documentsDir, name);
		if (!statSync(dir).isDirectory()) {
			problems.push({ file: dir, field: '(file)', problem: 'a file directly under documents/', fix: 'put each document in its own folder: documents/<id>/meta.yaml' });
			continue;
		}
		const metaPath = join(dir, META_FILE);
		if (!existsSync(metaPath)) {
			problems.push({ file: metaPath, field: '(file)', problem: 'the document folder has no meta.yaml', fix: 'add meta.yaml (see archive/README.md) or remove the folder' });
			continue;
		}
		const fileNames = listSorted(dir).filter((f) => f !== META_FILE);
		documents.push({ folderId: name, dir, metaPath, metaText: readFileSync(metaPath, 'utf8'), fileNames });
	}
	const eventsDir = join(archiveDir, 'events');
	if (!existsSync(eventsDir)) {
		problems.push({ file: eventsDir, field: '(folder)', problem: 'the archive has no events/ folder', fix: 'create archive/events/ (it may be empty) and put each event in events/<id>.yaml' });
	}
	events.push(...yamlFiles(eventsDir, 'event', problems));
	// claims/ is optional: an archive may record no claims.
	const claims = yamlFiles(join(archiveDir, 'claims'), 'claim', problems);
	if (documents.length === 0) {
		problems.push({ file: documentsDir, field: '(folder)', problem: 'no documents found', fix: 'an empty archive is an error: add at least one document folder' });
	}
	const sitePath = join(archiveDir, SITE_FILE);
	const site = existsSync(sitePath) ? { path: sitePath, text: readFileSync(sitePath, 'utf8') } : null;
	return { discovered: { archiveDir, site, documents, events, claims }, problems };
}
